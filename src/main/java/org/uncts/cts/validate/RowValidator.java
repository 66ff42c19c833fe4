package org.uncts.cts.validate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import org.uncts.cts.model.ObsStatus;
import org.uncts.cts.model.Observation;
import org.uncts.cts.model.RawObservation;
import org.uncts.cts.model.Severity;
import org.uncts.cts.model.Sex;
import org.uncts.cts.model.Unit;
import org.uncts.cts.model.ValidationIssue;
import org.uncts.cts.normalize.Breakdowns;
import org.uncts.cts.normalize.FlagParser;
import org.uncts.cts.normalize.ParsedValue;
import org.uncts.cts.normalize.SdmxValues;
import org.uncts.cts.normalize.ValueParser;
import org.uncts.cts.reference.Country;
import org.uncts.cts.reference.CountryMatch;
import org.uncts.cts.reference.IccsCode;
import org.uncts.cts.reference.IccsRule;
import org.uncts.cts.reference.Indicator;
import org.uncts.cts.reference.ReferenceData;
import org.uncts.cts.validate.catalogue.Rule;
import org.uncts.cts.validate.catalogue.RuleCatalogue;

/**
 * Normalizes one raw row into an {@link Observation} and applies the row-level rules. Pure:
 * the same row and reference data always give the same outcome, so it runs on any thread.
 */
public final class RowValidator {

    private final ReferenceData reference;
    private final ReferenceYears years;
    private final long runId;
    /** Returns repeat a few indicator spellings millions of times. */
    private final java.util.Map<String, Optional<Indicator>> indicatorsSeen = new java.util.concurrent.ConcurrentHashMap<>();

    /** Severities per row rule, from the catalogue, looked up once rather than per row. */
    private final EnumMap<RowRule, Severity> severities = new EnumMap<>(RowRule.class);
    /** The severity of a fractional count flagged as an estimate (value-fractional-count's severity_if_estimated). */
    private final Severity fractionalEstimateSeverity;

    /** A validator with the shipped rule catalogue's severities. */
    public RowValidator(ReferenceData reference, ReferenceYears years, long runId) {
        this(reference, years, runId, RuleCatalogue.builtIn());
    }

    /** A validator with the severities of a catalogue (a job spec's, see SurveyRunPlan#rules). */
    public RowValidator(ReferenceData reference, ReferenceYears years, long runId, RuleCatalogue rules) {
        this.reference = reference;
        this.years = years;
        this.runId = runId;
        for (RowRule r : RowRule.values()) {
            severities.put(r, rules.severity(r));
        }
        Rule fractional = rules.rowRule(RowRule.VALUE_FRACTIONAL_COUNT);
        this.fractionalEstimateSeverity = Severity.valueOf(
                fractional.string("severity_if_estimated", fractional.severity().name()).strip().toUpperCase(java.util.Locale.ROOT));
    }

