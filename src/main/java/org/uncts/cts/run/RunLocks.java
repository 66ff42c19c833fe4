package org.uncts.cts.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The run locks of this process ({@link RunLock}), under {@code <cts.home>/var/locks}. A job
 * listener: when a run starts it writes the run id into the lock file of its spec, so that a
 * refused second run, {@code cts recover} and {@code cts stop} can name it.
 */
public class RunLocks implements JobExecutionListener {

    private final Path dir;
    private final Map<String, RunLock> held = new ConcurrentHashMap<>();

    public RunLocks(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The lock key of a run: its spec for a survey run, its output folder for a validate run (which
     * writes elsewhere and may run beside the spec's own run).
     */
    public static String key(JobParameters params) {
        String output = params.getString(IngestJobConfiguration.OUTPUT_PARAM);
        return output != null ? "validate:" + output : params.getString(IngestJobConfiguration.SPEC_PARAM);
    }

    public static String key(String spec, String output) {
        return output != null ? "validate:" + output : spec;
    }

    /** Takes the lock of a key for this process, until the returned lock is closed. */
    public RunLock acquire(String key, String what) {
        RunLock lock = RunLock.acquire(dir, key, what);
        held.put(key, lock);
        return lock;
    }

    /** Releases a lock taken with {@link #acquire}. */
    public void release(String key) {
        RunLock lock = held.remove(key);
        if (lock != null) {
            lock.close();
        }
    }

    /** Who holds the lock of a run with these parameters, if a live process does. */
    public Optional<RunLock.Holder> holder(JobParameters params) {
        String key = key(params);
        return key == null ? Optional.empty() : RunLock.holder(dir, key);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        RunLock lock = held.get(String.valueOf(key(execution.getJobParameters())));
        if (lock != null) {
            lock.setRunId(execution.getJobInstance().getInstanceId());
        }
    }
}
