package org.uncts.cts.store;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * Avro schemas of the Parquet parts the ingest step stages. Column names are the published
 * names (docs/datasets.md), so the publish step can select them as they are. source_cell locates
 * a row within its line where the line holds several observations (an Excel row, a wide CSV line);
 * it is null otherwise.
 */
public final class StagingSchemas {

    private StagingSchemas() {
    }

    public static final Schema REJECTED_ROW = SchemaBuilder.record("rejected_row").namespace("org.uncts.cts")
            .fields()
            .requiredLong("run_id")
            .requiredString("source_file")
            .requiredLong("source_line")
            .optionalString("source_cell")
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
            .optionalString("source_cell")
            .optionalString("series_key")
            .requiredString("rule_id")
            .requiredString("severity")
            .optionalString("field")
            .optionalString("value")
            .optionalString("expected")
            .requiredString("message")
            .optionalInt("year")
            .endRecord();
}
