package org.uncts.cts.validate.catalogue;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.lookup.StringLookup;

/**
 * A rule's message: plain text with {placeholders} that a check fills in per finding, e.g.
 * "{value} in {year} against {previous} in {previous_year}". Substitution is Apache Commons Text's
 * {@link StringSubstitutor} with prefix "{" and suffix "}", no default-value syntax, and a
 * backslash to keep a literal brace ("\{not a placeholder}"). Values are inserted as they are:
 * a brace inside a value (a country's own note, say) is never substituted again. A placeholder
 * with no value is left as written, so a missing value shows rather than vanishing.
 */
public final class MessageTemplate {

    private static final char ESCAPE = '\\';

    private final String template;

    private MessageTemplate(String template) {
        this.template = Objects.requireNonNull(template, "template");
    }

    public static MessageTemplate of(String template) {
        return new MessageTemplate(template);
    }

    public String template() {
        return template;
    }

    /** The placeholder names the template uses, in order of first use. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        substitutor(name -> {
            names.add(name);
            return null;
        }).replace(template);
        return Collections.unmodifiableSet(names);
    }

    /** The message with each {name} replaced by its value; values may be any object (toString). */
    public String render(Map<String, ?> values) {
        return substitutor(name -> {
            Object v = values.get(name);
            return v == null ? null : v.toString();
        }).replace(template);
    }

    private static StringSubstitutor substitutor(StringLookup lookup) {
        return new StringSubstitutor(lookup, "{", "}", ESCAPE)
                .setValueDelimiterMatcher(null)
                .setDisableSubstitutionInValues(true)
                .setEnableSubstitutionInVariables(false);
    }

    @Override
    public String toString() {
        return template;
    }
}
