package org.uncts.cts.validate.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.uncts.cts.validate.RowRule;

/**
 * The rule catalogue as a person reads it: docs/validation-rules.md (Markdown, generated so it
 * cannot drift from validation/rules.yml) and the aligned table of {@code ./cts rules}.
 */
public final class RulesDocument {

    /** The command that regenerates docs/validation-rules.md. */
    public static final String REGENERATE = "./cts rules --markdown > docs/validation-rules.md";

    private RulesDocument() {
    }

    /** docs/validation-rules.md for a catalogue (the shipped one). */
    public static String markdown(RuleCatalogue rules) {
        return markdown(rules, null);
    }

    /**
     * The Markdown document of a catalogue.
     *
     * @param changedBy the job spec that changed the shipped rules, or null for the shipped ones
     */
    public static String markdown(RuleCatalogue rules, String changedBy) {
        StringBuilder md = new StringBuilder();
        md.append("# Validation rules\n\n");
        md.append("<!-- Generated from src/main/resources/validation/rules.yml; do not edit. Regenerate with: ")
                .append(REGENERATE).append(" -->\n\n");
        if (changedBy != null) {
            md.append("**These are the rules as changed by the job spec `").append(changedBy)
                    .append("`, not the shipped ones.**\n\n");
        }
        md.append("""
                This file is generated from the rule catalogue shipped with cts-pipeline,
                `src/main/resources/validation/rules.yml`, so that it cannot drift from what the program
                checks. Do not edit it by hand: change the catalogue, then regenerate it with

                ```
                %s
                ```

                (a test fails while the two differ). `./cts rules` prints the same rules as a table, and
                `./cts rules --spec jobs/FILE.yml` shows them as a job spec changes them.

                Row rules are checked on each row as it is read: an ERROR rejects the row (it goes to
                `rejected_rows` with its raw text), a WARNING or INFO keeps it and records a finding in
                `validation_issues`. Cross-row rules are checked over the whole cycle once every file is in;
                their findings go to the feedback report, and those marked *explanation asked* ask the
                focal point to explain the figure rather than only correct it.

                ## Tolerance

                Cross-row rules compare a figure with a reference figure (a total, a parent category, an
                earlier stage, the previous year or the previous vintage). A rule with a tolerance reports a
                finding only when

                ```
                |difference| > max(absolute, relative x |reference|)
                ```

                so small counts are not flagged for rounding and large ones are not let off by a fixed
                amount. With `{absolute: 2, relative: 0.005}` a total of 100 may be off by 2 (a difference of
                exactly 2 is not reported, 2.01 is), a total of 1,000 by 5 and a total of 10,000 by 50. A rule
                without a tolerance reports any difference.

                ## Changing the rules for a survey run

                A job spec can change any rule, add rules and switch rules off, in a file, inline, or both
                (the file first, then the inline overrides):

                ```yaml
                validation:
                  rules: validation/rules-2025.yml      # optional, relative to the spec's folder; same layout as rules.yml
                  overrides:                             # optional, same keys as a rule of the catalogue
                    - id: year-on-year-change
                      tolerance: {relative: 0.4}         # only this changes; severity, message... stay as shipped
                    - id: same-figure-twice
                      enabled: false                     # switched off for this run
                    - id: funnel-police
                      kind: funnel                       # a new rule: id, kind, severity, description and message
                      severity: WARNING
                      description: Persons suspected >= persons prosecuted.
                      params: {stages: [persons_suspected, persons_prosecuted]}
                      message: "More persons {stage} ({stage_value}) than {earlier_stage} ({earlier_value})."
                  previous_vintage: ../out/un-cts-2024   # optional: the previous run's output folder, or a .parquet/.csv of observations
                ```

                - A rule whose `id` is already in the catalogue changes only the keys given; `tolerance` bounds
                  and `params` are changed one by one (a param set to `null` is removed). Its `kind` cannot
                  change.
                - A new `id` is a new rule, appended to the catalogue: it needs `id`, `kind`, `severity`,
                  `description` and (for cross-row kinds) `message`.
                - `enabled: false` switches a cross-row rule off. Row rules cannot be switched off or invented;
                  their severity can be changed only for %s (the others find a field unusable, so the row
                  cannot be kept and they stay ERROR).
                - Rule keys: %s. Every rule is checked when the spec is loaded (unknown keys, kinds, severities,
                  params or placeholders; negative tolerances; ...) and every problem is reported with its
                  file, line, rule and field before anything runs.
                - Messages are templates: `{name}` is filled in per finding with the placeholders of the
                  rule's kind (below) or the common ones (%s); write `\\{` for a literal brace.

                """.formatted(REGENERATE,
                Arrays.stream(RowRule.values()).filter(r -> !r.mustReject()).map(r -> "`" + r.id() + "`")
                        .collect(Collectors.joining(", ")),
                RuleCatalogueLoader.RULE_KEYS.stream().map(k -> "`" + k + "`").collect(Collectors.joining(", ")),
                new TreeSet<>(RuleKind.COMMON_PLACEHOLDERS).stream().map(p -> "`{" + p + "}`").collect(Collectors.joining(", "))));

        md.append("## Kinds\n\n");
        md.append("| kind | checked | params | placeholders (besides the common ones) |\n");
        md.append("| --- | --- | --- | --- |\n");
        for (RuleKind k : RuleKind.values()) {
            md.append("| `").append(k.id()).append("` | ")
                    .append(k.scope() == RuleKind.Scope.ROW ? "per row" : "over the cycle").append(" | ")
                    .append(codeList(k.params(), false)).append(" | ")
                    .append(k.scope() == RuleKind.Scope.ROW ? "(none: the validator writes the message)" : codeList(k.placeholders(), true))
                    .append(" |\n");
        }
        md.append('\n');

        md.append("## Row rules\n\n");
        md.append("| id | severity | description |\n| --- | --- | --- |\n");
        for (Rule r : rules.rowRules()) {
            md.append("| `").append(r.id()).append("` | ").append(r.severity()).append(" | ")
                    .append(cell(r.description()));
            if (!r.params().isEmpty()) {
                md.append(" (").append(r.params().entrySet().stream().map(e -> "`" + e.getKey() + ": " + flow(e.getValue()) + "`")
                        .collect(Collectors.joining(", "))).append(")");
            }
            md.append(" |\n");
        }
        md.append('\n');

        List<Rule> cross = rules.crossRowRules();
        md.append("## Cross-row rules\n\n");
        md.append("| id | kind | severity | description |\n| --- | --- | --- | --- |\n");
        for (Rule r : cross) {
            md.append("| [`").append(r.id()).append("`](#").append(r.id()).append(") | `").append(r.kind().id()).append("` | ")
                    .append(r.severity()).append(" | ").append(cell(r.description())).append(" |\n");
        }
        for (Rule r : cross) {
            md.append("\n### ").append(r.id()).append("\n\n");
            md.append(r.description()).append("\n\n");
            if (r.rationale() != null) {
                md.append("*Why:* ").append(r.rationale()).append("\n\n");
            }
            md.append("- **Kind:** `").append(r.kind().id()).append("`\n");
            md.append("- **Severity:** ").append(r.severity()).append('\n');
            md.append("- **Tolerance:** ").append(tolerance(r.tolerance())).append('\n');
            md.append("- **Explanation asked:** ").append(r.explanationRequired() ? "yes" : "no").append('\n');
            if (r.params().isEmpty()) {
                md.append("- **Params:** none\n");
            } else {
                md.append("- **Params:**\n");
                r.params().forEach((k, v) -> md.append("  - `").append(k).append(": ").append(flow(v)).append("`\n"));
            }
            md.append("- **Message:** ").append(r.message() == null ? "none" : "`" + r.message().replace("`", "'") + "`").append('\n');
        }
        if (!rules.disabled().isEmpty()) {
            md.append("\n## Switched off\n\n");
            new TreeSet<>(rules.disabled()).forEach(id -> md.append("- `").append(id).append("`\n"));
        }
        return md.toString();
    }

