package org.uncts.cts.validate.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/validation-rules.md is generated from the shipped catalogue and must not drift from it. */
class RulesDocumentTest {

    private static final Path DOC = Path.of("docs/validation-rules.md");

    @Test
    void theDocumentIsUpToDate() throws Exception {
        String expected = RulesDocument.markdown(RuleCatalogue.builtIn());
        String actual = Files.isRegularFile(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8).replace("\r\n", "\n") : "";
        assertEquals(expected, actual, DOC + " differs from the rule catalogue (src/main/resources/validation/rules.yml). "
                + "Regenerate it with: " + RulesDocument.REGENERATE);
    }

    @Test
    void everyRuleIsDocumented() {
        String md = RulesDocument.markdown(RuleCatalogue.builtIn());
        for (Rule r : RuleCatalogue.builtIn().all()) {
            assertTrue(md.contains("`" + r.id() + "`"), r.id());
        }
        for (Rule r : RuleCatalogue.builtIn().crossRowRules()) {
            assertTrue(md.contains("\n### " + r.id() + "\n"), r.id());
            assertTrue(md.contains(r.message()), r.id());
        }
        assertTrue(md.contains("`total: {iccs_code: \"0301\"}`"), "strings YAML would read as numbers are quoted");
        assertTrue(md.contains("max(2, 0.005 x |reference|)"), md);
    }

    @Test
    void anOverriddenCatalogueSaysSoAndListsWhatIsOff() {
        RuleCatalogue c = RuleCatalogue.builtIn().overriddenBy(RuleOverrides.parse(
                "rules:\n  - id: turned-zero\n    enabled: false\n  - id: sum-sex\n    severity: WARNING\n", "jobs/x.yml"));
        String md = RulesDocument.markdown(c, "jobs/x.yml");
        assertTrue(md.contains("as changed by the job spec `jobs/x.yml`"), md);
        assertTrue(md.contains("## Switched off\n\n- `turned-zero`\n"), md);
        String table = RulesDocument.table(c);
        assertTrue(table.contains("switched off: turned-zero"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("sum-sex ") && l.contains("| WARNING ") && l.contains("2 / 0.5%")), table);
    }
}
