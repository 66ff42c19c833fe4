package org.uncts.cts.trends;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaBuilder.FieldAssembler;
import org.uncts.cts.publish.PublishedSchemas;

/**
 * Columns of the trends datasets (docs/datasets.md, "trends", "trend_years", "regional_trends" and
 * "regional_trend_years"). Each carries its series' key columns so that a query needs no join to say what a row is
 * about; after the key, the country and the regional datasets share their columns (declared once below), apart from
 * one column each: obs_status (country years), n_points_imputed and imputation (regional).
 */
public final class TrendsSchemas {

    /** One row per country series, period and segment: the period statistics. */
    public static final Schema TRENDS = statistics(periodOf(PublishedSchemas.breakdown(record("trend")
            .requiredLong("run_id")
            .requiredString("series_id")
            .requiredString("formula_id")
            .requiredString("country_iso3"))
            .requiredString("unit")))
            .endRecord();

    /** One row per country series and year with a value: year-level figures within the year's segment. */
    public static final Schema TREND_YEARS = yearFigures(yearPoint(PublishedSchemas.breakdown(record("trend_year")
            .requiredLong("run_id")
            .requiredString("series_id")
            .requiredString("formula_id")
            .requiredString("country_iso3"))
            .requiredString("unit"))
            .requiredString("obs_status"))
            .endRecord();

    /** One row per regional series (grouping, region, formula, breakdown) and period: the period statistics. */
    public static final Schema REGIONAL_TRENDS = statistics(periodOf(regionalKey("regional_trend"))
            .requiredInt("n_points_imputed"))
            .endRecord();

    /** One row per regional series and year with a published value. */
    public static final Schema REGIONAL_TREND_YEARS = yearFigures(yearPoint(regionalKey("regional_trend_year"))
            .optionalString("imputation"))
            .endRecord();

    private TrendsSchemas() {
    }

    private static FieldAssembler<Schema> record(String name) {
        return SchemaBuilder.record(name).namespace("org.uncts.cts").fields();
    }

    /** The key of a regional series, the columns of regional_aggregates that name it. */
    private static FieldAssembler<Schema> regionalKey(String name) {
        return PublishedSchemas.breakdown(record(name)
                .requiredLong("run_id")
                .requiredString("grouping")
                .requiredString("region_code")
                .requiredString("region_name")
                .requiredString("formula_id"))
                .requiredString("unit");
    }

    /** Which period and segment a trend row is about, and how many points it has. */
    private static FieldAssembler<Schema> periodOf(FieldAssembler<Schema> fields) {
        return fields.requiredString("period")
                .optionalInt("window_years")
                .requiredInt("segment_start")
                .requiredInt("first_year")
                .requiredInt("last_year")
                .requiredInt("n_points");
    }

    /** The statistics of a trend row (TrendStatistics.Summary), written by SeriesTrendWriter. */
    private static FieldAssembler<Schema> statistics(FieldAssembler<Schema> fields) {
        return fields.requiredDouble("first_value")
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
                .optionalString("mk_direction")
                .optionalString("note");
    }

    /** The segment, year and value of a year row. */
    private static FieldAssembler<Schema> yearPoint(FieldAssembler<Schema> fields) {
        return fields.requiredInt("segment_start")
                .requiredInt("year")
                .requiredDouble("value");
    }

    /** The year-level figures of a year row (TrendStatistics.YearFigures). */
    private static FieldAssembler<Schema> yearFigures(FieldAssembler<Schema> fields) {
        return fields.optionalDouble("yoy_pct")
                .optionalDouble("index_segment")
                .optionalDouble("moving_avg_3");
    }
}
