package org.uncts.cts.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.uncts.cts.testing.Duck;
import org.uncts.cts.testing.TestCycle;

/**
 * Fails a run midway (a chunk throws after its observations part is written, before the rest),
 * restarts it, and compares it with an uninterrupted run of the same inputs: same observations,
 * none missing, none twice.
 */
@SpringBootTest(classes = {CtsApplication.class, SurveyRunRestartTest.Faults.class}, properties = {
    "cts.ingest.chunk-size=40",
    "spring.datasource.url=jdbc:h2:mem:restart-test;DB_CLOSE_DELAY=-1"})
class SurveyRunRestartTest {

    static final AtomicBoolean ARMED = new AtomicBoolean();
    static final AtomicInteger FIRED = new AtomicInteger();

    @TestConfiguration
    static class Faults {
        @Bean
        IngestFaults ingestFaults() {
            return (file, chunk, stage) -> {
                if (file.endsWith("big.csv") && chunk == 5 && stage.equals("observations") && ARMED.compareAndSet(true, false)) {
                    FIRED.incrementAndGet();
                    throw new IllegalStateException("simulated failure while writing chunk 5 of " + file);
                }
            };
        }
    }

    @Autowired
    SurveyRunLauncher launcher;

    @TempDir
    Path dir;

    @Test
    void aFailedRunResumesWithoutLosingOrDuplicatingRows() throws Exception {
        TestCycle.writeReference(dir);
        int bigRows = TestCycle.writeCleanReturn(dir.resolve("returns/big.csv"));
        int smallRows = TestCycle.writeCleanReturn(dir.resolve("returns/small.csv"), "persons_convicted"); // a second partition
        Path outA = dir.resolve("out/a");
        Path outB = dir.resolve("out/b");
        Path specA = TestCycle.writeSpec(dir, "interrupted", outA);
        Path specB = TestCycle.writeSpec(dir, "uninterrupted", outB);

        RunOutcome reference = launcher.launch(specB);
        assertEquals(BatchStatus.COMPLETED, reference.status());

        ARMED.set(true);
        RunOutcome failed = launcher.launch(specA);
        assertEquals(1, FIRED.get(), "the fault fired once");
        assertEquals(BatchStatus.FAILED, failed.status());
        assertTrue(failed.reason().contains("simulated failure"), failed.reason());
        assertTrue(org.uncts.cts.publish.Releases.list(outA).isEmpty(), "nothing is published by a failed run");
        assertFalse(Files.exists(outA.resolve("catalog.duckdb")), "no catalog either");
        try (Stream<Path> parts = Files.list(outA.resolve("_staging/run-" + failed.runId() + "/observations"))) {
            assertTrue(parts.count() > 5, "chunks before the failure were staged");
        }

        RunOutcome resumed = launcher.launch(specA);
        assertEquals(BatchStatus.COMPLETED, resumed.status(), String.valueOf(resumed.reason()));
        assertTrue(resumed.resumed());
        assertEquals(failed.runId(), resumed.runId(), "a restart continues the same run");

        String a = Duck.parquet(TestCycle.release(outA).resolve("observations/**/*.parquet"));
        String b = Duck.parquet(TestCycle.release(outB).resolve("observations/**/*.parquet"));
        String cols = "series_key, year, value, obs_status, source_file, source_line";
        assertEquals(bigRows + smallRows, Duck.count("select count(*) from " + a));
        assertEquals(Duck.count("select count(*) from " + b), Duck.count("select count(*) from " + a));
        assertEquals(0, Duck.count("select count(*) from (select source_file, source_line from " + a
                + " group by all having count(*) > 1)"), "no row twice");
        assertEquals(0, Duck.count("select count(*) from (select " + cols + " from " + a + " except select " + cols + " from " + b + ")"));
        assertEquals(0, Duck.count("select count(*) from (select " + cols + " from " + b + " except select " + cols + " from " + a + ")"));
        // values are those of the file: value = running row number in big.csv, line = row + 1
        assertEquals(0, Duck.count("select count(*) from " + a + " where value <> source_line - 1"));
        assertFalse(Files.exists(outA.resolve("_staging/run-" + failed.runId())), "staging is removed after publishing");

        // a third launch of a completed run starts a new run rather than failing
        RunOutcome again = launcher.launch(specA);
        assertEquals(BatchStatus.COMPLETED, again.status());
        assertTrue(again.runId() != resumed.runId());
        assertEquals(2, Duck.count("select count(*) from " + Duck.parquet(outA.resolve("runs/*.parquet"))));
    }
}
