package org.uncts.cts.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes {@code run.html}: one self-contained, printable page about one published run – the run
 * itself, its input files with their checksums and row counts, the findings by severity, country
 * and rule, the time each step took, and the published tables with their row counts.
 *
 * <p>It reads the run's record (a Parquet file of the runs dataset, {@code publish.RunsDataset})
 * and the datasets of the release folder with DuckDB (small aggregates only), and is given the
 * step timings, which only the job repository knows. Links in the page (to the feedback
 * reports and the dataset folders) are relative to the page, so the release folder can be moved
 * or copied as a whole.
 */
public final class RunReport {

    /** Datasets in the order the page lists them; other folders with Parquet files follow by name. */
    static final List<String> DATASET_ORDER = List.of("observations", "rejected_rows", "validation_issues", "countries",
            "population", "indicators", "trends", "trend_years", "regional_aggregates", "regional_imputations",
            "regional_trends", "regional_trend_years", "runs");

    private static final List<String> RUN_COLUMNS = List.of("run_id", "job_name", "spec_file", "spec_sha256", "cycle",
            "year_from", "year_to", "status", "started_at", "ended_at", "issues_error", "issues_warning", "issues_info",
            "input_files", "code_version");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private RunReport() {
    }

    /**
     * Writes the run report.
     *
     * @param releaseDir       the run's published output folder: datasets as Parquet folders, {@code reports/}
     * @param runRecordParquet the run's record: a Parquet file of the runs dataset holding this one run
     * @param steps            the run's steps, in the order they ran
     * @param output           the page to write, usually {@code releaseDir/run.html}; replaced if present
     * @return what the page shows
     */
    public static RunReportModel.RunPage write(Path releaseDir, Path runRecordParquet, List<StepTiming> steps,
                                               Path output) throws IOException {
        Objects.requireNonNull(releaseDir, "releaseDir");
        Objects.requireNonNull(runRecordParquet, "runRecordParquet");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(output, "output");
        Path release = releaseDir.toAbsolutePath().normalize();
        Path target = output.toAbsolutePath().normalize();
        if (!Files.isDirectory(release)) {
            throw new IllegalArgumentException("The release folder " + release + " does not exist");
        }
        if (!Files.isRegularFile(runRecordParquet)) {
            throw new IllegalArgumentException("The run record " + runRecordParquet + " is not a file");
        }
        RunReportModel.RunPage page;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            page = read(st, release, runRecordParquet.toAbsolutePath(), steps, target.getParent());
        } catch (SQLException e) {
            throw new IllegalStateException("Reading run " + runRecordParquet + " and the datasets of " + release
                    + " failed in DuckDB: " + e.getMessage(), e);
        }
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            ReportTemplates.render("run", page, tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return page;
    }

    private static RunReportModel.RunPage read(Statement st, Path release, Path record, List<StepTiming> steps,
                                               Path pageDir) throws SQLException, IOException {
        String runSource = "read_parquet(" + quote(record.toString()) + ")";
        checkColumns(st, runSource, RUN_COLUMNS, record + " is not a run record of this version");
        if (count(st, "SELECT count(*) FROM " + runSource) != 1) {
            throw new IllegalArgumentException(record + " does not hold exactly one run: give the file of one run "
                    + "(runs/run-<id>.parquet)");
        }
        RunReportModel.Run run;
        long[] recorded = new long[3];
        try (ResultSet rs = st.executeQuery("SELECT run_id, job_name, spec_file, spec_sha256, cycle, year_from, year_to, "
                + "status, epoch_ms(started_at), epoch_ms(ended_at), issues_error, issues_warning, issues_info, "
                + "code_version FROM " + runSource)) {
            rs.next();
            Instant started = Instant.ofEpochMilli(rs.getLong(9));
            Instant ended = Instant.ofEpochMilli(rs.getLong(10));
            int from = rs.getInt(6);
            int to = rs.getInt(7);
            run = new RunReportModel.Run(rs.getLong(1), rs.getString(2), rs.getString(5),
                    from == to ? Integer.toString(from) : from + "–" + to, rs.getString(8), TIME.format(started),
                    TIME.format(ended), duration(Duration.between(started, ended)), rs.getString(14),
                    rs.getString(3), rs.getString(4));
            recorded[0] = rs.getLong(11);
            recorded[1] = rs.getLong(12);
            recorded[2] = rs.getLong(13);
        }
        List<RunReportModel.Input> inputs = inputs(st, runSource);
        RunReportModel.Input total = new RunReportModel.Input("All files", inputs.size() + (inputs.size() == 1 ? " file" : " files"),
                "", "", inputs.stream().mapToLong(RunReportModel.Input::read).sum(),
                inputs.stream().mapToLong(RunReportModel.Input::accepted).sum(),
                inputs.stream().mapToLong(RunReportModel.Input::rejected).sum());

        RunReportModel.Findings findings = findings(st, release, pageDir, run.runId(), recorded);
        List<RunReportModel.Step> stepRows = steps(steps);
        Duration stepsTotal = steps.stream().map(StepTiming::duration).filter(Objects::nonNull)
                .reduce(Duration.ZERO, Duration::plus);
        Path reportsIndex = release.resolve("reports").resolve("index.html");
        String reportsHref = Files.isRegularFile(reportsIndex) ? href(pageDir, reportsIndex) : null;
        List<RunReportModel.Dataset> datasets = datasets(st, release, pageDir);
        String title = run.cycle() + " – run " + run.runId();
        return new RunReportModel.RunPage(title, run, inputs, total, findings, stepRows, duration(stepsTotal),
                reportsHref, datasets, queries(datasets), publication(release.resolve("publication"), pageDir));
    }

