package org.uncts.cts.validate.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.uncts.cts.model.Severity;
import org.uncts.cts.model.Unit;
import org.uncts.cts.validate.RowRule;

/**
 * Reads rule catalogues and overrides, and checks each rule strictly: every problem of a file is
 * collected and reported together, each naming the file, the line, the rule and the field, and
 * saying what to write instead.
 */
public final class RuleCatalogueLoader {

    /** The classpath resource of the shipped catalogue. */
    public static final String BUILT_IN = "validation/rules.yml";

    /** The keys a rule may have. */
    public static final List<String> RULE_KEYS = List.of("id", "kind", "severity", "description", "rationale",
            "tolerance", "params", "message", "explain", "enabled");

    /** The observation fields a sum-of-parts or not-above-parent rule may select on. */
    public static final List<String> SELECTOR_FIELDS = List.of("indicator", "iccs_code", "dimension", "category", "sex", "age");

    private static final RuleCatalogue EMPTY = new RuleCatalogue(List.of(), Set.of());

    private static volatile RuleCatalogue builtIn;

    private RuleCatalogueLoader() {
    }

    /** The shipped catalogue, read and checked once. */
    public static RuleCatalogue builtIn() {
        RuleCatalogue c = builtIn;
        if (c == null) {
            synchronized (RuleCatalogueLoader.class) {
                c = builtIn;
                if (c == null) {
                    c = readBuiltIn();
                    builtIn = c;
                }
            }
        }
        return c;
    }

    private static RuleCatalogue readBuiltIn() {
        byte[] bytes;
        try (InputStream in = RuleCatalogueLoader.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the classpath: the build is broken.");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILT_IN + " from the classpath: " + e.getMessage(), e);
        }
        try {
            return apply(EMPTY, RuleOverrides.parse(bytes, BUILT_IN));
        } catch (RuleCatalogueException e) {
            throw new IllegalStateException("The shipped rule catalogue is broken: " + e.getMessage(), e);
        }
    }

    /** A complete catalogue from a file with the layout of validation/rules.yml. */
    public static RuleCatalogue load(Path file) {
        return apply(EMPTY, RuleOverrides.read(file));
    }

    /** The base catalogue changed by the overrides; see {@link RuleCatalogue#overriddenBy(RuleOverrides)}. */
    public static RuleCatalogue apply(RuleCatalogue base, RuleOverrides overrides) {
        return new Merge(base, overrides).run();
    }

    // ------------------------------------------------------------------------------------------

    /** One application of overrides to a base catalogue, collecting problems. */
    private static final class Merge {
        private final RuleCatalogue base;
        private final RuleOverrides overrides;
        private final String source;
        private final List<String> problems = new ArrayList<>();

        Merge(RuleCatalogue base, RuleOverrides overrides) {
            this.base = base;
            this.overrides = overrides;
            this.source = overrides.source();
        }

        RuleCatalogue run() {
            Map<String, Rule> rules = new LinkedHashMap<>();
            base.all().forEach(r -> rules.put(r.id(), r));
            Set<String> disabled = new LinkedHashSet<>(base.disabled());
            Map<String, Integer> seen = new HashMap<>();
            int index = 0;
            for (YamlTree.Node node : overrides.rules()) {
                index++;
                if (!(node instanceof YamlTree.Mapping m)) {
                    add(node.line(), "rule #" + index, null, "a rule is a mapping of keys (- id: ..., kind: ...), not "
                            + describe(node.plain()) + ".");
                    continue;
                }
                YamlTree.Node idNode = m.get("id");
                String label = "rule #" + index;
                if (idNode == null || !(idNode.plain() instanceof String s) || s.isBlank()) {
                    add(idNode == null ? m.line() : idNode.line(), label, "id",
                            idNode == null ? "no id. Every rule starts with '- id: some-rule-id'."
                                    : "the id must be text, e.g. 'year-on-year-change'.");
                    checkKeys(m, label);
                    continue;
                }
                String id = s.strip();
                Integer firstLine = seen.putIfAbsent(id, m.line());
                if (firstLine != null) {
                    add(m.line(), "rule '" + id + "'", "id", "the id is given twice in this file (first at line " + firstLine
                            + "). Give each rule once, with all its changes.");
                    checkKeys(m, "rule '" + id + "'");
                    continue;
                }
                Rule r = new RuleCheck(this, m, id, rules.get(id), disabled.contains(id)).build();
                if (r == null) {
                    continue;
                }
                boolean enabled = !(m.get("enabled") != null && Boolean.FALSE.equals(m.get("enabled").plain()));
                if (!enabled) {
                    rules.remove(id);
                    disabled.add(id);
                } else {
                    rules.put(id, r);
                    disabled.remove(id);
                }
            }
            if (!problems.isEmpty()) {
                throw new RuleCatalogueException(source, problems);
            }
            return new RuleCatalogue(new ArrayList<>(rules.values()), disabled);
        }

