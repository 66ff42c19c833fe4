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
     * (one source line) or of a cross-row rule (a series, one or more years, several lines).
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
            .optionalString("source_lines")
            .endRecord();

    private PublishedSchemas() {
    }
}
