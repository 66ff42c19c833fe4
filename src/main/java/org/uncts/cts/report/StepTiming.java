package org.uncts.cts.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One step of a run as the run report shows it: what Spring Batch records in a step execution.
 *
 * @param name   the step name
 * @param status the step's batch status ({@code COMPLETED}, {@code FAILED}...)
 * @param read   items read
 * @param write  items written
 * @param skip   items skipped (read, process and write skips together)
 * @param start  when the step started; null if it has not
 * @param end    when the step ended; null while it runs
 */
public record StepTiming(String name, String status, long read, long write, long skip, Instant start, Instant end) {

    public StepTiming {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    /**
     * A step whose times are local date-times of this machine's time zone, as Spring Batch's
     * {@code StepExecution.getStartTime()} and {@code getEndTime()} give them.
     */
    public static StepTiming local(String name, String status, long read, long write, long skip,
                                   LocalDateTime start, LocalDateTime end) {
        ZoneId zone = ZoneId.systemDefault();
        return new StepTiming(name, status, read, write, skip,
                start == null ? null : start.atZone(zone).toInstant(), end == null ? null : end.atZone(zone).toInstant());
    }

    /** How long the step took; null unless it has both a start and an end. */
    public Duration duration() {
        return start == null || end == null ? null : Duration.between(start, end);
    }
}