        void checkKeys(YamlTree.Mapping m, String rule) {
            for (var e : m.entries().entrySet()) {
                if (!RULE_KEYS.contains(e.getKey())) {
                    add(e.getValue().keyLine(), rule, e.getKey(), "unknown key. A rule's keys are: "
                            + String.join(", ", RULE_KEYS) + ".");
                }
            }
        }

        void add(int line, String rule, String field, String what) {
            problems.add(source + (line > 0 ? " line " + line : "") + ": " + rule
                    + (field == null ? "" : ", field '" + field + "'") + ": " + what);
        }
    }

    /** Builds one rule from its YAML (and the rule it changes, if any), reporting problems to the merge. */
    private static final class RuleCheck {
        private final Merge merge;
        private final YamlTree.Mapping m;
        private final String id;
        private final Rule old;
        private final boolean wasDisabled;
        private final String label;
        private boolean failed;

        RuleCheck(Merge merge, YamlTree.Mapping m, String id, Rule old, boolean wasDisabled) {
            this.merge = merge;
            this.m = m;
            this.id = id;
            this.old = old;
            this.wasDisabled = wasDisabled;
            this.label = "rule '" + id + "'";
        }

        private void problem(String field, String what) {
            problem(lineOf(field), field, what);
        }

        private void problem(int line, String field, String what) {
            failed = true;
            merge.add(line, label, field, what);
        }

        /** The line of a field (params.parts, tolerance.relative...) if this YAML gives it, else the rule's. */
        private int lineOf(String field) {
            if (field == null) {
                return m.line();
            }
            String[] path = field.split("\\.");
            YamlTree.Mapping at = m;
            int line = m.line();
            for (String p : path) {
                if (at == null || !at.entries().containsKey(p)) {
                    return line;
                }
                line = at.keyLine(p);
                YamlTree.Node next = at.get(p);
                at = next instanceof YamlTree.Mapping mm ? mm : null;
            }
            return line;
        }

        private Object given(String key) {
            YamlTree.Node n = m.get(key);
            return n == null ? null : n.plain();
        }

        private boolean has(String key) {
            return m.entries().containsKey(key);
        }

        Rule build() {
            merge.checkKeys(m, label);
            failed = false;

            RuleKind kind = kind();
            Severity severity = severity("severity", has("severity") ? given("severity") : null,
                    old == null ? null : old.severity());
            String description = text("description", true, old == null ? null : old.description());
            String rationale = text("rationale", false, old == null ? null : old.rationale());
            String message = text("message", false, old == null ? null : old.message());
            Tolerance tolerance = tolerance();
            boolean explain = old != null && old.explanationRequired();
            if (has("explain")) {
                if (given("explain") instanceof Boolean b) {
                    explain = b;
                } else {
                    problem("explain", "must be true or false, not " + describe(given("explain")) + ".");
                }
            }
            if (has("enabled") && !(given("enabled") instanceof Boolean)) {
                problem("enabled", "must be true or false, not " + describe(given("enabled")) + ".");
            }
            boolean disabling = Boolean.FALSE.equals(given("enabled"));

            if (old == null && !disabling) {
                List<String> missing = new ArrayList<>();
                for (String k : List.of("kind", "severity", "description")) {
                    if (!has(k)) {
                        missing.add(k);
                    }
                }
                if (kind != null && kind.scope() == RuleKind.Scope.CYCLE && !has("message")) {
                    missing.add("message");
                }
                if (!missing.isEmpty()) {
                    String why = wasDisabled
                            ? "the rule was switched off earlier (enabled: false), so it is new here and must be complete"
                            : "there is no rule '" + id + "' to change, so this is a new rule and must be complete";
                    for (String k : missing) {
                        problem(m.line(), k, "missing: " + why + " (id, kind, severity, description"
                                + (kind == null || kind.scope() == RuleKind.Scope.CYCLE ? ", message" : "") + ")."
                                + (old == null && !wasDisabled ? " If you meant to change a shipped rule, check the id against docs/validation-rules.md." : ""));
                    }
                }
            }
            if (old == null && disabling && !has("kind") && !wasDisabled) {
                problem("id", "there is no rule '" + id + "' to switch off. Check the id against docs/validation-rules.md"
                        + " (or ./cts rules).");
            }
            if (kind == null) {
                return null;
            }

            Map<String, Object> params = params(kind);
            rowRuleChecks(kind, severity, disabling);
            if (kind.scope() == RuleKind.Scope.CYCLE && message != null) {
                placeholders(kind, message);
            }
            if (!failed && params != null) {
                new ParamCheck(this, kind, params).run();
            }
            if (failed || severity == null || description == null || params == null) {
                return null;
            }
            String where = merge.source + (m.line() > 0 ? " line " + m.line() : "");
            String src = old == null ? where : old.source() + "; changed in " + where;
            return new Rule(id, kind, severity, description, rationale, tolerance, params, message, explain, src);
        }

