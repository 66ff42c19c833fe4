package org.uncts.cts.model;

/**
 * One finding of one validation rule about one row (or, for cross-row rules, one series).
 *
 * @param field    the input field concerned (e.g. "value", "country"), or null
 * @param value    the value found, as text
 * @param expected what was expected, as text (a bound, a code list, a total), or null
 */
public record ValidationIssue(
        String ruleId,
        Severity severity,
        Provenance provenance,
        String seriesKey,
        String field,
        String value,
        String expected,
        String message) {
}
