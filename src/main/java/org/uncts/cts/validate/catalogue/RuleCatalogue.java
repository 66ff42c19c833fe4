package org.uncts.cts.validate.catalogue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.uncts.cts.model.Severity;
import org.uncts.cts.validate.RowRule;

/**
 * The validation rules in force: the catalogue shipped in validation/rules.yml, possibly changed
 * by a job spec. Immutable; rules keep the order in which they were defined (overrides that add
 * a rule append it). Rules switched off with {@code enabled: false} are not in it (see
 * {@link #disabled()}).
 */
public final class RuleCatalogue {

    private final List<Rule> rules;
    private final Map<String, Rule> byId;
    private final Set<String> disabled;

    RuleCatalogue(List<Rule> rules, Set<String> disabled) {
        this.rules = List.copyOf(rules);
        Map<String, Rule> m = new LinkedHashMap<>();
        for (Rule r : this.rules) {
            if (m.putIfAbsent(r.id(), r) != null) {
                throw new IllegalArgumentException("rule id " + r.id() + " twice in a catalogue");
            }
        }
        this.byId = m;
        this.disabled = Set.copyOf(new LinkedHashSet<>(disabled));
    }

    /** The catalogue shipped with the program (classpath validation/rules.yml), read once. */
    public static RuleCatalogue builtIn() {
        return RuleCatalogueLoader.builtIn();
    }

    /** A complete catalogue from a file of the same layout as validation/rules.yml. */
    public static RuleCatalogue load(Path file) {
        return RuleCatalogueLoader.load(file);
    }

    /** This catalogue changed by a file of overrides and additions (same layout as rules.yml). */
    public RuleCatalogue overriddenBy(Path overridesFile) {
        return overriddenBy(RuleOverrides.read(overridesFile));
    }

    /**
     * This catalogue changed by overrides: a rule whose id is already here replaces only the keys
     * it gives (tolerance bounds and params one by one); a new id must be a complete rule and is
     * appended; {@code enabled: false} drops a rule.
     *
     * @throws RuleCatalogueException listing every problem of the overrides
     */
    public RuleCatalogue overriddenBy(RuleOverrides overrides) {
        return RuleCatalogueLoader.apply(this, overrides);
    }

    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The rules of one kind, in catalogue order. */
    public List<Rule> byKind(RuleKind kind) {
        return rules.stream().filter(r -> r.kind() == kind).toList();
    }

    /** The rules checked row by row (kinds row and duplicate-key), in catalogue order. */
    public List<Rule> rowRules() {
        return rules.stream().filter(r -> r.kind().scope() == RuleKind.Scope.ROW).toList();
    }

    /** The rules checked over the whole cycle, in catalogue order. */
    public List<Rule> crossRowRules() {
        return rules.stream().filter(r -> r.kind().scope() == RuleKind.Scope.CYCLE).toList();
    }

    /** Every rule in force, in catalogue order. */
    public List<Rule> all() {
        return rules;
    }

    /** The ids switched off with {@code enabled: false}. */
    public Set<String> disabled() {
        return disabled;
    }

    /**
     * The severity of a row rule: this catalogue's, or the shipped one when a catalogue file
     * loaded on its own does not list the rule. Row rules cannot be switched off.
     */
    public Severity severity(RowRule rule) {
        return rowRule(rule).severity();
    }

    /** A row rule of this catalogue, or of the shipped catalogue when this one does not list it. */
    public Rule rowRule(RowRule rule) {
        Rule r = byId.get(rule.id());
        if (r != null) {
            return r;
        }
        if (this == RuleCatalogueLoader.builtIn()) {
            throw new IllegalStateException("the built-in catalogue has no row rule " + rule.id());
        }
        return RuleCatalogueLoader.builtIn().rowRule(rule);
    }

    /**
     * A digest of every rule in force (ids, kinds, severities, texts, tolerances, params, messages),
     * so a run can tell whether it would validate with the same rules as an earlier one.
     */
    public String fingerprint() {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (Rule r : rules) {
                String line = String.join("\u001f", r.id(), r.kind().id(), r.severity().name(), r.description(),
                        String.valueOf(r.rationale()), r.tolerance().absolute() + "/" + r.tolerance().relative(),
                        String.valueOf(r.params()), String.valueOf(r.message()), String.valueOf(r.explanationRequired()));
                md.update((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int size() {
        return rules.size();
    }

    @Override
    public String toString() {
        return "RuleCatalogue" + byId.keySet();
    }
}