        private RuleKind kind() {
            if (!has("kind")) {
                return old == null ? null : old.kind();
            }
            Object k = given("kind");
            RuleKind kind = k instanceof String s ? RuleKind.byId(s.strip()).orElse(null) : null;
            if (kind == null) {
                problem("kind", "unknown kind " + describe(k) + ". Known kinds: " + String.join(", ", RuleKind.ids()) + ".");
                return old == null ? null : old.kind();
            }
            if (old != null && kind != old.kind()) {
                problem("kind", "cannot change the kind of rule '" + id + "' from " + old.kind().id() + " to " + kind.id()
                        + ": its params would no longer fit. Switch it off (enabled: false) and add a rule with a new id.");
                return old.kind();
            }
            return kind;
        }

        Severity severity(String field, Object value, Severity fallback) {
            if (value == null) {
                if (has(field)) { // written, but empty
                    problem(field, "give a severity: " + severityNames() + ".");
                }
                return fallback;
            }
            if (value instanceof String s) {
                try {
                    return Severity.valueOf(s.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    // fall through
                }
            }
            problem(field, "unknown severity " + describe(value) + ". Use one of " + severityNames() + ".");
            return fallback;
        }

        private String text(String field, boolean required, String fallback) {
            if (!has(field)) {
                return fallback;
            }
            Object v = given(field);
            if (!(v instanceof String s) || s.isBlank()) {
                if (v == null && !required) {
                    return null; // an explicit null clears an optional text
                }
                problem(field, "must be text" + (v == null ? "" : ", not " + describe(v)) + ".");
                return fallback;
            }
            return s.strip();
        }

        private Tolerance tolerance() {
            double abs = old == null ? 0 : old.tolerance().absolute();
            double rel = old == null ? 0 : old.tolerance().relative();
            if (!has("tolerance")) {
                return old == null ? Tolerance.NONE : old.tolerance();
            }
            Object t = given("tolerance");
            if (t == null) {
                return Tolerance.NONE;
            }
            if (!(t instanceof Map<?, ?> map)) {
                problem("tolerance", "must be a mapping such as {absolute: 2, relative: 0.005}, not " + describe(t) + ".");
                return Tolerance.NONE;
            }
            for (var e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!key.equals("absolute") && !key.equals("relative")) {
                    problem("tolerance." + key, "unknown key. A tolerance has 'absolute' (units of the figure) and "
                            + "'relative' (a share of the reference figure, 0.05 for 5%).");
                    continue;
                }
                Object v = e.getValue();
                if (!(v instanceof Number n) || Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
                    problem("tolerance." + key, describe(v) + " is not a number. Write a plain number, e.g. "
                            + (key.equals("relative") ? "0.05 for 5%." : "2."));
                    continue;
                }
                if (n.doubleValue() < 0) {
                    problem("tolerance." + key, n + " is negative. A tolerance is how far off a figure may be: give 0 or more.");
                    continue;
                }
                if (key.equals("absolute")) {
                    abs = n.doubleValue();
                } else {
                    rel = n.doubleValue();
                }
            }
            return new Tolerance(abs, rel);
        }

