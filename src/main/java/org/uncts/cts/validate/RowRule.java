package org.uncts.cts.validate;

import org.uncts.cts.model.Severity;

/**
 * The row-level rules: what each checks and how serious a breach is. An ERROR rejects the row
 * (it goes to rejected_rows with its raw text); a WARNING or INFO keeps it and records a finding.
 */
public enum RowRule {
    ROW_MALFORMED("row-malformed", Severity.ERROR, "The row does not have the columns of the header."),
    FIELD_MISSING("field-missing", Severity.ERROR, "A required field (country, year, indicator) is blank."),
    COUNTRY_UNKNOWN("country-unknown", Severity.ERROR, "The country is neither an ISO3/M49 code nor a known name."),
    COUNTRY_BY_NAME("country-by-name", Severity.INFO, "The country was given by name or M49 code and mapped to its ISO3 code."),
    INDICATOR_UNKNOWN("indicator-unknown", Severity.ERROR, "The indicator is not in the indicator list."),
    ICCS_UNKNOWN("iccs-unknown", Severity.ERROR, "The ICCS code is not in the ICCS code list."),
    ICCS_MISSING("iccs-missing", Severity.ERROR, "The indicator is about an offence but no ICCS code is given."),
    ICCS_NOT_ALLOWED("iccs-not-allowed", Severity.ERROR, "The indicator takes no ICCS code, or only its own."),
    ICCS_LEADING_ZERO("iccs-leading-zero", Severity.INFO, "The ICCS code had lost its leading zero; it was restored."),
    YEAR_INVALID("year-invalid", Severity.ERROR, "The year is not a four-digit year."),
    YEAR_OUT_OF_WINDOW("year-out-of-window", Severity.ERROR, "The year is outside the cycle's reference years."),
    SEX_UNKNOWN("sex-unknown", Severity.ERROR, "The sex is not Total, Male, Female or Unknown."),
    AGE_UNKNOWN("age-unknown", Severity.ERROR, "The age group is not a standard UN-CTS age group."),
    UNIT_UNKNOWN("unit-unknown", Severity.ERROR, "The unit is not Counts or Rate per 100,000 population."),
    FLAG_UNKNOWN("flag-unknown", Severity.ERROR, "The flag is not a known observation flag."),
    VALUE_NON_NUMERIC("value-non-numeric", Severity.ERROR, "The value is neither a number nor a missing-value marker."),
    VALUE_NEGATIVE("value-negative", Severity.ERROR, "Counts and rates cannot be negative."),
    VALUE_FRACTIONAL_COUNT("value-fractional-count", Severity.ERROR,
            "A count must be a whole number unless flagged as an estimate (then it is a WARNING)."),
    VALUE_DASH_NIL("value-dash-nil", Severity.INFO, "A '-' or 'n' was read as nil (zero)."),
    DUPLICATE_CONFLICT("duplicate-conflict", Severity.ERROR,
            "The same series and year is reported twice with different values; all copies are rejected."),
    DUPLICATE_REPEAT("duplicate-repeat", Severity.ERROR,
            "The same row is reported again with the same value; the first copy is kept.");

    private final String id;
    private final Severity severity;
    private final String description;

    RowRule(String id, Severity severity, String description) {
        this.id = id;
        this.severity = severity;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }
}
