package org.uncts.cts.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.uncts.cts.publish.Releases;
import org.uncts.cts.query.CatalogQuery;
import org.uncts.cts.query.OutputFormat;
import org.uncts.cts.testing.Duck;
import org.uncts.cts.testing.TestCycle;

/**
 * Versioned publishing: each run is a release of its own, the catalog switches from one complete
 * release to the next in one rename (a query during a run never sees a mix), earlier releases stay
 * queryable through the all_* views, and a failed run leaves the current release as it was.
 */
@SpringBootTest(classes = {CtsApplication.class, ReleasesTest.Faults.class}, properties = {
    "cts.ingest.chunk-size=200",
    "spring.datasource.url=jdbc:h2:mem:releases-test;DB_CLOSE_DELAY=-1"})
class ReleasesTest {

    static final AtomicBoolean ARMED = new AtomicBoolean();

    @TestConfiguration
    static class Faults {
        @Bean
        IngestFaults ingestFaults() {
            return (file, chunk, stage) -> {
                if (chunk == 1 && ARMED.compareAndSet(true, false)) {
                    throw new IllegalStateException("simulated failure while writing chunk 1 of " + file);
                }
            };
        }
    }

    /** Per query: observations, validation_issues, their run ids (distinct, over both) and the one run id. */
    static final String SNAPSHOT = "select (select count(*) from observations) as obs, "
            + "(select count(*) from validation_issues) as issues, "
            + "(select count(distinct run_id) from (select run_id from observations union all select run_id from validation_issues)) as runs, "
            + "(select min(o.run_id) from observations o join validation_issues v on v.run_id = o.run_id "
            + "and v.source_file = o.source_file and v.source_line = o.source_line) as joined_run";

    @Autowired
    SurveyRunLauncher launcher;

    @TempDir
    Path dir;