        /** The old params with the given ones replacing them one by one; a null value removes a param. */
        private Map<String, Object> params(RuleKind kind) {
            Map<String, Object> params = new LinkedHashMap<>(old == null ? Map.of() : old.params());
            if (!has("params")) {
                return params;
            }
            Object p = given("params");
            if (p == null) {
                return params;
            }
            if (!(p instanceof Map<?, ?> map)) {
                problem("params", "must be a mapping of parameter names to values, not " + describe(p) + ".");
                return null;
            }
            for (var e : map.entrySet()) {
                String name = String.valueOf(e.getKey());
                if (!kind.params().contains(name)) {
                    problem("params." + name, "unknown parameter for kind " + kind.id() + ". "
                            + (kind.params().isEmpty() ? "This kind takes no parameters."
                            : "Its parameters are: " + String.join(", ", new TreeSet<>(kind.params())) + "."));
                    continue;
                }
                if (e.getValue() == null) {
                    params.remove(name);
                } else {
                    params.put(name, e.getValue());
                }
            }
            return params;
        }

        private void rowRuleChecks(RuleKind kind, Severity severity, boolean disabling) {
            RowRule row = RowRule.byId(id).orElse(null);
            if (kind.scope() == RuleKind.Scope.ROW) {
                if (row == null) {
                    problem("id", "'" + id + "' is not a row rule of the validator, so a " + kind.id()
                            + " rule cannot have it: row rules can be retuned but not invented. Row rules: "
                            + Arrays.stream(RowRule.values()).map(RowRule::id).collect(Collectors.joining(", ")) + ".");
                    return;
                }
                RuleKind expected = row == RowRule.DUPLICATE_CONFLICT || row == RowRule.DUPLICATE_REPEAT
                        ? RuleKind.DUPLICATE_KEY : RuleKind.ROW;
                if (kind != expected) {
                    problem("kind", "row rule '" + id + "' is of kind " + expected.id() + ", not " + kind.id() + ".");
                }
                if (disabling) {
                    problem("enabled", "row rules cannot be switched off: the validator always checks them. "
                            + (row.mustReject() ? "This one must stay an ERROR (the row cannot be kept without the field)."
                            : "To keep such rows quietly, set its severity to INFO instead."));
                }
                if (row.mustReject() && severity != null && severity != Severity.ERROR) {
                    problem("severity", "must stay ERROR: a row breaking '" + id
                            + "' lacks a usable field, so it cannot be kept. Only "
                            + Arrays.stream(RowRule.values()).filter(r -> !r.mustReject()).map(RowRule::id)
                                    .collect(Collectors.joining(", ")) + " can take another severity.");
                }
                if (has("message") && given("message") != null) {
                    problem("message", "row rules have no message template: the validator writes their messages. Remove the key.");
                }
                if (has("tolerance") && given("tolerance") != null) {
                    problem("tolerance", "row rules have no tolerance. Remove the key.");
                }
            } else if (row != null) {
                problem("kind", "'" + id + "' is the id of a row rule; a " + kind.id()
                        + " rule needs an id of its own.");
            }
        }

        private void placeholders(RuleKind kind, String message) {
            Set<String> unknown = new TreeSet<>();
            for (String p : MessageTemplate.of(message).placeholders()) {
                if (!RuleKind.COMMON_PLACEHOLDERS.contains(p) && !kind.placeholders().contains(p)) {
                    unknown.add(p);
                }
            }
            if (!unknown.isEmpty()) {
                Set<String> known = new TreeSet<>(RuleKind.COMMON_PLACEHOLDERS);
                known.addAll(kind.placeholders());
                problem("message", "unknown placeholder" + (unknown.size() > 1 ? "s " : " ")
                        + unknown.stream().map(u -> "{" + u + "}").collect(Collectors.joining(", "))
                        + ". A " + kind.id() + " message may use: "
                        + known.stream().map(u -> "{" + u + "}").collect(Collectors.joining(", "))
                        + ". Write \\{ for a literal brace.");
            }
        }
    }

    /** Kind-specific sanity of a rule's (merged) parameters. */
    private static final class ParamCheck {
        private final RuleCheck rule;
        private final RuleKind kind;
        private final Map<String, Object> params;

        ParamCheck(RuleCheck rule, RuleKind kind, Map<String, Object> params) {
            this.rule = rule;
            this.kind = kind;
            this.params = params;
        }

        private void problem(String param, String what) {
            rule.problem("params." + param, what);
        }

