package org.uncts.cts.trends;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.uncts.cts.publish.PublishedSchemas;

/**
 * Columns of the trends datasets (docs/datasets.md, "trends" and "trend_years"). Both carry the series' key columns
 * of the indicators dataset so that a query needs no join to say what a row is about.
 */
public final class TrendsSchemas {

    /** One row per series, period and segment: the period statistics. */
    public static final Schema TRENDS = PublishedSchemas.breakdown(SchemaBuilder.record("trend").namespace("org.uncts.cts").fields()
            .requiredLong("run_id")
            .requiredString("series_id")
            .requiredString("formula_id")
            .requiredString("country_iso3"))
            .requiredString("unit")
            .requiredString("period")
            .optionalInt("window_years")
            .requiredInt("segment_start")
            .requiredInt("first_year")
            .requiredInt("last_year")
            .requiredInt("n_points")
            .requiredDouble("first_value")
            .requiredDouble("last_value")
            .optionalDouble("pct_change")
            .optionalDouble("index_last")
            .optionalDouble("cagr_pct")
            .optionalDouble("ols_log_slope")
            .optionalDouble("ols_annual_pct")
            .optionalDouble("ols_ci_low")
            .optionalDouble("ols_ci_high")
            .optionalDouble("theil_sen_slope")
            .optionalDouble("theil_sen_pct_of_median")
            .optionalLong("mk_s")
            .optionalDouble("mk_var_s")
            .optionalDouble("mk_z")
            .optionalDouble("mk_p")
            .optionalString("note")
            .endRecord();

    /** One row per series and year with a value: year-level figures within the year's segment. */
    public static final Schema TREND_YEARS = PublishedSchemas.breakdown(SchemaBuilder.record("trend_year").namespace("org.uncts.cts").fields()
            .requiredLong("run_id")
            .requiredString("series_id")
            .requiredString("formula_id")
            .requiredString("country_iso3"))
            .requiredString("unit")
            .requiredInt("segment_start")
            .requiredInt("year")
            .requiredDouble("value")
            .requiredString("obs_status")
            .optionalDouble("yoy_pct")
            .optionalDouble("index_segment")
            .optionalDouble("moving_avg_3")
            .endRecord();

    private TrendsSchemas() {
    }
}
