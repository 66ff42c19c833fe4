package org.uncts.cts.publish;

import java.nio.file.Path;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.uncts.cts.store.ParquetPart;

/**
 * The runs dataset: one Parquet file per run, runs/run-&lt;id&gt;.parquet, so history accumulates. It is
 * kept outside the releases (every release's catalog shows all runs); its release column names the
 * folder, under the output folder, that holds the run's datasets.
 */
public final class RunsDataset {

    private static final Schema TIMESTAMP = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));

    static final Schema INPUT_FILE = SchemaBuilder.record("input_file").namespace("org.uncts.cts").fields()
            .requiredString("file")
            .requiredString("format")
            .requiredString("sha256")
            .requiredString("encoding")
            .requiredLong("rows_read")
            .requiredLong("rows_accepted")
            .requiredLong("rows_rejected")
            .endRecord();

    public static final Schema RUN = SchemaBuilder.record("run").namespace("org.uncts.cts").fields()
            .requiredLong("run_id")
            .requiredString("job_name")
            .requiredString("spec_file")
            .requiredString("spec_sha256")
            .requiredString("cycle")
            .requiredInt("year_from")
            .requiredInt("year_to")
            .requiredString("status")
            .name("started_at").type(TIMESTAMP).noDefault()
            .name("ended_at").type(TIMESTAMP).noDefault()
            .requiredLong("rows_read")
            .requiredLong("rows_accepted")
            .requiredLong("rows_rejected")
            .requiredLong("issues_error")
            .requiredLong("issues_warning")
            .requiredLong("issues_info")
            .name("input_files").type().array().items(INPUT_FILE).noDefault()
            .requiredString("code_version")
            // the run's release folder, relative to the output folder (releases/run-000042); null in
            // runs published before releases existed
            .optionalString("release")
            .endRecord();

    private RunsDataset() {
    }

    public static Path write(Path outputDir, RunRecord run) {
        GenericData.Record r = new GenericData.Record(RUN);
        r.put("run_id", run.runId());
        r.put("job_name", run.jobName());
        r.put("spec_file", run.specFile());
        r.put("spec_sha256", run.specSha256());
        r.put("cycle", run.cycle());
        r.put("year_from", run.yearFrom());
        r.put("year_to", run.yearTo());
        r.put("status", run.status());
        r.put("started_at", run.startedAt().toEpochMilli());
        r.put("ended_at", run.endedAt().toEpochMilli());
        r.put("rows_read", run.rowsRead());
        r.put("rows_accepted", run.rowsAccepted());
        r.put("rows_rejected", run.rowsRejected());
        r.put("issues_error", run.issuesError());
        r.put("issues_warning", run.issuesWarning());
        r.put("issues_info", run.issuesInfo());
        List<GenericRecord> files = run.files().stream().map(f -> {
            GenericData.Record fr = new GenericData.Record(INPUT_FILE);
            fr.put("file", f.file());
            fr.put("format", f.format());
            fr.put("sha256", f.sha256());
            fr.put("encoding", f.encoding());
            fr.put("rows_read", f.rowsRead());
            fr.put("rows_accepted", f.rowsAccepted());
            fr.put("rows_rejected", f.rowsRejected());
            return (GenericRecord) fr;
        }).toList();
        r.put("input_files", new GenericData.Array<>(RUN.getField("input_files").schema(), files));
        r.put("code_version", run.codeVersion());
        r.put("release", Releases.relative(run.runId()));
        Path target = outputDir.resolve("runs").resolve(String.format("run-%06d.parquet", run.runId()));
        try {
            java.nio.file.Files.createDirectories(target.getParent());
            ParquetPart.write(target, RUN, List.of(r));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
        return target;
    }
}
