package org.uncts.cts.store;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * Avro schemas of the Parquet parts the ingest step stages. Column names are the published
 * names (docs/datasets.md), so the publish step can select them as they are.
 */
public final class StagingSchemas {

    private StagingSchemas() {
    }

    /**
     * Staged observations carry only what the row itself says: the publish step adds what is the
     * same for a whole file (file name, SHA-256, run id) or derivable (country names and regions,
     * series key) by joins in DuckDB. Fewer columns is most of the ingest's write cost.
     */
    public static final Schema OBSERVATION = SchemaBuilder.record("staged_observation").namespace("org.uncts.cts")
            .fields()
            .requiredString("country_iso3")
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
            .requiredLong("source_line")
            .endRecord();

    public static final Schema REJECTED_ROW = SchemaBuilder.record("rejected_row").namespace("org.uncts.cts")
            .fields()
            .requiredLong("run_id")
            .requiredString("source_file")
            .requiredLong("source_line")
            .requiredString("source_sha256")
            .requiredString("raw_text")
            .requiredString("rule_id")
            .requiredString("field")
            .requiredString("message")
            .requiredInt("error_count")
            .endRecord();

    public static final Schema VALIDATION_ISSUE = SchemaBuilder.record("validation_issue").namespace("org.uncts.cts")
            .fields()
            .requiredLong("run_id")
            .requiredString("source_file")
            .requiredLong("source_line")
            .optionalString("series_key")
            .requiredString("rule_id")
            .requiredString("severity")
            .optionalString("field")
            .optionalString("value")
            .optionalString("expected")
            .requiredString("message")
            .endRecord();
}