    public RowOutcome validate(RawObservation raw) {
        Findings f = new Findings(raw);
        if (raw.readProblem() != null) {
            f.add(RowRule.ROW_MALFORMED, raw.readProblem().field(), raw.rawText(), null, raw.readProblem().message());
            return f.reject();
        }

        Country country = country(raw, f);
        Integer year = year(raw, f);
        Indicator indicator = indicator(raw, f);
        String iccs = indicator == null ? null : iccs(raw, indicator, f);

        Sex sex = Breakdowns.sex(raw.sex()).orElse(null);
        if (sex == null) {
            f.add(RowRule.SEX_UNKNOWN, "sex", raw.sex(), "Total, Male, Female or Unknown",
                    "Sex '" + raw.sex() + "' is not Total, Male, Female or Unknown.");
        }
        String age = Breakdowns.age(raw.age()).orElse(null);
        if (age == null) {
            f.add(RowRule.AGE_UNKNOWN, "age", raw.age(), "a UN-CTS age group such as 0-9, 30-44, 60 and older, Juvenile",
                    "Age group '" + raw.age() + "' is not a standard UN-CTS age group.");
        }
        Unit unit = Breakdowns.unit(raw.unit()).orElse(null);
        if (unit == null) {
            f.add(RowRule.UNIT_UNKNOWN, "unit", raw.unit(), "Counts or Rate per 100,000 population",
                    "Unit '" + raw.unit() + "' is not Counts or Rate per 100,000 population.");
        }
        ObsStatus status = raw.hasObsStatus() ? sdmxStatus(raw, f) : FlagParser.parse(raw.flag()).orElse(null);
        if (status == null && !raw.hasObsStatus()) {
            f.add(RowRule.FLAG_UNKNOWN, "flag", raw.flag(), "e, p, b, d, u, r, c or blank",
                    "Flag '" + raw.flag() + "' is not a known observation flag.");
        }

        Double value = null;
        RawObservation.ValueReading reading = raw.valueReading();
        ParsedValue parsed;
        if (reading != null && reading.number() == null) {
            // the reader could not read the value under the file's number convention: no guess either way
            f.add(RowRule.byId(reading.ruleId()).orElse(RowRule.VALUE_NON_NUMERIC), "value", raw.value(),
                    reading.expected(), reading.message());
            parsed = new ParsedValue(null, null, ParsedValue.Kind.MISSING);
        } else if (raw.hasObsStatus()) {
            parsed = SdmxValues.value(raw.value());
        } else {
            parsed = ValueParser.parse(reading == null ? raw.value() : reading.number());
        }
        switch (parsed.kind()) {
            case NOT_A_NUMBER -> f.add(RowRule.VALUE_NON_NUMERIC, "value", raw.value(), "a number or a missing-value marker (..)",
                    "Value '" + raw.value() + "' is not a number; use a number, or '..' if not available.");
            // an SDMX status of a missing figure (M not applicable, K elsewhere...) says more than the empty cell
            case MISSING -> status = raw.hasObsStatus() && SdmxValues.isMissing(status) ? status : parsed.markerStatus();
            case NIL -> {
                value = 0.0;
                f.add(RowRule.VALUE_DASH_NIL, "value", raw.value(), "0",
                        "Value '" + raw.value() + "' was read as nil (0).");
            }
            case NUMBER -> {
                value = parsed.value();
                if (raw.hasObsStatus() && SdmxValues.isMissing(status) && status != ObsStatus.Q) {
                    // Q (confidential) may come with the figure, as a return's flag c does; O, M, K, L may not
                    f.add(RowRule.FLAG_UNKNOWN, "OBS_STATUS", raw.obsStatus(), "a status of a figure (A, E, P, B...) or an empty OBS_VALUE",
                            "OBS_STATUS " + status.name() + " (" + status.description() + ") says there is no figure, but OBS_VALUE is "
                                    + raw.value() + ". Leave OBS_VALUE empty, or give the figure with its own status (A, E, P...).");
                } else if (value < 0) {
                    f.add(RowRule.VALUE_NEGATIVE, "value", raw.value(), ">= 0",
                            "Value " + raw.value() + " is negative; counts and rates cannot be below zero.");
                } else if (unit == Unit.COUNT && value != Math.rint(value)) {
                    boolean estimated = status == ObsStatus.E || status == ObsStatus.I;
                    f.add(RowRule.VALUE_FRACTIONAL_COUNT,
                            estimated ? fractionalEstimateSeverity : severities.get(RowRule.VALUE_FRACTIONAL_COUNT),
                            "value", raw.value(), "a whole number",
                            "Count " + raw.value() + " is not a whole number"
                                    + (estimated ? " (flagged as an estimate)." : "; counts must be whole numbers unless flagged as estimates."));
                }
            }
        }

        if (f.hasError()) {
            return f.reject();
        }
        Observation obs = new Observation(runId, country.iso3(), country.m49(), country.name(), country.region(),
                country.subregion(), year, indicator.id(), iccs, Breakdowns.labelOrTotal(raw.dimension()),
                Breakdowns.labelOrTotal(raw.category()), sex, age, unit, value, status,
                // for SDMX inputs the status code is what was reported, so it is the row's flag
                blankToNull(raw.hasObsStatus() ? raw.obsStatus() : raw.flag()), blankToNull(raw.note()),
                blankToNull(raw.source()), raw.provenance());
        return f.accept(obs);
    }

