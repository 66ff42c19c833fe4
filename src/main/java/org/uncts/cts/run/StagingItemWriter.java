package org.uncts.cts.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.uncts.cts.ingest.StagedObservationWriteSupport;
import org.uncts.cts.ingest.StagingRecords;
import org.uncts.cts.model.Observation;
import org.uncts.cts.store.ParquetPart;
import org.uncts.cts.store.PartDirectory;
import org.uncts.cts.store.StagingSchemas;
import org.uncts.cts.validate.RowOutcome;

/**
 * Writes each chunk as complete Parquet parts (accepted observations, rejected rows, findings),
 * named by file key and chunk index. The next index is saved with the chunk's commit, so a
 * restart discards parts of the chunk that did not commit and rewrites them under the same name:
 * nothing is appended, nothing is written twice.
 */
public class StagingItemWriter extends ItemStreamSupport implements ItemStreamWriter<RowOutcome> {

    static final String NEXT_PART_KEY = "staging.next.part";

    private final StagingLayout staging;
    private final String fileKey;
    private final String displayName;
    private final long runId;
    private final IngestFaults faults;
    private long nextPart;

    public StagingItemWriter(StagingLayout staging, String fileKey, String displayName, long runId, IngestFaults faults) {
        this.staging = staging;
        this.fileKey = fileKey;
        this.displayName = displayName;
        this.runId = runId;
        this.faults = faults;
        setName("stagingWriter");
    }

    @Override
    public void open(ExecutionContext ctx) {
        nextPart = ctx.containsKey(getExecutionContextKey(NEXT_PART_KEY)) ? ctx.getLong(getExecutionContextKey(NEXT_PART_KEY)) : 0L;
        try {
            for (Path dir : staging.partDirs()) {
                Files.createDirectories(dir);
                new PartDirectory(dir).discardFrom(fileKey, nextPart);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare staging folder " + staging.root() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void update(ExecutionContext ctx) {
        ctx.putLong(getExecutionContextKey(NEXT_PART_KEY), nextPart);
    }

    @Override
    public void write(Chunk<? extends RowOutcome> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        List<Observation> accepted = new ArrayList<>(chunk.size());
        List<GenericRecord> rejected = new ArrayList<>();
        List<GenericRecord> issues = new ArrayList<>();
        for (RowOutcome o : chunk) {
            if (o.accepted()) {
                accepted.add(o.observation());
            } else {
                rejected.add(StagingRecords.rejected(o, runId));
            }
            if (!o.issues().isEmpty()) {
                issues.addAll(StagingRecords.issues(List.of(o), runId));
            }
        }
        if (!accepted.isEmpty()) {
            try {
                ParquetPart.writeStaging(new PartDirectory(staging.observations()).partPath(fileKey, nextPart),
                        new StagedObservationWriteSupport(), accepted, StagedObservationWriteSupport.UNIQUE_COLUMNS);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        faults.afterPart(displayName, nextPart, "observations");
        part(staging.rejected(), StagingSchemas.REJECTED_ROW, rejected, "rejected");
        part(staging.issues(), StagingSchemas.VALIDATION_ISSUE, issues, "issues");
        nextPart++;
    }

    private void part(Path dir, Schema schema, List<GenericRecord> rows, String stage) {
        if (!rows.isEmpty()) {
            try {
                ParquetPart.writeStaging(new PartDirectory(dir).partPath(fileKey, nextPart), schema, rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        faults.afterPart(displayName, nextPart, stage);
    }
}