        void run() {
            // shapes common to every kind that takes the parameter
            for (String p : List.of("indicators", "stages", "units", "required_parts")) {
                if (params.containsKey(p)) {
                    stringList(p);
                }
            }
            switch (kind) {
                case ROW -> {
                    if (params.containsKey("severity_if_estimated")) {
                        if (!rule.id.equals(RowRule.VALUE_FRACTIONAL_COUNT.id())) {
                            problem("severity_if_estimated", "only rule " + RowRule.VALUE_FRACTIONAL_COUNT.id()
                                    + " uses this parameter. Remove it.");
                        } else {
                            rule.severity("params.severity_if_estimated", params.get("severity_if_estimated"), null);
                        }
                    }
                }
                case SUM_OF_PARTS -> sumOfParts();
                case NOT_ABOVE_PARENT -> notAboveParent();
                case FUNNEL -> {
                    List<String> stages = stringList("stages");
                    if (stages == null) {
                        problem("stages", "required: the indicators of the process, first stage first, "
                                + "e.g. [persons_suspected, persons_prosecuted, persons_convicted].");
                    } else if (new LinkedHashSet<>(stages).size() < 2) {
                        problem("stages", "give at least 2 different indicators, first stage first.");
                    }
                }
                case YEAR_ON_YEAR -> {
                    atLeast("noise_factor", 0, false);
                    units();
                }
                case SAME_FIGURE -> {
                    atLeast("min_years", 2, true);
                    atLeast("min_value", 0, false);
                }
                case REVISION -> atLeast("small_count", 0, false);
                case RATE_RANGE -> {
                    scalarSelector("cell", false);
                    bounds("min", "max", "a rate per 100,000, e.g. min: 50 or max: 1000");
                }
                case RATIO -> {
                    scalarSelector("numerator", true);
                    scalarSelector("denominator", true);
                    bounds("min_ratio", "max_ratio", "a ratio, e.g. min_ratio: 1 and max_ratio: 1.25");
                }
                case TURNED_ZERO -> {
                    atLeast("min_before", 0, false);
                    units();
                }
                default -> { }
            }
        }

        private void sumOfParts() {
            Map<String, Object> total = selector("total", true);
            if (total != null) {
                for (var e : total.entrySet()) {
                    if (!isScalar(e.getValue())) {
                        problem("total." + e.getKey(), "the total is one cell: give one value, not " + describe(e.getValue()) + ".");
                    }
                }
            }
            Map<String, Object> parts = selector("parts", true);
            List<String> partList = null;
            if (parts != null) {
                List<String> listed = parts.entrySet().stream().filter(e -> e.getValue() instanceof List<?>)
                        .map(Map.Entry::getKey).toList();
                if (listed.size() != 1) {
                    problem("parts", "exactly one field must list the parts, e.g. {sex: [M, F, _U]}; "
                            + (listed.isEmpty() ? "none does." : "here " + String.join(" and ", listed) + " do."));
                } else {
                    List<?> l = (List<?>) parts.get(listed.get(0));
                    if (l.isEmpty() || !l.stream().allMatch(RuleCatalogueLoader::isScalar)) {
                        problem("parts." + listed.get(0), "list the parts as values, e.g. [M, F, _U].");
                    } else {
                        partList = l.stream().map(String::valueOf).toList();
                    }
                }
                for (var e : parts.entrySet()) {
                    if (!(e.getValue() instanceof List<?>) && !isScalar(e.getValue())) {
                        problem("parts." + e.getKey(), "give one value or a list of parts, not " + describe(e.getValue()) + ".");
                    }
                }
            }
            List<String> required = params.containsKey("required_parts") ? stringList("required_parts") : null;
            if (required != null && partList != null) {
                Set<String> extra = new LinkedHashSet<>(required);
                extra.removeAll(new HashSet<>(partList));
                if (!extra.isEmpty()) {
                    problem("required_parts", String.join(", ", extra) + (extra.size() > 1 ? " are" : " is")
                            + " not among the parts " + partList + ". required_parts must be some of the parts.");
                }
            }
        }

