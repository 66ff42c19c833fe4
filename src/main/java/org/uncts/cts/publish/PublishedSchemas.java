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

    private PublishedSchemas() {
    }
}
