package org.uncts.cts.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.uncts.cts.run.RunOutcome;

/** Launches on a cron, a launch skipped while the spec's previous run goes on, outcomes logged. */
class ScheduledRunsTest {

    static final Path SPEC = Path.of("/jobs/monthly.yml");
    static final ScheduledRuns.Entry ENTRY = new ScheduledRuns.Entry(SPEC, "monthly", "* * * * * *");

    final List<String> lines = new CopyOnWriteArrayList<>();
    final AtomicInteger launches = new AtomicInteger();
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    ThreadPoolTaskScheduler scheduler;
    ScheduledRuns runs;

    /** A launcher whose run goes on until released, then completes as run 7. */
    RunOutcome blockingLaunch(Path spec) throws InterruptedException {
        launches.incrementAndGet();
        started.countDown();
        assertTrue(release.await(30, TimeUnit.SECONDS));
        return new RunOutcome(null, 7, 70, BatchStatus.COMPLETED, false, null);
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (runs != null) {
            runs.close();
        }
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    boolean await(String fragment) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (lines.stream().anyMatch(l -> l.contains(fragment))) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Test
    void aFireWhileTheRunGoesOnIsSkipped() throws Exception {
        runs = new ScheduledRuns(null, this::blockingLaunch, spec -> OptionalLong.of(7), Clock.systemDefaultZone(), lines::add);
        assertTrue(runs.fire(ENTRY));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertTrue(runs.isRunning(SPEC));
        assertFalse(runs.fire(ENTRY));
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("monthly: skipped: run 7 of /jobs/monthly.yml still running")), lines.toString());
        release.countDown();
        assertTrue(await("monthly: run 7 completed in"), lines.toString());
        assertTrue(await("monthly: next run "), lines.toString());
        for (int i = 0; i < 100 && runs.isRunning(SPEC); i++) {
            Thread.sleep(20);
        }
        assertFalse(runs.isRunning(SPEC));
        assertTrue(runs.fire(ENTRY)); // the run ended: the next fire launches again
        for (int i = 0; i < 300 && lines.stream().filter(l -> l.contains("monthly: run 7 completed in")).count() < 2; i++) {
            Thread.sleep(20);
        }
        assertEquals(2, lines.stream().filter(l -> l.contains("monthly: run 7 completed in")).count(), lines.toString());
        assertEquals(2, launches.get());
    }

    @Test
    void onACronEverySecondOverlappingLaunchesAreSkipped() throws Exception {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.initialize();
        runs = new ScheduledRuns(scheduler, this::blockingLaunch, spec -> OptionalLong.empty(), Clock.systemDefaultZone(), lines::add);
        ZonedDateTime next = runs.add(ENTRY);
        assertTrue(lines.get(0).contains("monthly (/jobs/monthly.yml): schedule \"* * * * * *\", next run "), lines.toString());
        assertTrue(started.await(5, TimeUnit.SECONDS), lines.toString());
        assertTrue(await("monthly: skipped: run ? of /jobs/monthly.yml still running"), lines.toString());
        assertEquals(1, launches.get());
        assertTrue(next.isAfter(ZonedDateTime.now().minusSeconds(3)));
    }

    @Test
    void aFailedRunAndALaunchThatThrowsAreLogged() throws Exception {
        runs = new ScheduledRuns(null, spec -> new RunOutcome(null, 3, 30, BatchStatus.FAILED, true, "bad file x.csv"),
                spec -> OptionalLong.empty(), Clock.systemDefaultZone(), lines::add);
        runs.fire(ENTRY);
        assertTrue(await("monthly: run 3 FAILED after 0 s: bad file x.csv (the next launch resumes it"), lines.toString());
        lines.clear();
        runs = new ScheduledRuns(null, spec -> {
            throw new IllegalStateException("cannot run:\n  - inputs: nothing matches");
        }, spec -> OptionalLong.empty(), Clock.systemDefaultZone(), lines::add);
        runs.fire(ENTRY);
        assertTrue(await("monthly: launch FAILED after 0 s: cannot run: - inputs: nothing matches"), lines.toString());
    }

    @Test
    void nextFireTimesFollowTheClock() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-10T01:30:00Z"), ZoneId.of("UTC"));
        assertEquals(ZonedDateTime.parse("2025-03-10T02:00:00Z[UTC]"), ScheduledRuns.nextFire("0 0 2 * * *", clock));
        assertEquals(ZonedDateTime.parse("2025-03-11T00:00:00Z[UTC]"), ScheduledRuns.nextFire("@daily", clock));
    }
}