        private void notAboveParent() {
            boolean hierarchy = params.containsKey("hierarchy");
            boolean part = params.containsKey("part");
            boolean whole = params.containsKey("whole");
            if (hierarchy) {
                if (!"iccs".equals(params.get("hierarchy"))) {
                    problem("hierarchy", "unknown hierarchy " + describe(params.get("hierarchy")) + ". The only one is 'iccs'.");
                }
                if (part || whole) {
                    problem(part ? "part" : "whole", "give either 'hierarchy: iccs' or 'part' and 'whole', not both.");
                }
                return;
            }
            if (!part || !whole) {
                problem(part ? "whole" : "part", "required: give either 'hierarchy: iccs', or both 'part' and 'whole' "
                        + "as selections, e.g. part: {sex: F, category: Intimate partner or family member}, whole: {sex: F}.");
                return;
            }
            for (String side : List.of("part", "whole")) {
                Map<String, Object> sel = selector(side, true);
                if (sel != null) {
                    for (var e : sel.entrySet()) {
                        if (!isScalar(e.getValue())) {
                            problem(side + "." + e.getKey(), "give one value, not " + describe(e.getValue()) + ".");
                        }
                    }
                }
            }
        }

        /** A selection of one cell: a mapping of fields to single values. */
        private void scalarSelector(String param, boolean required) {
            Map<String, Object> sel = selector(param, required);
            if (sel != null) {
                for (var e : sel.entrySet()) {
                    if (!isScalar(e.getValue())) {
                        problem(param + "." + e.getKey(), "give one value, not " + describe(e.getValue()) + ".");
                    }
                }
            }
        }

        /** A lower and an upper bound, at least one given, each a number >= 0, lower <= upper. */
        private void bounds(String low, String high, String example) {
            if (!params.containsKey(low) && !params.containsKey(high)) {
                problem(low, "required: give " + low + " or " + high + " (or both), " + example + ".");
                return;
            }
            atLeast(low, 0, false);
            atLeast(high, 0, false);
            if (params.get(low) instanceof Number a && params.get(high) instanceof Number b && a.doubleValue() > b.doubleValue()) {
                problem(low, low + " " + a + " is above " + high + " " + b + ". Swap them.");
            }
        }

        /** A mapping from observation fields to values (total, parts, part, whole). */
        @SuppressWarnings("unchecked")
        private Map<String, Object> selector(String param, boolean required) {
            Object v = params.get(param);
            if (v == null) {
                if (required) {
                    problem(param, "required: a mapping of fields to values, e.g. {sex: _T}. Fields: "
                            + String.join(", ", SELECTOR_FIELDS) + ".");
                }
                return null;
            }
            if (!(v instanceof Map<?, ?> map) || map.isEmpty()) {
                problem(param, "must be a mapping of fields to values, e.g. {sex: _T}, not " + describe(v) + ".");
                return null;
            }
            boolean ok = true;
            for (Object key : map.keySet()) {
                if (!SELECTOR_FIELDS.contains(String.valueOf(key))) {
                    problem(param + "." + key, "unknown field. Fields: " + String.join(", ", SELECTOR_FIELDS) + ".");
                    ok = false;
                }
            }
            return ok ? (Map<String, Object>) map : null;
        }

        private List<String> stringList(String param) {
            Object v = params.get(param);
            if (v == null) {
                return null;
            }
            if (!(v instanceof List<?> l) || !l.stream().allMatch(RuleCatalogueLoader::isScalar) || l.isEmpty()) {
                problem(param, "must be a list of values, e.g. [a, b], not " + describe(v) + ".");
                return null;
            }
            return l.stream().map(String::valueOf).toList();
        }

        private void units() {
            List<String> units = params.containsKey("units") ? stringList("units") : null;
            if (units == null) {
                return;
            }
            for (String u : units) {
                try {
                    Unit.valueOf(u);
                } catch (IllegalArgumentException e) {
                    problem("units", "unknown unit '" + u + "'. Units: "
                            + Arrays.stream(Unit.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
                }
            }
        }

        private void atLeast(String param, double min, boolean whole) {
            if (!params.containsKey(param)) {
                return;
            }
            Object v = params.get(param);
            if (!(v instanceof Number n) || Double.isNaN(n.doubleValue())) {
                problem(param, describe(v) + " is not a number. Write a plain number, e.g. " + (int) Math.max(min, 1) + ".");
                return;
            }
            if (n.doubleValue() < min) {
                problem(param, n + " is too small: it must be " + (int) min + " or more.");
            } else if (whole && n.doubleValue() != Math.rint(n.doubleValue())) {
                problem(param, n + " must be a whole number.");
            }
        }
    }

    static boolean isScalar(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean;
    }

    static String severityNames() {
        return Arrays.stream(Severity.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    static String describe(Object v) {
        return YamlTree.describe(v);
    }
}
