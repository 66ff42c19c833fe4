package org.uncts.cts.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Tells the person at the terminal where a run is: one line redrawn in place while files are
 * read (on a terminal), one line per finished file and step otherwise. Writes to stderr so that
 * standard output stays clean for the summary.
 */
public class ProgressReporter implements JobExecutionListener, StepExecutionListener, ChunkListener<Object, Object> {

    private final PrintStream out;
    private final boolean terminal;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicInteger filesDone = new AtomicInteger();
    private volatile long startNanos;
    private volatile long lastDraw;

    public ProgressReporter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void beforeJob(JobExecution job) {
        rows.set(0);
        filesDone.set(0);
        startNanos = System.nanoTime();
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        long total = rows.addAndGet(chunk.size());
        long now = System.nanoTime();
        if (terminal && now - lastDraw > 200_000_000L) {
            lastDraw = now;
            synchronized (out) {
                out.printf(Locale.ROOT, "\r  ingest: %,d rows read, %d file(s) done, %,.0f rows/s   ", total, filesDone.get(), rate(total, now));
                out.flush();
            }
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        String name = step.getStepName();
        synchronized (out) {
            if (terminal) {
                out.print("\r\033[K");
            }
            if (name.startsWith(IngestJobConfiguration.WORKER_STEP + ":")) {
                filesDone.incrementAndGet();
                String file = step.getExecutionContext().getString(InputFilePartitioner.DISPLAY_NAME, name);
                out.printf(Locale.ROOT, "  read %-52s %,10d rows  %s%n", file,
                        ReturnItemReader.readCount(step.getExecutionContext()), step.getStatus());
            } else {
                out.printf(Locale.ROOT, "  step %-52s %s%n", name, step.getStatus());
            }
            out.flush();
        }
        return step.getExitStatus();
    }

    private double rate(long total, long now) {
        double secs = (now - startNanos) / 1e9;
        return secs <= 0 ? 0 : total / secs;
    }
}
