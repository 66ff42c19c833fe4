package org.uncts.cts.validate.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule checks, and so which parameters and message placeholders it understands. Row kinds
 * are checked on each row as it is read; the others over the whole cycle once every file is in.
 */
public enum RuleKind {
    ROW("row", Scope.ROW, Set.of("severity_if_estimated"), Set.of()),
    DUPLICATE_KEY("duplicate-key", Scope.ROW, Set.of(), Set.of()),
    SUM_OF_PARTS("sum-of-parts", Scope.CYCLE, Set.of("indicators", "total", "parts", "required_parts"),
            Set.of("parts", "sum", "total")),
    NOT_ABOVE_PARENT("not-above-parent", Scope.CYCLE, Set.of("indicators", "hierarchy", "part", "whole"),
            Set.of("part", "part_value", "whole", "whole_value")),
    FUNNEL("funnel", Scope.CYCLE, Set.of("stages"),
            Set.of("stage", "stage_value", "earlier_stage", "earlier_value")),
    YEAR_ON_YEAR("year-on-year", Scope.CYCLE, Set.of("noise_factor", "units", "indicators"),
            Set.of("previous_year", "previous", "change", "change_pct", "noise_bound")),
    SAME_FIGURE("same-figure", Scope.CYCLE, Set.of("min_years", "min_value"),
            Set.of("other_series", "other_lines")),
    REVISION("revision", Scope.CYCLE, Set.of("small_count"),
            Set.of("previous", "previous_source", "change", "change_pct")),
    REPORTED_RATE("reported-rate", Scope.CYCLE, Set.of("indicators"),
            Set.of("count", "population", "computed")),
    RATE_RANGE("rate-range", Scope.CYCLE, Set.of("indicators", "cell", "min", "max"),
            Set.of("rate", "bound", "count", "population")),
    RATIO("ratio", Scope.CYCLE, Set.of("numerator", "denominator", "min_ratio", "max_ratio"),
            Set.of("numerator", "numerator_value", "denominator", "denominator_value", "ratio", "min_ratio", "max_ratio")),
    MISSING_SERIES("missing-series", Scope.CYCLE, Set.of(), Set.of("previous_years", "previous_source")),
    TURNED_ZERO("turned-zero", Scope.CYCLE, Set.of("min_before", "units"), Set.of("previous_year", "previous"));

    /** When a kind runs: on each row while reading, or over the whole cycle after ingest. */
    public enum Scope { ROW, CYCLE }

    /** Placeholders every cross-row message may use. */
    public static final Set<String> COMMON_PLACEHOLDERS = Set.of("country", "country_name", "indicator", "series",
            "year", "years", "value", "expected", "imbalance", "lines");

    private final String id;
    private final Scope scope;
    private final Set<String> params;
    private final Set<String> placeholders;

    RuleKind(String id, Scope scope, Set<String> params, Set<String> placeholders) {
        this.id = id;
        this.scope = scope;
        this.params = params;
        this.placeholders = placeholders;
    }

    public String id() {
        return id;
    }

    public Scope scope() {
        return scope;
    }

    /** The parameter names this kind accepts. */
    public Set<String> params() {
        return params;
    }

    /** The placeholders a message of this kind may use, besides {@link #COMMON_PLACEHOLDERS}. */
    public Set<String> placeholders() {
        return placeholders;
    }

    public static Optional<RuleKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(RuleKind::id).toList();
    }
}
