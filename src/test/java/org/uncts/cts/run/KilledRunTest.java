package org.uncts.cts.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.bench.BenchCorpus;

/**
 * A real crash: the pipeline runs in a child JVM ({@code cli.Main run}) that is killed with SIGKILL
 * in the middle of ingest, recovered ({@code cts recover}) and restarted ({@code cts restart}),
 * killed again in a later step (crossRowChecks or after), resumed by running the same spec again,
 * and its published datasets compared through DuckDB with an uninterrupted run of the same
 * corpus into another output folder. Both share one H2 file job repository ({@code cts.home}).
 */
class KilledRunTest {

    private static final Duration STEP_WAIT = Duration.ofMinutes(3);
    private static final Set<String> LATER_STEPS = Set.of("crossRowChecks", "indicators", "trends", "regionalAggregates",
            "feedbackReports");

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void aRunKilledTwiceResumesToTheSameDatasetsAsAnUninterruptedOne() throws Exception {
        Path home = dir.resolve("home");
        BenchCorpus.Corpus corpus = BenchCorpus.write(dir.resolve("corpus"), 40_000, 2, false);
        Path specA = corpus.spec().resolveSibling("killed.yml");
        Path specB = corpus.spec().resolveSibling("uninterrupted.yml");
        String spec = Files.readString(corpus.spec(), StandardCharsets.UTF_8);
        assertTrue(spec.contains("output: ../out\n"), spec);
        Files.writeString(specA, spec.replace("output: ../out\n", "output: ../out-killed\n"), StandardCharsets.UTF_8);
        Files.writeString(specB, spec.replace("output: ../out\n", "output: ../out-uninterrupted\n"), StandardCharsets.UTF_8);
        Path outA = dir.resolve("corpus/out-killed");
        Path outB = dir.resolve("corpus/out-uninterrupted");

        assertEquals(0, cts(home, "b", "run", specB.toString()).waitFor(), "the uninterrupted run completes: " + log(home, "b") + causes(home));

        // 1. kill it in the middle of ingest: some chunks staged, the ingest step not done
        Process first = cts(home, "a1", "run", specA.toString());
        await("observation parts staged by the first attempt", first, home, "a1", () -> stagedParts(outA) >= 3);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long runId = num(home, "select JOB_INSTANCE_ID from BATCH_JOB_EXECUTION where STATUS = 'STARTED'");
        assertEquals("STARTED", stepStatus(home, runId, "ingest"), "killed in the middle of ingest");

        // recover: no live process holds the spec's lock, so the run is marked FAILED; then restart it by id
        assertEquals(0, cts(home, "recover", "recover", String.valueOf(runId)).waitFor(), log(home, "recover"));
        assertEquals("FAILED", single(home, "select STATUS from BATCH_JOB_EXECUTION where JOB_INSTANCE_ID = " + runId
                + " order by JOB_EXECUTION_ID desc limit 1"));

        // 2. the restart is killed in a later step
        Process second = cts(home, "a2", "restart", String.valueOf(runId));
        await("a step after ingest started by the restart", second, home, "a2", () -> laterStepStarted(home, runId));
        second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertEquals("COMPLETED", stepStatus(home, runId, "ingest"), "the restart got past ingest before it was killed");

        // 3. running the spec again recovers the killed execution itself and resumes the same run
        assertEquals(0, cts(home, "a3", "run", specA.toString()).waitFor(), "the resumed run completes: " + log(home, "a3") + causes(home));
        assertEquals(1L, num(home, "select count(*) from BATCH_JOB_INSTANCE where JOB_INSTANCE_ID = " + runId));
        assertEquals("COMPLETED", single(home, "select STATUS from BATCH_JOB_EXECUTION where JOB_INSTANCE_ID = " + runId
                + " order by JOB_EXECUTION_ID desc limit 1"));
        assertEquals(3L, num(home, "select count(*) from BATCH_JOB_EXECUTION where JOB_INSTANCE_ID = " + runId), "three attempts");

        for (String dataset : List.of("observations", "rejected_rows", "validation_issues", "indicators")) {
            assertSameDataset(dataset, outA, outB);
        }
        assertTrue(countOf("select count(*) from a.observations", outA, outB) > 30_000);
    }

