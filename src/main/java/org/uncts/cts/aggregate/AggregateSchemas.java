package org.uncts.cts.aggregate;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.uncts.cts.publish.PublishedSchemas;

/** Columns of the datasets {@link RegionalAggregation} writes; docs/datasets.md describes each. */
public final class AggregateSchemas {

    /** One row per grouping, region, formula, breakdown and year. */
    public static final Schema REGIONAL_AGGREGATE = PublishedSchemas.breakdown(SchemaBuilder.record("regional_aggregate")
            .namespace("org.uncts.cts").fields()
            .requiredLong("run_id")
            .requiredString("grouping")
            .requiredString("region_code")
            .requiredString("region_name")
            .requiredString("formula_id"))
            .requiredInt("year")
            .optionalDouble("value")
            .requiredString("unit")
            .requiredDouble("numerator_sum")
            .requiredDouble("denominator_sum")
            .requiredInt("countries_in_region")
            .requiredInt("countries_reporting")
            .requiredInt("countries_imputed")
            .requiredInt("countries_without_population")
            .requiredDouble("population_total")
            .requiredDouble("population_reported")
            .requiredDouble("population_imputed")
            .optionalDouble("coverage")
            .requiredBoolean("published")
            .optionalString("reason")
            .optionalString("imputation")
            .endRecord();

    /** One row per imputed country cell: what was filled in, how, and from what. */
    public static final Schema REGIONAL_IMPUTATION = PublishedSchemas.breakdown(SchemaBuilder.record("regional_imputation")
            .namespace("org.uncts.cts").fields()
            .requiredLong("run_id")
            .requiredString("formula_id"))
            .requiredString("country_iso3")
            .requiredInt("year")
            .requiredString("method")
            .optionalString("grouping")
            .optionalString("region_code")
            .requiredDouble("rate")
            .requiredDouble("numerator")
            .requiredDouble("denominator")
            .requiredString("basis")
            .endRecord();

    private AggregateSchemas() {
    }
}