    /** An aligned plain-text table, one rule a line, for the terminal. */
    public static String table(RuleCatalogue rules) {
        String[] header = {"id", "kind", "severity", "tolerance (abs / rel)", "explain", "description"};
        List<String[]> rows = new ArrayList<>();
        for (Rule r : rules.all()) {
            rows.add(new String[] {r.id(), r.kind().id(), r.severity().name(),
                    r.tolerance().equals(Tolerance.NONE) ? "-" : number(r.tolerance().absolute()) + " / " + percent(r.tolerance().relative()),
                    r.explanationRequired() ? "yes" : "", r.description()});
        }
        int[] w = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            w[i] = header[i].length();
            for (String[] row : rows) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, w);
        StringBuilder sep = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            sep.append(i == 0 ? "" : "-+-").append("-".repeat(i == w.length - 1 ? header[i].length() : w[i]));
        }
        out.append(sep).append('\n');
        rows.forEach(r -> line(out, r, w));
        out.append("(").append(rows.size()).append(" rules");
        if (!rules.disabled().isEmpty()) {
            out.append("; switched off: ").append(String.join(", ", new TreeSet<>(rules.disabled())));
        }
        out.append(")\n");
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            l.append(i == 0 ? "" : " | ").append(cells[i]).append(" ".repeat(w[i] - cells[i].length()));
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }

    static String tolerance(Tolerance t) {
        if (t.equals(Tolerance.NONE)) {
            return "none: any difference is reported";
        }
        List<String> parts = new ArrayList<>();
        if (t.absolute() > 0) {
            parts.add("absolute " + number(t.absolute()));
        }
        if (t.relative() > 0) {
            parts.add("relative " + number(t.relative()) + " (" + percent(t.relative()) + ")");
        }
        return String.join(", ", parts) + "; reported when |difference| > "
                + (t.absolute() > 0 && t.relative() > 0 ? "max(" + number(t.absolute()) + ", " + number(t.relative()) + " x |reference|)"
                : t.absolute() > 0 ? number(t.absolute()) : number(t.relative()) + " x |reference|");
    }

    static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    static String percent(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A parameter value in YAML flow style: {a: b}, [x, y]. */
    static String flow(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + ": " + flow(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(RulesDocument::flow).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof String s && needsQuotes(s)) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(v);
    }

    /** Whether YAML would read the text as something else (a number, a boolean) or trip on it. */
    private static boolean needsQuotes(String s) {
        return s.isEmpty() || s.matches("[-+0-9.eE_]+") || s.matches("(?i)true|false|yes|no|on|off|null|~")
                || s.matches(".*[:#,\\[\\]{}&*!|>'\"%@`].*") || !s.equals(s.strip());
    }

    private static String codeList(java.util.Set<String> names, boolean braces) {
        if (names.isEmpty()) {
            return "(none)";
        }
        return new TreeSet<>(names).stream().map(n -> braces ? "`{" + n + "}`" : "`" + n + "`").collect(Collectors.joining(", "));
    }

    /** Text for a Markdown table cell: pipes escaped. */
    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
