package org.uncts.cts.report;

import java.time.Instant;
import java.util.Objects;

/**
 * What every page of a feedback report says about the run it comes from.
 *
 * @param cycle    the survey cycle, as the job spec names it ("2025")
 * @param runId    the run that produced the findings
 * @param runDate  when the run started
 * @param jobName  the job spec's name
 */
public record ReportHeader(String cycle, long runId, Instant runDate, String jobName) {

    public ReportHeader {
        Objects.requireNonNull(cycle, "cycle");
        Objects.requireNonNull(runDate, "runDate");
        Objects.requireNonNull(jobName, "jobName");
    }
}