    private Process cts(Path home, String name, String... args) throws IOException, InterruptedException {
        // H2 AUTO_SERVER: when the process that served the repository (this test, or the previous
        // child) has just closed it, a new process may still find its server's address in the lock
        // file and be refused; give it a moment
        Thread.sleep(1500);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dcts.home=" + home, "-Dcts.ingest.chunk-size=250", "-Dcts.ingest.threads=1",
                "-cp", System.getProperty("java.class.path"), "org.uncts.cts.cli.Main"));
        cmd.addAll(List.of(args));
        Files.createDirectories(home);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(home.resolve(name + ".out").toFile()).start();
        children.add(p);
        return p;
    }

    private static String log(Path home, String name) {
        try {
            return Files.readString(home.resolve(name + ".out"));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void await(String what, Process child, Path home, String name, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + STEP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (!child.isAlive()) {
                fail("waiting for " + what + ": the child ended first (exit " + child.exitValue() + "): " + log(home, name)
                        + "\n" + causes(home));
            }
            Thread.sleep(20);
        }
        fail("waiting for " + what + ": not within " + STEP_WAIT);
    }

    /** The "Caused by" lines of the children's log (var/cts.log under cts.home). */
    private static String causes(Path home) {
        try (Stream<String> lines = Files.lines(home.resolve("var/cts.log"))) {
            return String.join("\n", lines.filter(l -> l.startsWith("Caused by") || l.contains(" ERROR ")).toList());
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    private static long stagedParts(Path out) {
        Path staging = out.resolve("_staging");
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            return files.filter(f -> f.getParent().getFileName().toString().equals("observations")
                    && f.getFileName().toString().endsWith(".parquet")).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // a part renamed while listing
        }
    }

    private static boolean laterStepStarted(Path home, long runId) {
        // ask only once the child holds the repository (its lock file names its server): opened from
        // here first, this process would be the server, and polling every 20 ms would keep the lock
        // file so fresh that the starting child gives up on it ("Lock file recently modified")
        if (!Files.exists(home.resolve("var/job-repository.lock.db"))) {
            return false;
        }
        try {
            return LATER_STEPS.stream().anyMatch(s -> "STARTED".equals(single(home, true, stepSql(runId, s))));
        } catch (RuntimeException e) {
            return false; // the repository is being opened by the child
        }
    }

    private static String stepSql(long runId, String step) {
        return "select s.STATUS from BATCH_STEP_EXECUTION s join BATCH_JOB_EXECUTION e"
                + " on s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID where e.JOB_INSTANCE_ID = " + runId + " and s.STEP_NAME = '" + step
                + "' order by s.STEP_EXECUTION_ID desc limit 1";
    }

    private static String stepStatus(Path home, long runId, String step) {
        Object status = single(home, stepSql(runId, step));
        return status == null ? null : status.toString();
    }

    private static long num(Path home, String sql) {
        Object v = single(home, sql);
        if (v == null) {
            fail("no row: " + sql);
        }
        return ((Number) v).longValue();
    }

    /** One value from the job repository, shared with the children (H2 AUTO_SERVER, as application.properties). */
    private static <T> T single(Path home, String sql) {
        return single(home, false, sql);
    }

    /**
     * Through the child's H2 server (AUTO_SERVER) while a child runs; else opened in this process
     * only, without becoming a server whose address a next child could find stale in the lock file.
     */
    private static <T> T single(Path home, boolean childAlive, String sql) {
        String url = "jdbc:h2:file:" + home.toAbsolutePath() + "/var/job-repository" + (childAlive ? ";AUTO_SERVER=TRUE" : "");
        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            @SuppressWarnings("unchecked")
            T value = rs.next() ? (T) rs.getObject(1) : null;
            return value;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The same rows, as many times each, in catalog view {@code dataset} of both outputs, ignoring run ids and timestamps. */
    private static void assertSameDataset(String dataset, Path outA, Path outB) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            attach(st, outA, outB);
            List<String> cols = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select column_name, data_type from information_schema.columns where table_catalog = 'a'"
                    + " and table_name = '" + dataset + "' order by ordinal_position")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (!name.equals("run_id") && !rs.getString(2).startsWith("TIMESTAMP")) {
                        cols.add('"' + name + '"');
                    }
                }
            }
            assertTrue(!cols.isEmpty(), "columns of " + dataset);
            String select = String.join(", ", cols);
            long a = count(st, "select count(*) from a." + dataset);
            assertEquals(count(st, "select count(*) from b." + dataset), a, dataset + ": row count");
            assertEquals(0, count(st, "select count(*) from (select " + select + " from a." + dataset + " except all select " + select
                    + " from b." + dataset + ")"), dataset + ": rows of the killed run not in the uninterrupted one");
            assertEquals(0, count(st, "select count(*) from (select " + select + " from b." + dataset + " except all select " + select
                    + " from a." + dataset + ")"), dataset + ": rows of the uninterrupted run not in the killed one");
        }
    }

    private static long countOf(String sql, Path outA, Path outB) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            attach(st, outA, outB);
            return count(st, sql);
        }
    }

    private static void attach(Statement st, Path outA, Path outB) throws SQLException {
        st.execute("attach '" + outA.resolve("catalog.duckdb").toAbsolutePath() + "' as a (read_only)");
        st.execute("attach '" + outB.resolve("catalog.duckdb").toAbsolutePath() + "' as b (read_only)");
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
