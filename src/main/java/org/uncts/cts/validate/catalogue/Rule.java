package org.uncts.cts.validate.catalogue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.uncts.cts.model.Severity;

/**
 * One validation rule of the catalogue, as loaded and checked from YAML.
 *
 * @param params              kind-specific parameters, as YAML gave them (strings, numbers,
 *                            lists and maps), checked against {@link RuleKind#params()}
 * @param message             a template whose {placeholders} the check fills in
 * @param explanationRequired whether the feedback report asks the focal point to explain
 * @param source              where the rule was defined (catalogue file), for error messages
 */
public record Rule(
        String id,
        RuleKind kind,
        Severity severity,
        String description,
        String rationale,
        Tolerance tolerance,
        Map<String, Object> params,
        String message,
        boolean explanationRequired,
        String source) {

    public Rule {
        // kept in the order written (Map.copyOf would not), so listings and docs are stable
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        params.values().forEach(v -> Objects.requireNonNull(v, "a rule parameter value"));
        tolerance = tolerance == null ? Tolerance.NONE : tolerance;
    }

    public boolean has(String param) {
        return params.containsKey(param);
    }

    public String string(String param, String fallback) {
        Object v = params.get(param);
        return v == null ? fallback : v.toString();
    }

    public double number(String param, double fallback) {
        Object v = params.get(param);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String param) {
        Object v = params.get(param);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(v.toString());
    }

    /** The message template; empty for row rules, whose messages the validator writes. */
    public MessageTemplate template() {
        return MessageTemplate.of(message == null ? "" : message);
    }

    /**
     * The message with its {placeholders} filled in (see {@link MessageTemplate}); placeholders
     * without a value are left as written.
     */
    public String render(Map<String, ?> values) {
        return template().render(values);
    }

    /** A map parameter (e.g. total: {sex: _T}); list values stay lists. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String param) {
        Object v = params.get(param);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