    /** The files of the release's publication folder (tables, charts, sdmx), sorted; none for a validation run. */
    private static List<RunReportModel.PublicationFile> publication(Path folder, Path pageDir) throws IOException {
        List<RunReportModel.PublicationFile> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (java.util.stream.Stream<Path> all = Files.walk(folder)) {
            for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                files.add(new RunReportModel.PublicationFile(folder.relativize(f.getParent()).toString(),
                        f.getFileName().toString(), href(pageDir, f)));
            }
        }
        return files;
    }

    private static List<RunReportModel.Input> inputs(Statement st, String runSource) throws SQLException {
        List<RunReportModel.Input> inputs = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT f.file, f.format, f.encoding, f.sha256, f.rows_read, f.rows_accepted, "
                + "f.rows_rejected FROM (SELECT unnest(input_files) AS f FROM " + runSource + ")")) {
            while (rs.next()) {
                inputs.add(new RunReportModel.Input(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)));
            }
        }
        return inputs;
    }

    private static RunReportModel.Findings findings(Statement st, Path release, Path pageDir, long runId, long[] recorded)
            throws SQLException, IOException {
        Path dir = release.resolve("validation_issues");
        if (!hasParquet(dir)) {
            return new RunReportModel.Findings(false, recorded[0], recorded[1], recorded[2], List.of(), List.of(),
                    "The release folder has no validation_issues dataset: the counts are the run record's.");
        }
        String source = "read_parquet(" + quote(dir + "/**/*.parquet") + ", union_by_name = true)";
        checkColumns(st, source, List.of("run_id", "rule_id", "severity", "country_iso3"),
                dir + " is not a validation_issues dataset of this version");
        List<Long> otherRuns = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT DISTINCT run_id FROM " + source + " WHERE run_id <> " + runId
                + " ORDER BY 1 LIMIT 5")) {
            while (rs.next()) {
                otherRuns.add(rs.getLong(1));
            }
        }
        if (!otherRuns.isEmpty()) {
            throw new IllegalArgumentException("The validation_issues of " + release + " come from run(s) " + otherRuns
                    + ", not from run " + runId + ": the release folder and the run record do not go together");
        }
        Set<String> names = new HashSet<>();
        java.util.Map<String, String> countryNames = new java.util.HashMap<>();
        Path countries = release.resolve("countries");
        if (hasParquet(countries)) {
            try (ResultSet rs = st.executeQuery("SELECT iso3, any_value(name) FROM read_parquet("
                    + quote(countries + "/**/*.parquet") + ") WHERE name IS NOT NULL GROUP BY iso3")) {
                while (rs.next()) {
                    countryNames.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<RunReportModel.CountryFindings> byCountry = new ArrayList<>();
        long[] sums = new long[3];
        Path reports = release.resolve("reports");
        try (ResultSet rs = st.executeQuery("SELECT country_iso3, count(*) FILTER (severity = 'ERROR') AS e, "
                + "count(*) FILTER (severity = 'WARNING') AS w, count(*) FILTER (severity = 'INFO') AS i, count(*) AS n "
                + "FROM " + source + " GROUP BY country_iso3 "
                + "ORDER BY country_iso3 IS NULL, e DESC, w DESC, i DESC, country_iso3")) {
            while (rs.next()) {
                String iso3 = rs.getString(1);
                String file = iso3 == null ? FeedbackReports.UNRECOGNISED : iso3.replaceAll("[^A-Za-z0-9_-]", "_");
                if (iso3 != null && !names.add(file.toLowerCase(Locale.ROOT))) {
                    file = null; // FeedbackReports gave this code a numbered file name: do not guess which
                }
                Path page = file == null ? null : reports.resolve(file + ".html");
                String link = page != null && Files.isRegularFile(page) ? href(pageDir, page) : null;
                String name = iso3 == null ? "Country not recognised" : countryNames.getOrDefault(iso3, iso3);
                long e = rs.getLong(2);
                long w = rs.getLong(3);
                long i = rs.getLong(4);
                sums[0] += e;
                sums[1] += w;
                sums[2] += i;
                byCountry.add(new RunReportModel.CountryFindings(iso3, name, link, e, w, i, rs.getLong(5)));
            }
        }
        List<RunReportModel.RuleFindings> byRule = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT rule_id, severity, count(*) AS n, count(DISTINCT country_iso3) "
                + "FROM " + source + " GROUP BY rule_id, severity ORDER BY "
                + "CASE severity WHEN 'ERROR' THEN 0 WHEN 'WARNING' THEN 1 WHEN 'INFO' THEN 2 ELSE 3 END, n DESC, rule_id")) {
            while (rs.next()) {
                byRule.add(new RunReportModel.RuleFindings(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        String note = sums[0] == recorded[0] && sums[1] == recorded[1] && sums[2] == recorded[2] ? null
                : "The run record counts " + recorded[0] + " errors, " + recorded[1] + " warnings and " + recorded[2]
                        + " information findings; validation_issues holds the numbers shown here.";
        return new RunReportModel.Findings(true, sums[0], sums[1], sums[2], byCountry, byRule, note);
    }

    private static List<RunReportModel.Step> steps(List<StepTiming> steps) {
        long longest = steps.stream().map(StepTiming::duration).filter(Objects::nonNull)
                .mapToLong(Duration::toMillis).max().orElse(0);
        List<RunReportModel.Step> rows = new ArrayList<>();
        for (StepTiming s : steps) {
            Duration d = s.duration();
            String bar = null;
            if (d != null) {
                double percent = longest == 0 ? 0 : 100.0 * d.toMillis() / longest;
                bar = String.format(Locale.ROOT, "width: %.1f%%", percent);
            }
            rows.add(new RunReportModel.Step(s.name(), s.status(), s.read(), s.write(), s.skip(),
                    s.start() == null ? null : TIME.format(s.start()), d == null ? (s.start() == null ? "not started" : "running")
                    : duration(d), d == null ? null : d.toMillis(), bar));
        }
        return rows;
    }

    /** Every folder of the release holding Parquet files, with its row and file counts. */
    private static List<RunReportModel.Dataset> datasets(Statement st, Path release, Path pageDir)
            throws SQLException, IOException {
        List<Path> folders;
        try (Stream<Path> s = Files.list(release)) {
            folders = s.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(RunReport::hasParquetQuietly)
                    .sorted(Comparator.comparing((Path p) -> {
                        int i = DATASET_ORDER.indexOf(p.getFileName().toString());
                        return i < 0 ? DATASET_ORDER.size() : i;
                    }).thenComparing(p -> p.getFileName().toString()))
                    .toList();
        }
        List<RunReportModel.Dataset> datasets = new ArrayList<>();
        for (Path folder : folders) {
            long files;
            try (Stream<Path> s = Files.walk(folder)) {
                files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".parquet")).count();
            }
            long rows = count(st, "SELECT count(*) FROM read_parquet(" + quote(folder + "/**/*.parquet")
                    + ", union_by_name = true)");
            String name = folder.getFileName().toString();
            datasets.add(new RunReportModel.Dataset(name, href(pageDir, folder) + "/", rows, files));
        }
        return datasets;
    }

    private static List<String> queries(List<RunReportModel.Dataset> datasets) {
        Set<String> present = new HashSet<>();
        datasets.forEach(d -> present.add(d.name()));
        List<String> queries = new ArrayList<>();
        if (present.contains("observations")) {
            queries.add("./cts sql \"select country_iso3, year, indicator, count(*) from observations group by all order by all\"");
        }
        if (present.contains("validation_issues")) {
            queries.add("./cts sql \"select rule_id, severity, count(*) from validation_issues group by all order by 3 desc\"");
        }
        if (present.contains("rejected_rows")) {
            queries.add("./cts sql --format csv \"select * from rejected_rows\" > rejected.csv");
        }
        if (queries.isEmpty() && !datasets.isEmpty()) {
            queries.add("./cts sql \"select * from " + datasets.get(0).name() + " limit 10\"");
        }
        return queries;
    }

    /** 0.4 s, 12.3 s, 4 min 05 s, 1 h 02 min. */
    static String duration(Duration d) {
        long ms = Math.max(0, d.toMillis());
        long tenths = Math.round(ms / 100.0);
        if (tenths < 600) {
            return String.format(Locale.ROOT, "%d.%d s", tenths / 10, tenths % 10);
        }
        long s = Math.round(ms / 1000.0);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** A link from the page's folder to {@code target}, with forward slashes. */
    private static String href(Path pageDir, Path target) {
        return pageDir.relativize(target).toString().replace('\\', '/');
    }

    private static boolean hasParquetQuietly(Path dir) {
        try {
            return hasParquet(dir);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasParquet(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".parquet"));
        }
    }

    private static void checkColumns(Statement st, String source, List<String> columns, String what) throws SQLException {
        Set<String> present = new HashSet<>();
        try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        List<String> missing = columns.stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(what + ": it has no " + String.join(", ", missing)
                    + " column" + (missing.size() > 1 ? "s" : ""));
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
