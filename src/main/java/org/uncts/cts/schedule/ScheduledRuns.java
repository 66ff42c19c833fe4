package org.uncts.cts.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.uncts.cts.run.RunOutcome;

/**
 * Survey runs launched on their specs' cron schedules. The scheduler only fires: each due run is
 * handed to a thread of its own, so the schedule keeps time while a run goes on, and a spec whose
 * previous run (launched here) is still going is skipped for that fire, with a line saying so.
 * Every launch and its outcome is written to the console and to the log (var/cts.log).
 *
 * <p>No Spring context is needed here: the launcher, the lookup of a running run's number, the
 * scheduler and the clock are given, so tests can fire a spec directly or on a cron every second.
 */
public final class ScheduledRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRuns.class);
    /** How fire times and console lines show times. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    /** Launches a survey run and waits for its end: {@code SurveyRunLauncher::launch} in the CLI. */
    @FunctionalInterface
    public interface Launcher {
        RunOutcome launch(Path spec) throws Exception;
    }

    /** The run number of the spec's run in progress, as the job repository knows it, if any. */
    @FunctionalInterface
    public interface RunningRun {
        OptionalLong of(Path spec);
    }

    /** A spec and its cron expression (Spring's six fields, or a macro such as @daily). */
    public record Entry(Path spec, String name, String cron) {
    }

    private final TaskScheduler scheduler;
    private final Launcher launcher;
    private final RunningRun runningRun;
    private final Clock clock;
    private final Consumer<String> console;
    private final Map<Path, Boolean> running = new ConcurrentHashMap<>();
    private final List<ScheduledFuture<?>> futures = new ArrayList<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService runs = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cts-run-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /**
     * @param console where launch and outcome lines go besides the log (System.out in the CLI)
     */
    public ScheduledRuns(TaskScheduler scheduler, Launcher launcher, RunningRun runningRun, Clock clock,
                         Consumer<String> console) {
        this.scheduler = scheduler;
        this.launcher = launcher;
        this.runningRun = runningRun;
        this.clock = clock;
        this.console = console;
    }

    /** The next time the cron expression fires after now, in the clock's zone. */
    public static ZonedDateTime nextFire(String cron, Clock clock) {
        return CronExpression.parse(cron).next(ZonedDateTime.now(clock));
    }

    private ZonedDateTime nextFire(String cron) {
        return nextFire(cron, clock);
    }

    /** Schedules the spec; returns its next fire time. */
    public synchronized ZonedDateTime add(Entry entry) {
        futures.add(scheduler.schedule(() -> fire(entry), new CronTrigger(entry.cron(), clock.getZone())));
        ZonedDateTime next = nextFire(entry.cron());
        say("%s (%s): schedule \"%s\", next run %s", entry.name(), entry.spec(), entry.cron(), TIME.format(next));
        return next;
    }

    /**
     * One fire of a spec's schedule: starts its run on a thread of its own, or skips when the
     * previous run of the spec launched here is still going.
     *
     * @return true when a run was started
     */
    boolean fire(Entry entry) {
        if (running.putIfAbsent(entry.spec(), Boolean.TRUE) != null) {
            OptionalLong id = safeRunningRun(entry.spec());
            say("%s: skipped: run %s of %s still running", entry.name(),
                    id.isPresent() ? String.valueOf(id.getAsLong()) : "?", entry.spec());
            return false;
        }
        try {
            runs.execute(() -> launch(entry));
            return true;
        } catch (RuntimeException e) { // closed meanwhile
            running.remove(entry.spec());
            return false;
        }
    }

    private void launch(Entry entry) {
        long start = System.nanoTime();
        try {
            say("%s: launching %s", entry.name(), entry.spec());
            RunOutcome outcome = launcher.launch(entry.spec());
            String took = took(start);
            if (outcome.completed()) {
                say("%s: run %d %s in %s", entry.name(), outcome.runId(),
                        outcome.resumed() ? "resumed and completed" : "completed", took);
            } else {
                warn("%s: run %d FAILED after %s: %s (the next launch resumes it; details in var/cts.log)",
                        entry.name(), outcome.runId(), took, outcome.reason());
            }
        } catch (Exception | Error e) {
            LOG.warn("Scheduled launch of {} failed", entry.spec(), e);
            warn("%s: launch FAILED after %s: %s", entry.name(), took(start), oneLine(e));
        } finally {
            running.remove(entry.spec());
            try {
                say("%s: next run %s", entry.name(), TIME.format(nextFire(entry.cron())));
            } catch (RuntimeException ignored) {
                // the clock or expression cannot fail here; never let the log line kill the thread
            }
        }
    }

    /** True while a run of the spec launched here is going. */
    public boolean isRunning(Path spec) {
        return running.containsKey(spec);
    }

    private OptionalLong safeRunningRun(Path spec) {
        try {
            return runningRun.of(spec);
        } catch (RuntimeException e) {
            LOG.warn("Cannot look up the running run of {}", spec, e);
            return OptionalLong.empty();
        }
    }

    /**
     * Stops firing; runs still going are interrupted after {@code grace}. An interrupted run is
     * left failed or running in the job repository, and the next launch of its spec resumes it.
     */
    public synchronized void stop(Duration grace) {
        futures.forEach(f -> f.cancel(false));
        futures.clear();
        runs.shutdown();
        try {
            if (!runs.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                runs.shutdownNow();
            }
        } catch (InterruptedException e) {
            runs.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }

    private String took(long startNanos) {
        long s = Math.round((System.nanoTime() - startNanos) / 1e9);
        return s < 120 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }

    private void say(String format, Object... args) {
        String line = String.format(format, args);
        LOG.info(line);
        console.accept(stamp() + line);
    }

    private void warn(String format, Object... args) {
        String line = String.format(format, args);
        LOG.warn(line);
        console.accept(stamp() + line);
    }

    private String stamp() {
        return "[" + TIME.format(ZonedDateTime.now(clock)) + "] ";
    }

    static String oneLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return msg.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
