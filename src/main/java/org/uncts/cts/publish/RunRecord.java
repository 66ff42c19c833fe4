package org.uncts.cts.publish;

import java.time.Instant;
import java.util.List;

/** One survey run as recorded in the runs dataset. */
public record RunRecord(
        long runId,
        String jobName,
        String specFile,
        String specSha256,
        String cycle,
        int yearFrom,
        int yearTo,
        String status,
        Instant startedAt,
        Instant endedAt,
        List<FileCounts> files,
        long issuesError,
        long issuesWarning,
        long issuesInfo,
        String codeVersion) {

    public long rowsRead() {
        return files.stream().mapToLong(FileCounts::rowsRead).sum();
    }

    public long rowsAccepted() {
        return files.stream().mapToLong(FileCounts::rowsAccepted).sum();
    }

    public long rowsRejected() {
        return files.stream().mapToLong(FileCounts::rowsRejected).sum();
    }
}
