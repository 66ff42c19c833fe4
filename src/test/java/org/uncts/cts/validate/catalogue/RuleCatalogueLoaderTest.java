package org.uncts.cts.validate.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.uncts.cts.model.Severity;
import org.uncts.cts.validate.RowRule;

class RuleCatalogueLoaderTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        Path p = dir.resolve("rules-test.yml");
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void theShippedCatalogueLoads() {
        RuleCatalogue c = RuleCatalogue.builtIn();
        assertSame(c, RuleCatalogue.builtIn(), "read once");
        for (RowRule r : RowRule.values()) {
            assertTrue(c.rule(r.id()).isPresent(), "row rule " + r.id() + " is in the catalogue");
        }
        assertEquals(RowRule.values().length, c.rowRules().size());
        assertEquals(Severity.INFO, c.severity(RowRule.COUNTRY_BY_NAME));
        Rule yoy = c.rule("year-on-year-change").orElseThrow();
        assertEquals(RuleKind.YEAR_ON_YEAR, yoy.kind());
        assertEquals(0.25, yoy.tolerance().relative());
        assertEquals(3.0, yoy.number("noise_factor", 0));
        assertEquals(List.of("COUNT"), yoy.strings("units"));
        assertTrue(yoy.explanationRequired());
        Rule sex = c.rule("sum-sex").orElseThrow();
        assertEquals(new Tolerance(2, 0.005), sex.tolerance());
        assertEquals(List.of("M", "F", "_U"), sex.map("parts").get("sex"));
        assertEquals("0301", c.rule("sum-iccs-0301").orElseThrow().map("total").get("iccs_code"));
        assertEquals(List.of("justice-funnel"), c.byKind(RuleKind.FUNNEL).stream().map(Rule::id).toList());
        assertTrue(c.rule("nope").isEmpty());
        assertEquals(c.all().size(), c.rowRules().size() + c.crossRowRules().size());
        assertTrue(c.rule("sum-sex").orElseThrow().source().contains("validation/rules.yml line "), c.rule("sum-sex").get().source());
    }

    @Test
    void aCompleteFileLoadsOnItsOwn() throws Exception {
        RuleCatalogue c = RuleCatalogue.load(file("""
                rules:
                  - id: country-by-name
                    kind: row
                    severity: WARNING
                    description: By name.
                  - id: funnel-2
                    kind: funnel
                    severity: INFO
                    description: Two stages.
                    params: {stages: [persons_suspected, persons_convicted]}
                    message: "{stage} {stage_value} above {earlier_stage} {earlier_value}"
                """));
        assertEquals(2, c.size());
        assertEquals(Severity.WARNING, c.severity(RowRule.COUNTRY_BY_NAME));
        assertEquals(Severity.ERROR, c.severity(RowRule.COUNTRY_UNKNOWN), "rules the file does not list keep the shipped severity");
    }

    /** A complete, valid cross-row rule to break one key at a time. */
    private static final String FUNNEL = """
            rules:
              - id: my-funnel
                kind: funnel
                severity: WARNING
                description: A funnel.
                params:
                  stages: [persons_suspected, persons_convicted]
                message: "More {stage} ({stage_value}) than {earlier_stage}."
            """;

    private static final String SUM = """
            rules:
              - id: my-sum
                kind: sum-of-parts
                severity: ERROR
                description: Parts add up.
                tolerance: {absolute: 2, relative: 0.005}
                params:
                  total: {sex: _T}
                  parts: {sex: [M, F, _U]}
                  required_parts: [M, F]
                message: "{parts} add up to {sum}, not {total}."
            """;

    static Stream<Arguments> malformed() {
        return Stream.of(
                // yaml, line, rule, field, words the message must have
                Arguments.of(FUNNEL + "    colour: red\n", 9, "my-funnel", "colour", "unknown key"),
                Arguments.of("rule:\n  - id: x\n", 1, null, null, "unknown top-level key 'rule'"),
                Arguments.of(FUNNEL.replace("  - id: my-funnel\n", "  - description: x\n").replace("    description: A funnel.\n", ""),
                        2, "rule #1", "id", "no id"),
                Arguments.of(FUNNEL.replace("    kind: funnel\n", ""), 2, "my-funnel", "kind", "missing"),
                Arguments.of(FUNNEL.replace("    severity: WARNING\n", ""), 2, "my-funnel", "severity", "missing"),
                Arguments.of(FUNNEL.replace("    description: A funnel.\n", ""), 2, "my-funnel", "description", "missing"),
                Arguments.of(FUNNEL.replace("    message: \"More {stage} ({stage_value}) than {earlier_stage}.\"\n", ""),
                        2, "my-funnel", "message", "missing"),
                Arguments.of(FUNNEL.replace("kind: funnel", "kind: funel"), 3, "my-funnel", "kind",
                        "Known kinds: row, duplicate-key, sum-of-parts"),
                Arguments.of(FUNNEL.replace("severity: WARNING", "severity: SEVERE"), 4, "my-funnel", "severity",
                        "ERROR, WARNING, INFO"),
                Arguments.of(SUM.replace("relative: 0.005", "relative: -0.1"), 6, "my-sum", "tolerance.relative", "negative"),
                Arguments.of(SUM.replace("absolute: 2", "absolute: two"), 6, "my-sum", "tolerance.absolute", "not a number"),
                Arguments.of(SUM.replace("{absolute: 2, relative: 0.005}", "{absolute: 2, relatve: 0.005}"), 6, "my-sum",
                        "tolerance.relatve", "unknown key"),
                Arguments.of(FUNNEL.replace("  stages:", "  stage:"), 7, "my-funnel", "params.stage",
                        "unknown parameter for kind funnel"),
                Arguments.of(FUNNEL.replace("than {earlier_stage}", "than {earlier}"), 8, "my-funnel", "message",
                        "unknown placeholder {earlier}"),
                Arguments.of(FUNNEL + FUNNEL.replace("rules:\n", ""), 9, "my-funnel", "id", "given twice"),
                Arguments.of("rules:\n  - id: country-by-nam\n    kind: row\n    severity: INFO\n    description: x\n",
                        2, "country-by-nam", "id", "not a row rule"),
                Arguments.of(SUM.replace("      total: {sex: _T}\n", ""), 7, "my-sum", "params.total", "required"),
                Arguments.of(SUM.replace("total: {sex: _T}", "total: _T"), 8, "my-sum", "params.total", "mapping"),
                Arguments.of(SUM.replace("parts: {sex: [M, F, _U]}", "parts: {sex: [M, F, _U], age: [A, B]}"), 9, "my-sum",
                        "params.parts", "exactly one field"),
                Arguments.of(SUM.replace("parts: {sex: [M, F, _U]}", "parts: {sex: M}"), 9, "my-sum", "params.parts",
                        "exactly one field"),
                Arguments.of(SUM.replace("parts: {sex: [M, F, _U]}", "parts: {gender: [M, F]}"), 9, "my-sum",
                        "params.parts.gender", "unknown field"),
                Arguments.of(SUM.replace("required_parts: [M, F]", "required_parts: [M, X]"), 10, "my-sum",
                        "params.required_parts", "X is not among the parts"),
                Arguments.of("""
                        rules:
                          - id: my-parent
                            kind: not-above-parent
                            severity: ERROR
                            description: Part below whole.
                            params: {part: {sex: F}}
                            message: "{part} above {whole}"
                        """, 6, "my-parent", "params.whole", "either 'hierarchy: iccs'"),
                Arguments.of("""
                        rules:
                          - id: my-parent
                            kind: not-above-parent
                            severity: ERROR
                            description: Part below whole.
                            params: {hierarchy: isic}
                            message: "{part} above {whole}"
                        """, 6, "my-parent", "params.hierarchy", "only one is 'iccs'"),
                Arguments.of(FUNNEL.replace("[persons_suspected, persons_convicted]", "[persons_suspected]"), 7, "my-funnel",
                        "params.stages", "at least 2"),
                Arguments.of("""
                        rules:
                          - id: my-yoy
                            kind: year-on-year
                            severity: WARNING
                            description: Change.
                            params: {noise_factor: -1}
                            message: "{value} against {previous}"
                        """, 6, "my-yoy", "params.noise_factor", "0 or more"),
                Arguments.of("""
                        rules:
                          - id: my-same
                            kind: same-figure
                            severity: WARNING
                            description: Same.
                            params: {min_years: 1}
                            message: "{series} and {other_series}"
                        """, 6, "my-same", "params.min_years", "2 or more"),
                Arguments.of("""
                        rules:
                          - id: my-range
                            kind: rate-range
                            severity: WARNING
                            description: Range.
                            params: {indicators: [persons_held]}
                            message: "{rate} beyond {bound}"
                        """, 6, "my-range", "params.min", "give min or max"),
                Arguments.of("""
                        rules:
                          - id: my-range
                            kind: rate-range
                            severity: WARNING
                            description: Range.
                            params: {min: 500, max: 50}
                            message: "{rate} beyond {bound}"
                        """, 6, "my-range", "params.min", "Swap them"),
                Arguments.of("""
                        rules:
                          - id: my-ratio
                            kind: ratio
                            severity: WARNING
                            description: Ratio.
                            params: {numerator: {indicator: a}, min_ratio: 1}
                            message: "{ratio}"
                        """, 6, "my-ratio", "params.denominator", "required"),
                Arguments.of("rules:\n  - id: country-unknown\n    kind: row\n    severity: WARNING\n    description: x\n",
                        4, "country-unknown", "severity", "must stay ERROR"),
                Arguments.of("rules:\n  - id: country-by-name\n    kind: row\n    severity: INFO\n    description: x\n"
                        + "    message: hello\n", 6, "country-by-name", "message", "row rules have no message"),
                Arguments.of("rules:\n  - id: value-fractional-count\n    kind: row\n    severity: ERROR\n    description: x\n"
                        + "    params: {severity_if_estimated: MAYBE}\n", 6, "value-fractional-count",
                        "params.severity_if_estimated", "unknown severity 'MAYBE'"),
                Arguments.of("rules:\n  - id: sum-x\n    kind: row\n    severity: ERROR\n    description: x\n  - id: b\n    x: y\n",
                        2, "sum-x", "id", "row rules can be retuned but not invented"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aMalformedRuleIsRefusedNamingFileLineRuleAndField(String yaml, int line, String rule, String field, String words)
            throws Exception {
        Path f = file(yaml);
        RuleCatalogueException e = assertThrows(RuleCatalogueException.class, () -> RuleCatalogue.load(f));
        String msg = e.getMessage();
        String expected = f + " line " + line + ": " + (rule == null ? "" : (rule.startsWith("rule #") ? rule : "rule '" + rule + "'")
                + (field == null ? "" : ", field '" + field + "'"));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(expected) && p.contains(words)),
                "expected a problem starting '" + expected + "' mentioning '" + words + "' in:\n" + msg);
    }

    @Test
    void everyProblemOfAFileIsReportedTogetherOneALine() throws Exception {
        Path f = file(SUM.replace("severity: ERROR", "severity: BAD").replace("relative: 0.005", "relative: -1")
                .replace("{total}", "{totl}"));
        RuleCatalogueException e = assertThrows(RuleCatalogueException.class, () -> RuleCatalogue.load(f));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertEquals(4, e.getMessage().split("\n").length, e.getMessage());
        assertTrue(e.getMessage().startsWith("Validation rules in " + f + " cannot be used (3 problems):"), e.getMessage());
    }

    @Test
    void yamlSyntaxErrorsNameTheLine() throws Exception {
        Path f = file("rules:\n  - id: x\n    kind: [unclosed\n");
        RuleCatalogueException e = assertThrows(RuleCatalogueException.class, () -> RuleCatalogue.load(f));
        assertTrue(e.getMessage().contains(f + " line "), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        RuleCatalogueException e = assertThrows(RuleCatalogueException.class, () -> RuleCatalogue.load(dir.resolve("none.yml")));
        assertTrue(e.getMessage().contains("none.yml does not exist"), e.getMessage());
    }

    // ------------------------------------------------------------------------------ overrides

    private static RuleCatalogue override(String yaml) {
        return RuleCatalogue.builtIn().overriddenBy(RuleOverrides.parse(yaml, "test.yml"));
    }

    @Test
    void anOverrideReplacesOnlyTheKeysItGives() {
        RuleCatalogue c = override("""
                rules:
                  - id: year-on-year-change
                    tolerance: {relative: 0.4}
                  - id: sum-sex
                    severity: WARNING
                    tolerance: {relative: 0.01}
                    params: {required_parts: null}
                """);
        Rule shipped = RuleCatalogue.builtIn().rule("year-on-year-change").orElseThrow();
        Rule yoy = c.rule("year-on-year-change").orElseThrow();
        assertEquals(0.4, yoy.tolerance().relative());
        assertEquals(shipped.severity(), yoy.severity());
        assertEquals(shipped.message(), yoy.message());
        assertEquals(shipped.params(), yoy.params());
        assertEquals(shipped.description(), yoy.description());
        assertTrue(yoy.source().contains("changed in test.yml line 2"), yoy.source());
        Rule sex = c.rule("sum-sex").orElseThrow();
        assertEquals(Severity.WARNING, sex.severity());
        assertEquals(new Tolerance(2, 0.01), sex.tolerance(), "a bound not given keeps its shipped value");
        assertFalse(sex.has("required_parts"), "a param set to null is removed");
        assertTrue(sex.has("parts"));
        assertEquals(RuleCatalogue.builtIn().all().stream().map(Rule::id).toList(), c.all().stream().map(Rule::id).toList(),
                "order is kept");
    }

    @Test
    void aNewRuleIsAppendedAndARuleCanBeSwitchedOff() {
        RuleCatalogue c = override("""
                rules:
                  - id: same-figure-twice
                    enabled: false
                  - id: funnel-police
                    kind: funnel
                    severity: INFO
                    description: Suspected >= prosecuted.
                    params: {stages: [persons_suspected, persons_prosecuted]}
                    message: "{stage_value} {stage} above {earlier_value} {earlier_stage}"
                """);
        assertTrue(c.rule("same-figure-twice").isEmpty());
        assertEquals(java.util.Set.of("same-figure-twice"), c.disabled());
        assertEquals("funnel-police", c.all().get(c.size() - 1).id());
        assertEquals(RuleCatalogue.builtIn().size(), c.size());
        // switched on again by a later override, it must be complete
        RuleCatalogueException e = assertThrows(RuleCatalogueException.class,
                () -> c.overriddenBy(RuleOverrides.parse("rules:\n  - id: same-figure-twice\n    severity: INFO\n", "later.yml")));
        assertTrue(e.getMessage().contains("switched off earlier"), e.getMessage());
    }

    @Test
    void switchingOffAnUnknownRuleIsRefused() {
        RuleCatalogueException e = assertThrows(RuleCatalogueException.class,
                () -> override("rules:\n  - id: same-figure-twise\n    enabled: false\n"));
        assertTrue(e.getMessage().contains("test.yml line 2: rule 'same-figure-twise', field 'id': there is no rule"), e.getMessage());
    }

    @Test
    void aRowRuleCannotBeSwitchedOff() {
        RuleCatalogueException e = assertThrows(RuleCatalogueException.class,
                () -> override("rules:\n  - id: country-by-name\n    enabled: false\n"));
        assertTrue(e.getMessage().contains("test.yml line 3: rule 'country-by-name', field 'enabled': row rules cannot be switched off"),
                e.getMessage());
        e = assertThrows(RuleCatalogueException.class, () -> override("rules:\n  - id: duplicate-repeat\n    enabled: false\n"));
        assertTrue(e.getMessage().contains("row rules cannot be switched off"), e.getMessage());
    }

    @Test
    void aRowRuleCanBeRetunedButNotInvented() {
        RuleCatalogue c = override("rules:\n  - id: country-by-name\n    severity: WARNING\n"
                + "  - id: value-fractional-count\n    params: {severity_if_estimated: INFO}\n");
        assertEquals(Severity.WARNING, c.severity(RowRule.COUNTRY_BY_NAME));
        assertEquals("INFO", c.rule("value-fractional-count").orElseThrow().string("severity_if_estimated", null));
        assertEquals(Severity.ERROR, c.severity(RowRule.DUPLICATE_CONFLICT), "the publish step's duplicate rules are in the catalogue");
        RuleCatalogueException e = assertThrows(RuleCatalogueException.class,
                () -> override("rules:\n  - id: country-by-nam\n    severity: WARNING\n"));
        assertTrue(e.getMessage().contains("rule 'country-by-nam'") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void anOverrideCannotChangeTheKindAndIsCheckedAgainstTheShippedRule() {
        RuleCatalogueException e = assertThrows(RuleCatalogueException.class,
                () -> override("rules:\n  - id: sum-sex\n    kind: funnel\n"));
        assertTrue(e.getMessage().contains("field 'kind': cannot change the kind"), e.getMessage());
        e = assertThrows(RuleCatalogueException.class,
                () -> override("rules:\n  - id: sum-sex\n    params:\n      parts: {sex: [M, F]}\n      required_parts: [M, F, X]\n"));
        assertTrue(e.getMessage().contains("test.yml line 5: rule 'sum-sex', field 'params.required_parts'"), e.getMessage());
        e = assertThrows(RuleCatalogueException.class,
                () -> override("rules:\n  - id: turned-zero\n    message: \"{value} after {change}\"\n"));
        assertTrue(e.getMessage().contains("test.yml line 3: rule 'turned-zero', field 'message': unknown placeholder {change}"),
                e.getMessage());
    }

    @Test
    void theRowRulesListIsComplete() {
        assertEquals(Arrays.stream(RowRule.values()).map(RowRule::id).toList(),
                RuleCatalogue.builtIn().rowRules().stream().map(Rule::id).toList());
    }
}
