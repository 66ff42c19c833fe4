package org.uncts.cts.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.uncts.cts.bench.BenchCorpus;
import org.uncts.cts.publish.CyclePublisher;
import org.uncts.cts.run.CtsApplication;
import org.uncts.cts.run.RunOutcome;
import org.uncts.cts.run.SurveyRunLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks the survey run on a generated, deterministic canonical-CSV corpus and prints rows/s, the time",
            "of each step, the cross-row findings and peak memory, next to DuckDB's own read_csv -> COPY TO parquet of the",
            "same files."})
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows in the corpus (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--files", defaultValue = "2", description = "Files the corpus is split into; one partition each (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--dir", defaultValue = "target/bench", description = "Work folder, emptied first (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--previous", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Give the run a previous vintage derived from the corpus, for the revision and missing-series "
                    + "checks (default: ${DEFAULT-VALUE}; --no-previous to leave it out).")
    boolean previous;

    static final List<String> STEPS = List.of("ingest", "consolidate", "crossRowChecks", "indicators", "trends",
            "regionalAggregates", "feedbackReports", "publication", "publish");

    @Override
    public Integer call() throws Exception {
        CyclePublisher.deleteTree(dir);
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        BenchCorpus.Corpus corpus = BenchCorpus.write(dir, rows, files, previous);
        System.out.printf(Locale.ROOT, "corpus: %,d rows in %d file(s), %,.1f MB, generated in %.1f s%n", corpus.rows(),
                corpus.returns().size(), corpus.bytes() / 1e6, secs(t0));
        if (corpus.previous() != null) {
            System.out.printf(Locale.ROOT, "previous vintage: %,d rows (%s)%n", corpus.previousRows(), dir.relativize(corpus.previous()));
        }

        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        String repo = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("var/job-repository");
        // a command-line property, so that it wins over application.properties: the bench has its own job repository
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CtsApplication.class)
                .run("--spring.datasource.url=" + repo)) {
            long t1 = System.nanoTime();
            RunOutcome outcome = ctx.getBean(SurveyRunLauncher.class).launch(corpus.spec());
            double total = secs(t1);
            if (!outcome.completed()) {
                System.err.println("bench: the run failed: " + outcome.reason());
                return ExitCodes.FAILED;
            }
            JobExecution execution = ctx.getBean(JobRepository.class).getJobExecution(outcome.executionId());
            double ingest = stepSeconds(execution, "ingest");
            long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long heapMax = Runtime.getRuntime().maxMemory();
            System.out.printf(Locale.ROOT, "cts ingest step:  %6.2f s  %,10.0f rows/s   (%d partition(s) on %d core(s))%n", ingest,
                    rows / ingest, corpus.returns().size(), Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "cts whole run:    %6.2f s  %,10.0f rows/s%n", total, rows / total);
            System.out.println("steps (wall time, from the job repository's step executions):");
            for (String step : STEPS) {
                double s = stepSeconds(execution, step);
                System.out.printf(Locale.ROOT, "  %-16s %7.2f s  %5.1f%%%n", step, s, 100 * s / total);
            }
            double checks = stepSeconds(execution, "crossRowChecks");
            System.out.printf(Locale.ROOT, "crossRowChecks / ingest: %.2f%n", checks / ingest);
            printFindings(dir.resolve("out"));
            System.out.printf(Locale.ROOT, "peak heap used: %,.0f MB of %,.0f MB max; process peak RSS: %s%n", heapPeak / 1e6,
                    heapMax / 1e6, peakRss());
        }

        long t2 = System.nanoTime();
        String csvs = corpus.returns().stream().map(p -> "'" + p.toAbsolutePath() + "'").collect(Collectors.joining(", "));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv([" + csvs + "], header = true, all_varchar = true)) TO '"
                    + dir.toAbsolutePath().resolve("duckdb.parquet") + "' (FORMAT parquet, COMPRESSION zstd)");
        }
        double duck = secs(t2);
        System.out.printf(Locale.ROOT, "duckdb read_csv -> COPY parquet: %6.2f s  %,10.0f rows/s%n", duck, rows / duck);
        return ExitCodes.OK;
    }

    /** Findings of the published validation_issues, by rule kind (row rules, duplicate keys, each cross-row kind). */
    private static void printFindings(Path output) throws Exception {
        String glob = org.uncts.cts.publish.Releases.current(output.toAbsolutePath()).resolve("validation_issues") + "/**/*.parquet";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rule_kind, count(*) AS n, count(DISTINCT rule_id) AS rules "
                     + "FROM read_parquet('" + glob.replace("'", "''") + "') GROUP BY ALL ORDER BY rule_kind")) {
            StringBuilder out = new StringBuilder();
            long total = 0;
            long crossRow = 0;
            while (rs.next()) {
                String kind = rs.getString(1);
                long n = rs.getLong(2);
                total += n;
                if (!kind.equals("row") && !kind.equals("duplicate-key")) {
                    crossRow += n;
                }
                out.append(String.format(Locale.ROOT, "  %-18s %,9d%n", kind, n));
            }
            System.out.printf(Locale.ROOT, "findings (validation_issues): %,d, of which cross-row %,d; by rule kind:%n%s", total,
                    crossRow, out);
        }
    }

    private static double stepSeconds(JobExecution execution, String name) {
        for (StepExecution s : execution.getStepExecutions()) {
            if (s.getStepName().equals(name) && s.getStartTime() != null && s.getEndTime() != null) {
                return Duration.between(s.getStartTime(), s.getEndTime()).toNanos() / 1e9;
            }
        }
        return Double.NaN;
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("n/a");
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
