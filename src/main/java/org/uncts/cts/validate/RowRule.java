package org.uncts.cts.validate;

/**
 * The ids of the row-level rules the validator emits. Their severity, description and rationale
 * live in the rule catalogue (validation/rules.yml, see
 * {@link org.uncts.cts.validate.catalogue.RuleCatalogue}), where a job spec may retune them. An
 * ERROR rejects the row (it goes to rejected_rows with its raw text); a WARNING or INFO keeps it
 * and records a finding.
 *
 * <p>Rules that find a field unusable (an unknown country, a year that is not a year...) leave
 * the row without that field, so the row cannot be kept: their severity must stay ERROR, and the
 * catalogue loader refuses anything else. The others can be set to any severity.
 */
public enum RowRule {
    ROW_MALFORMED("row-malformed", true),
    FIELD_MISSING("field-missing", true),
    COUNTRY_UNKNOWN("country-unknown", true),
    COUNTRY_BY_NAME("country-by-name", false),
    INDICATOR_UNKNOWN("indicator-unknown", true),
    ICCS_UNKNOWN("iccs-unknown", true),
    ICCS_MISSING("iccs-missing", true),
    ICCS_NOT_ALLOWED("iccs-not-allowed", true),
    ICCS_LEADING_ZERO("iccs-leading-zero", false),
    YEAR_INVALID("year-invalid", true),
    YEAR_OUT_OF_WINDOW("year-out-of-window", true),
    SEX_UNKNOWN("sex-unknown", true),
    AGE_UNKNOWN("age-unknown", true),
    UNIT_UNKNOWN("unit-unknown", true),
    FLAG_UNKNOWN("flag-unknown", true),
    VALUE_NON_NUMERIC("value-non-numeric", true),
    /** A value that reads as two different numbers (1.234, 2,500) when the file's decimal mark is not known. */
    VALUE_AMBIGUOUS_NUMBER("value-ambiguous-number", true),
    VALUE_NEGATIVE("value-negative", false),
    VALUE_FRACTIONAL_COUNT("value-fractional-count", false),
    VALUE_DASH_NIL("value-dash-nil", false),
    /** Checked when the cycle is published (duplicate keys across rows and files). */
    DUPLICATE_CONFLICT("duplicate-conflict", false),
    /** Checked when the cycle is published (duplicate keys across rows and files). */
    DUPLICATE_REPEAT("duplicate-repeat", false);

    private final String id;
    private final boolean mustReject;

    RowRule(String id, boolean mustReject) {
        this.id = id;
        this.mustReject = mustReject;
    }

    public String id() {
        return id;
    }

    /** Whether a breach leaves the row without a usable field, so the rule must stay an ERROR. */
    public boolean mustReject() {
        return mustReject;
    }

    public static java.util.Optional<RowRule> byId(String id) {
        for (RowRule r : values()) {
            if (r.id.equals(id)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