    @Test
    void queriesDuringARunSeeOneCompleteReleaseAndEarlierReleasesStayQueryable() throws Exception {
        TestCycle.writeReference(dir);
        TestCycle.writeCleanReturn(dir.resolve("returns/a.csv"));
        Path out = dir.resolve("out");
        Path spec = TestCycle.writeSpec(dir, "releases", out);
        CatalogQuery catalog = new CatalogQuery(out.resolve("catalog.duckdb"));

        RunOutcome first = launcher.launch(spec);
        assertEquals(BatchStatus.COMPLETED, first.status(), String.valueOf(first.reason()));
        assertEquals(List.of(first.runId()), Releases.list(out));
        assertEquals(Optional.of(first.runId()), Releases.currentRunId(out));
        String before = query(catalog, SNAPSHOT).strip();
        assertTrue(before.startsWith("1200,"), before);

        // the second run reads one more file: other counts, another run id
        TestCycle.writeCleanReturn(dir.resolve("returns/b.csv"), "persons_convicted");
        Files.writeString(dir.resolve("returns/c.csv"), """
                country,year,indicator,iccs_code,dimension,category,sex,age,unit,value,flag,note
                FRA,2020,offences_recorded,0101,Total,Total,Total,Total,Counts,-3,,
                FRA,2021,offences_recorded,0101,Total,Total,Total,Total,Counts,12.5,,
                """, StandardCharsets.UTF_8);
        // RunResources caches a spec's plan (with its input files) by the spec's time stamp and size
        Files.writeString(spec, "# second run, with more returns\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    seen.computeIfAbsent(query(catalog, SNAPSHOT).strip(), k -> new AtomicInteger()).incrementAndGet();
                    Thread.sleep(5);
                } catch (Throwable t) {
                    errors.add(t);
                }
            }
        }, "catalog-reader");
        reader.start();
        RunOutcome second;
        try {
            second = launcher.launch(spec);
        } finally {
            Thread.sleep(300); // a few queries after the switch
            stop.set(true);
            reader.join(60_000);
        }
        assertEquals(BatchStatus.COMPLETED, second.status(), String.valueOf(second.reason()));
        assertTrue(errors.isEmpty(), () -> "queries failed during the run: " + errors);
        String after = query(catalog, SNAPSHOT).strip();
        assertTrue(after.startsWith("2400,"), () -> after + " " + query(catalog, "select run_id, rows_read, rows_accepted, "
                + "rows_rejected, input_files from runs") + seen);
        assertTrue(seen.containsKey(before), "queries saw the first release while the second run ran: " + seen);
        assertEquals(Set.of(before, after), seen.keySet(), "every query saw one whole release, the first or the second");
        for (String s : List.of(before, after)) {
            String[] f = s.split(",");
            assertEquals("1", f[2], "observations and validation_issues of one run: " + s);
        }
        assertTrue(before.endsWith("," + first.runId()) || before.endsWith(","), before);
        assertTrue(after.endsWith("," + second.runId()) || after.endsWith(","), after);

        // both releases are on disk, the second is current
        assertEquals(List.of(first.runId(), second.runId()), Releases.list(out));
        assertEquals(Optional.of(second.runId()), Releases.currentRunId(out));
        assertEquals(Releases.of(out, second.runId()), TestCycle.release(out));
        if (Files.isSymbolicLink(out.resolve("current"))) {
            assertEquals(1200 * 2 + 0L, Duck.count("select count(*) from "
                    + Duck.parquet(out.resolve("current/observations/**/*.parquet"))));
        }
        assertFalse(Files.exists(out.resolve("_staging/run-" + second.runId())), "staging is removed");
        assertFalse(Files.exists(Releases.of(out, second.runId()).resolve("row_issues.parquet")), "no intermediate files in a release");

        // vintages: the first release is still there, through the all_* views, with its own run id
        assertEquals(first.runId() + ",1200," + first.runId() + "\n" + second.runId() + ",2400," + second.runId() + "\n",
                query(catalog, "select release_run_id, count(*), min(run_id) from all_observations group by all order by 1"));
        assertEquals("0\n", query(catalog, "select count(*) from all_observations where run_id <> release_run_id"));
        assertEquals("2\n", query(catalog, "select count(distinct release_run_id) from all_validation_issues"));
        assertEquals("2\n", query(catalog, "select count(distinct release_run_id) from all_indicators"));
        query(catalog, "select count(*) from all_regional_aggregates");
        query(catalog, "select count(*) from all_regional_trends");
        // March against now: the first release's figures for the same series are unchanged
        assertEquals("0\n", query(catalog, "select count(*) from all_observations a join observations o using (series_key, year) "
                + "where a.release_run_id = " + first.runId() + " and a.value is distinct from o.value"));
        assertEquals(first.runId() + "," + Releases.relative(first.runId()) + "\n" + second.runId() + ","
                + Releases.relative(second.runId()) + "\n", query(catalog, "select run_id, release from runs order by 1"));

        // a failed run leaves the current release and the catalog as they were
        byte[] catalogBytes = Files.readAllBytes(out.resolve("catalog.duckdb"));
        ARMED.set(true);
        RunOutcome failed = launcher.launch(spec);
        assertEquals(BatchStatus.FAILED, failed.status());
        assertTrue(failed.reason().contains("simulated failure"), failed.reason());
        assertEquals(List.of(first.runId(), second.runId()), Releases.list(out));
        assertEquals(Optional.of(second.runId()), Releases.currentRunId(out));
        assertTrue(java.util.Arrays.equals(catalogBytes, Files.readAllBytes(out.resolve("catalog.duckdb"))), "catalog untouched");
        assertEquals(after, query(catalog, SNAPSHOT).strip());
        assertEquals("2\n", query(catalog, "select count(*) from runs"));
    }

    /** The result as CSV lines without the header. */
    static String query(CatalogQuery catalog, String sql) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        catalog.print(sql, OutputFormat.CSV, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(0);
        return String.join("\n", lines);
    }
}