    /** The status of an SDMX row's OBS_STATUS code; null (and a finding) when it is not a code. */
    private static ObsStatus sdmxStatus(RawObservation raw, Findings f) {
        ObsStatus status = SdmxValues.status(raw.obsStatus()).orElse(null);
        if (status == null) {
            f.add(RowRule.FLAG_UNKNOWN, "OBS_STATUS", raw.obsStatus(), "an SDMX OBS_STATUS code (A, E, P, B, D, U, O, M, K, L, Q...)",
                    "OBS_STATUS '" + raw.obsStatus() + "' is not a code of the SDMX observation status list (CL_OBS_STATUS):"
                            + " use A (normal), E (estimate), P (provisional), B (break), O (missing), M (not applicable)...");
        }
        return status;
    }

    private Country country(RawObservation raw, Findings f) {
        if (isBlank(raw.country())) {
            f.add(RowRule.FIELD_MISSING, "country", "", "an ISO3 code", "The country is blank.");
            return null;
        }
        Optional<CountryMatch> match = reference.countries().resolve(raw.country());
        if (match.isEmpty()) {
            f.add(RowRule.COUNTRY_UNKNOWN, "country", raw.country(), "an ISO3 or M49 code, or a country name",
                    "Country '" + raw.country() + "' is not a known ISO3 or M49 code or country name.");
            return null;
        }
        Country c = match.get().country();
        switch (match.get().kind()) {
            case NAME, ALIAS -> f.add(RowRule.COUNTRY_BY_NAME, "country", raw.country(), c.iso3(),
                    "Country given by name '" + raw.country() + "'; read as " + c.iso3() + " (" + c.name() + "). Please use the ISO3 code.");
            case M49 -> f.add(RowRule.COUNTRY_BY_NAME, "country", raw.country(), c.iso3(),
                    "Country given by M49 code '" + raw.country() + "'; read as " + c.iso3() + " (" + c.name() + "). Please use the ISO3 code.");
            default -> { }
        }
        return c;
    }

    private Integer year(RawObservation raw, Findings f) {
        String y = raw.year() == null ? "" : raw.year().strip();
        if (y.isEmpty()) {
            f.add(RowRule.FIELD_MISSING, "year", "", "a year in " + years, "The year is blank.");
            return null;
        }
        if (y.endsWith(".0")) {
            y = y.substring(0, y.length() - 2); // spreadsheets export years as 2020.0
        }
        if (y.length() != 4 || !isDigits(y)) {
            f.add(RowRule.YEAR_INVALID, "year", raw.year(), "a four-digit year", "Year '" + raw.year() + "' is not a four-digit year.");
            return null;
        }
        int year = Integer.parseInt(y);
        if (!years.contains(year)) {
            f.add(RowRule.YEAR_OUT_OF_WINDOW, "year", y, years.toString(),
                    "Year " + y + " is outside this cycle's reference years " + years + ".");
            return null;
        }
        return year;
    }

    private Indicator indicator(RawObservation raw, Findings f) {
        if (isBlank(raw.indicator())) {
            f.add(RowRule.FIELD_MISSING, "indicator", "", "an indicator id", "The indicator is blank.");
            return null;
        }
        Optional<Indicator> ind = indicatorsSeen.get(raw.indicator());
        if (ind == null) {
            ind = reference.indicators().resolve(raw.indicator());
            if (indicatorsSeen.size() < 10_000) {
                indicatorsSeen.put(raw.indicator(), ind);
            }
        }
        if (ind.isEmpty()) {
            f.add(RowRule.INDICATOR_UNKNOWN, "indicator", raw.indicator(), "an indicator of docs/input-formats.md",
                    "Indicator '" + raw.indicator() + "' is not in the indicator list.");
            return null;
        }
        return ind.get();
    }

