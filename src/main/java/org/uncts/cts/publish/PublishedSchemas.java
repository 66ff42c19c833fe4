package org.uncts.cts.publish;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * Column types of the published observations (DuckDB writes them), as an Avro schema: the
 * catalog uses it to give the observations view its columns even when a run accepted no row.
 * Must match CyclePublisher.OBSERVATION_COLUMNS; SampleCycleTest compares the two.
 */
public final class PublishedSchemas {

    public static final Schema OBSERVATION = SchemaBuilder.record("observation").namespace("org.uncts.cts").fields()
            .requiredLong("run_id")
            .requiredString("country_iso3")
            .optionalString("country_m49")
            .optionalString("country_name")
            .optionalString("region")
            .optionalString("subregion")
            .requiredInt("year")
            .requiredString("indicator")
            .optionalString("iccs_code")
            .requiredString("dimension")
            .requiredString("category")
            .requiredString("sex")
            .requiredString("age")
            .requiredString("unit")
            .optionalDouble("value")
            .requiredString("obs_status")
            .optionalString("flag")
            .optionalString("note")
            .optionalString("source")
            .requiredString("series_key")
            .requiredString("source_file")
            .requiredLong("source_line")
            .requiredString("source_sha256")
            .endRecord();

    /**
     * Columns of the published validation_issues dataset: one row per finding, of a row rule
     * (one source line, and its cell where the line holds several observations) or of a cross-row
     * rule (a series, one or more years, several lines; no cell).
     */
    public static final Schema VALIDATION_ISSUE = SchemaBuilder.record("validation_issue").namespace("org.uncts.cts")
            .fields()
            .requiredLong("run_id")
            .requiredString("rule_id")
            .requiredString("rule_kind")
            .requiredString("severity")
            .optionalString("country_iso3")
            .optionalString("indicator")
            .optionalString("series_key")
            .optionalInt("year")
            .optionalString("years")
            .optionalString("field")
            .optionalString("value")
            .optionalString("expected")
            .optionalDouble("imbalance")
            .requiredString("message")
            .requiredBoolean("explain")
            .optionalString("source_file")
            .optionalLong("source_line")
            .optionalString("source_cell")
            .optionalString("source_lines")
            .endRecord();

    /**
     * The population dataset: the denominators a run used, one row per country, year and sex,
     * with the file and edition they came from.
     */
    public static final Schema POPULATION = SchemaBuilder.record("population").namespace("org.uncts.cts").fields()
            .requiredString("country_iso3")
            .requiredInt("year")
            .requiredString("sex")
            .requiredDouble("population")
            .requiredString("source")
            .optionalString("edition")
            .endRecord();

    /**
     * The indicators dataset: values derived from the observations, one row per formula, country,
     * breakdown and year, with its inputs. value is null (and note says why) when an input is missing.
     */
    public static final Schema INDICATOR = breakdown(SchemaBuilder.record("indicator").namespace("org.uncts.cts").fields()
            .requiredLong("run_id")
            .requiredString("formula_id")
            .requiredString("country_iso3")
            .requiredInt("year"))
            .optionalDouble("value")
            .requiredString("unit")
            .optionalDouble("numerator")
            .optionalDouble("denominator")
            .optionalString("numerator_series")
            .optionalString("denominator_source")
            .requiredString("obs_status")
            .optionalString("note")
            .requiredString("series_id")
            .endRecord();

    /**
     * The breakdown columns every derived dataset carries, in this order: base_indicator,
     * iccs_code (optional), dimension, category, sex, age.
     */
    public static SchemaBuilder.FieldAssembler<Schema> breakdown(SchemaBuilder.FieldAssembler<Schema> fields) {
        return fields.requiredString("base_indicator")
                .optionalString("iccs_code")
                .requiredString("dimension")
                .requiredString("category")
                .requiredString("sex")
                .requiredString("age");
    }

    private PublishedSchemas() {
    }
}