    private String iccs(RawObservation raw, Indicator indicator, Findings f) {
        String given = raw.iccsCode() == null ? "" : raw.iccsCode().strip();
        IccsRule rule = indicator.iccsRule();
        if (given.isEmpty()) {
            if (rule == IccsRule.FIXED) {
                return indicator.fixedIccsCode();
            }
            // dataUNODC names the offence in Category rather than giving a code
            Optional<IccsCode> byLabel = isBlank(raw.category()) ? Optional.empty()
                    : reference.iccs().byLabel(raw.category().strip());
            if (byLabel.isPresent() && rule != IccsRule.NONE) {
                return byLabel.get().code();
            }
            if (rule == IccsRule.REQUIRED) {
                f.add(RowRule.ICCS_MISSING, "iccs_code", "", "an ICCS code such as 0101",
                        "Indicator " + indicator.id() + " counts offences or persons for an offence: give its ICCS code.");
            }
            return null;
        }
        Optional<IccsCode> known = reference.iccs().byCode(given);
        String code;
        if (known.isPresent()) {
            code = known.get().code(); // the code as the list writes it
        } else {
            Optional<IccsCode> restored = reference.iccs().withLostLeadingZero(given);
            if (restored.isEmpty()) {
                f.add(RowRule.ICCS_UNKNOWN, "iccs_code", given, "a code of the ICCS code list",
                        "ICCS code '" + given + "' is not in the ICCS code list.");
                return null;
            }
            code = restored.get().code();
            f.add(RowRule.ICCS_LEADING_ZERO, "iccs_code", given, code,
                    "ICCS code '" + given + "' read as " + code + " (leading zero restored). Please keep codes as text.");
        }
        Optional<String> problem = indicator.iccsProblem(code);
        if (problem.isPresent()) {
            String expected = rule == IccsRule.NONE ? "blank" : indicator.fixedIccsCode();
            f.add(RowRule.ICCS_NOT_ALLOWED, "iccs_code", given, expected,
                    "The " + problem.get() + ".");
            return null;
        }
        return code;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }

    /** Collects findings for one row; most rows have none, so the list is made lazily. */
    private final class Findings {
        private final RawObservation raw;
        private List<ValidationIssue> issues = List.of();
        private boolean error;

        Findings(RawObservation raw) {
            this.raw = raw;
        }

        void add(RowRule rule, String field, String value, String expected, String message) {
            add(rule, severities.get(rule), field, value, expected, message);
        }

        void add(RowRule rule, Severity severity, String field, String value, String expected, String message) {
            if (issues.isEmpty()) {
                issues = new ArrayList<>(2);
            }
            // a wide row gives one observation per year column: the message names the column, once
            String located = raw.column() == null || message.startsWith("Column ")
                    || message.contains(", column " + raw.column() + ":") ? message
                    : "Column " + raw.column() + ": " + message;
            issues.add(new ValidationIssue(rule.id(), severity, raw.provenance(), rawSeriesKey(raw), field,
                    value, expected, located));
            error |= severity == Severity.ERROR;
        }

        boolean hasError() {
            return error;
        }

        RowOutcome reject() {
            return new RowOutcome(raw, null, List.copyOf(issues));
        }

        RowOutcome accept(Observation obs) {
            if (issues.isEmpty()) {
                return new RowOutcome(raw, obs, List.of());
            }
            String key = obs.seriesKey().toString();
            List<ValidationIssue> keyed = issues.stream()
                    .map(i -> new ValidationIssue(i.ruleId(), i.severity(), i.provenance(), key, i.field(), i.value(),
                            i.expected(), i.message()))
                    .toList();
            return new RowOutcome(raw, obs, keyed);
        }

        /** The series key as reported, for rows we could not normalize. */
        private static String rawSeriesKey(RawObservation r) {
            return String.join("|", nz(r.country()), nz(r.indicator()), nz(r.iccsCode()), nz(r.dimension()),
                    nz(r.category()), nz(r.sex()), nz(r.age()), nz(r.unit()));
        }

        private static String nz(String s) {
            return s == null ? "" : s.strip();
        }
    }
}
