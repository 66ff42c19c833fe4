package org.uncts.cts.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.uncts.cts.ingest.StagedObservationWriteSupport;
import org.uncts.cts.ingest.xlsx.XlsxReturnReader;
import org.uncts.cts.reference.Country;
import org.uncts.cts.store.ParquetPart;
import org.uncts.cts.store.StagingSchemas;
import org.uncts.cts.validate.RowRule;
import org.uncts.cts.validate.catalogue.RuleCatalogue;

/**
 * Turns a run's staged parts into the published datasets, in DuckDB: adds what staging leaves out
 * (file, SHA-256, run id, country names and regions, series key), finds keys reported twice
 * (rejecting every copy of a conflict, and the later copies of a repeat), writes observations
 * partitioned by year, rejected_rows, validation_issues and countries, and checks that every row
 * read is accounted for. Datasets are built in a scratch folder, which is then moved, in one
 * atomic rename, to become the run's release ({@link Releases}).
 */
public final class CyclePublisher {

    public static final List<String> DATASETS = List.of("observations", "rejected_rows", "validation_issues", "countries");

    /** The row rules' findings, in the scratch folder, before the cross-row findings join them. */
    public static final String ROW_ISSUES = "row_issues.parquet";

    /** Published observation columns, in order. */
    static final String OBSERVATION_COLUMNS = "run_id, country_iso3, country_m49, country_name, region, subregion, year, "
            + "indicator, iccs_code, dimension, category, sex, age, unit, value, obs_status, flag, note, source, "
            + "series_key, source_file, source_line, source_sha256";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CyclePublisher.class);

    private final Path outputDir;
    private final Path stagingRoot;
    private final long runId;

    private final RuleCatalogue rules;

    public CyclePublisher(Path outputDir, Path stagingRoot, long runId) {
        this(outputDir, stagingRoot, runId, RuleCatalogue.builtIn());
    }

    /** @param rules the catalogue in force, for the severities of the duplicate rules */
    public CyclePublisher(Path outputDir, Path stagingRoot, long runId, RuleCatalogue rules) {
        this.outputDir = outputDir;
        this.stagingRoot = stagingRoot;
        this.runId = runId;
        this.rules = rules;
    }

    /** What a publish produced: counts per input file (in the order given) and findings by severity. */
    public record Result(List<FileCounts> files, long errors, long warnings, long infos) {
    }

    /**
     * Builds the cycle's datasets in the scratch folder from the staged parts: observations (less
     * duplicates), rejected_rows, the row rules' findings ({@link #ROW_ISSUES}) and countries.
     * Checks that every row read is accounted for. Nothing is published yet.
     */
    public Result consolidate(List<IngestedFile> files, Collection<Country> countries) {
        Path scratch = scratch();
        try {
            deleteTree(scratch);
            Files.createDirectories(scratch);
            ensureReadable();
            CountriesDataset.write(scratch.resolve("countries").resolve("countries.parquet"), countries);
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                 Statement st = db.createStatement()) {
                st.execute("SET preserve_insertion_order = false");
                st.execute("SET memory_limit = '2GB'");
                st.execute("SET temp_directory = " + quote(stagingRoot.resolve("duckdb-tmp").toString()));
                long t = System.nanoTime();
                registerFiles(db, st, files);
                t = logTime("staged parts gathered", t);
                findDuplicates(st, scratch);
                quoteDuplicateLines(db, st, files);
                t = logTime("duplicates found", t);
                write(st, scratch);
                logTime("datasets written", t);
            }
            if (!hasParquet(scratch.resolve("observations"))) {
                // DuckDB writes no file for an empty partitioned result: one typed, empty file so
                // that the checks and counts read a table with no rows rather than fail on no files
                ParquetPart.write(scratch.resolve("observations").resolve("no-rows.parquet"), PublishedSchemas.OBSERVATION, List.of());
            }
            return counts(files);
        } catch (SQLException e) {
            throw new IllegalStateException("Consolidating run " + runId + " failed in DuckDB: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Consolidating run " + runId + " failed: " + e.getMessage(), e);
        }
    }

    /** The folder where this run's datasets are built before they are moved into place. */
    public Path scratch() {
        return stagingRoot.resolve("publish");
    }

    /**
     * Counts per input file (in the order given) and findings by severity, from the datasets in
     * the scratch folder; fails if the rows of any file do not add up (read = accepted + rejected).
     */
    public Result counts(List<IngestedFile> files) {
        return counts(files, scratch());
    }

    /** The same, from the datasets in {@code scratch} (the scratch folder, or the run's release once moved). */
    public Result counts(List<IngestedFile> files, Path scratch) {
        Map<String, long[]> counts = new HashMap<>();
        long[] severities = new long[3];
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT source_file, coalesce(a.n, 0), coalesce(r.n, 0) FROM "
                    + "(SELECT source_file, count(*) AS n FROM read_parquet(" + quote(scratch + "/observations/**/*.parquet")
                    + ", hive_partitioning = false) GROUP BY ALL) a FULL JOIN "
                    + "(SELECT source_file, count(*) AS n FROM read_parquet(" + quote(scratch + "/rejected_rows/*.parquet")
                    + ") GROUP BY ALL) r USING (source_file)")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
            Path issues = Files.isDirectory(scratch.resolve("validation_issues"))
                    ? scratch.resolve("validation_issues").resolve("validation_issues.parquet") : scratch.resolve(ROW_ISSUES);
            try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (severity = 'ERROR'), "
                    + "count(*) FILTER (severity = 'WARNING'), count(*) FILTER (severity = 'INFO') FROM read_parquet("
                    + quote(issues.toString()) + ")")) {
                rs.next();
                for (int i = 0; i < 3; i++) {
                    severities[i] = rs.getLong(i + 1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting the rows of run " + runId + " failed in DuckDB: " + e.getMessage(), e);
        }
        List<FileCounts> result = new ArrayList<>();
        List<String> unbalanced = new ArrayList<>();
        for (IngestedFile f : files) {
            long[] c = counts.getOrDefault(f.file(), new long[2]);
            FileCounts fc = new FileCounts(f.file(), f.format(), f.sha256(), f.encoding(), f.rowsRead(), c[0], c[1]);
            if (!fc.balanced()) {
                unbalanced.add(f.file() + ": read " + fc.rowsRead() + ", accepted " + fc.rowsAccepted()
                        + ", rejected " + fc.rowsRejected());
            }
            result.add(fc);
        }
        if (!unbalanced.isEmpty()) {
            throw new IllegalStateException("Rows do not add up (read must equal accepted + rejected), nothing was published: "
                    + String.join("; ", unbalanced) + ". This is a bug in cts-pipeline: please report it with the run id " + runId + ".");
        }
        return new Result(result, severities[0], severities[1], severities[2]);
    }

    /**
     * Writes the validation_issues dataset in the scratch folder: the row rules' findings and the
     * cross-row findings, in one file, ordered by country, file and line.
     */
    public void mergeFindings(Path crossRowFindings) {
        Path target = scratch().resolve("validation_issues").resolve("validation_issues.parquet");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement()) {
            Files.createDirectories(target.getParent());
            st.execute("COPY (SELECT * FROM (SELECT * FROM read_parquet(" + quote(scratch().resolve(ROW_ISSUES).toString())
                    + ") UNION ALL BY NAME SELECT * FROM read_parquet(" + quote(crossRowFindings.toString()) + ")) "
                    + "ORDER BY country_iso3 NULLS FIRST, source_file NULLS LAST, source_line NULLS LAST, source_cell NULLS LAST, rule_id, "
                    + "series_key, year"
                    + ") TO " + quote(target.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
        } catch (SQLException e) {
            throw new IllegalStateException("Merging the findings of run " + runId + " failed in DuckDB: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Merging the findings of run " + runId + " failed: " + e.getMessage(), e);
        }
    }

    /** The folder this run's datasets are published in: out/&lt;job&gt;/releases/run-&lt;id&gt;. */
    public Path release() {
        return Releases.of(outputDir, runId);
    }

    /**
     * Publishes the run: removes from the scratch folder what is not one of {@code datasets} (the
     * intermediate files of the steps) and renames the scratch folder to the run's release folder,
     * in one atomic move, so the release appears complete or not at all. Safe to call again: if the
     * release is already there and the scratch folder gone, there is nothing left to do.
     *
     * @return the release folder
     */
    public Path publish(List<String> datasets) {
        Path scratch = scratch();
        Path release = release();
        try {
            if (!Files.exists(scratch)) {
                if (Files.isDirectory(release)) {
                    return release; // moved by an earlier attempt of this run
                }
                throw new IllegalStateException("Run " + runId + " has neither a scratch folder (" + scratch
                        + ") nor a release (" + release + "): nothing to publish");
            }
            if (Files.exists(release)) {
                throw new IllegalStateException("Run " + runId + ": release " + release + " already exists next to the scratch folder "
                        + scratch + "; a release is never replaced. Move it away if it is not the published one, then restart the run");
            }
            try (Stream<Path> entries = Files.list(scratch)) {
                for (Path p : entries.toList()) {
                    if (!datasets.contains(p.getFileName().toString())) {
                        deleteTree(p);
                    }
                }
            }
            Files.createDirectories(release.getParent());
            Files.move(scratch, release, StandardCopyOption.ATOMIC_MOVE);
            return release;
        } catch (IOException e) {
            throw new UncheckedIOException("Publishing run " + runId + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean hasParquet(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        }
    }

    private long logTime(String what, long since) {
        long now = System.nanoTime();
        LOG.info("run {}: {} in {} ms", runId, what, (now - since) / 1_000_000);
        return now;
    }

    /** An empty part in each staging folder, so read_parquet has a file and a schema even with no rows. */
    private void ensureReadable() throws IOException {
        Files.createDirectories(stagingRoot.resolve("observations"));
        ParquetPart.writeStaging(stagingRoot.resolve("observations").resolve("_empty.parquet"),
                new StagedObservationWriteSupport(), List.of());
        empty(stagingRoot.resolve("rejected_rows"), StagingSchemas.REJECTED_ROW);
        empty(stagingRoot.resolve("validation_issues"), StagingSchemas.VALIDATION_ISSUE);
    }

    private static void empty(Path dir, org.apache.avro.Schema schema) throws IOException {
        Files.createDirectories(dir);
        ParquetPart.write(dir.resolve("_empty.parquet"), schema, List.of());
    }

    private void registerFiles(Connection db, Statement st, List<IngestedFile> files) throws SQLException {
        st.execute("CREATE TEMP TABLE files (file_key VARCHAR, source_file VARCHAR, source_sha256 VARCHAR)");
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO files VALUES (?, ?, ?)")) {
            for (IngestedFile f : files) {
                ps.setString(1, f.key());
                ps.setString(2, f.file());
                ps.setString(3, f.sha256());
                ps.execute();
            }
        }
        st.execute("CREATE TEMP VIEW countries AS SELECT * FROM read_parquet("
                + quote(stagingRoot.resolve("publish/countries/countries.parquet").toString()) + ")");
        // parts are named <file key>-<chunk>.parquet; the empty placeholder matches no file.
        // Materialized once (DuckDB spills to the staging folder past its memory limit): every later
        // query reads it, and the hundreds of small parts, the joins and the keys are done once.
        st.execute("CREATE TEMP TABLE staged AS SELECT " + runId + "::BIGINT AS run_id, s.country_iso3, "
                + "c.m49 AS country_m49, coalesce(c.name, s.country_iso3) AS country_name, c.region, c.subregion, "
                + "s.year, s.indicator, s.iccs_code, s.dimension, s.category, s.sex, s.age, s.unit, s.value, s.obs_status, "
                + "s.flag, s.note, s.source, "
                + "concat_ws('|', s.country_iso3, s.indicator, coalesce(s.iccs_code, ''), s.dimension, s.category, s.sex, s.age, s.unit) AS series_key, "
                + "f.source_file, s.source_line, s.source_cell, f.source_sha256 "
                // by name: parts staged by an earlier attempt of the run may lack a later column (source_cell)
                + "FROM read_parquet(" + glob("observations") + ", filename = true, union_by_name = true) s "
                + "JOIN files f ON f.file_key = regexp_extract(parse_filename(s.filename), '^(.*)-[0-9]+\\.parquet$', 1) "
                + "LEFT JOIN countries c ON c.iso3 = s.country_iso3");
    }

    private void findDuplicates(Statement st, Path scratch) throws SQLException {
        // a cheap count over every row first; the costlier comparisons only over keys seen twice
        st.execute("""
                CREATE TEMP TABLE dup_keys AS
                SELECT series_key, year FROM staged GROUP BY series_key, year HAVING count(*) > 1""");
        st.execute("""
                CREATE TEMP TABLE dup_rows AS
                SELECT s.*,
                       count(*) OVER k AS copies,
                       count(DISTINCT coalesce(CAST(s.value AS VARCHAR), 'missing:' || s.obs_status)) OVER k AS distinct_values,
                       row_number() OVER w AS copy_no,
                       first_value(s.source_file || ' line ' || s.source_line) OVER w AS first_copy,
                       string_agg(s.source_file || ' line ' || s.source_line || ': '
                                  || coalesce(CAST(s.value AS VARCHAR), 'missing (' || s.obs_status || ')'), '; ')
                           OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS all_copies
                FROM staged s JOIN dup_keys d USING (series_key, year)
                WINDOW k AS (PARTITION BY s.series_key, s.year),
                       w AS (PARTITION BY s.series_key, s.year ORDER BY s.source_file, s.source_line, s.source_cell)""");
        st.execute("""
                CREATE TEMP TABLE dup_rejections AS
                SELECT run_id, source_file, source_line, source_cell, source_sha256, series_key, value, year,
                       CASE WHEN distinct_values > 1 THEN 'duplicate-conflict' ELSE 'duplicate-repeat' END AS rule_id,
                       CASE WHEN distinct_values > 1
                            THEN 'Series ' || series_key || ', year ' || year || ' is reported ' || copies
                                 || ' times with different values (' || all_copies
                                 || '). All copies are set aside until the focal point says which is right.'
                            ELSE 'Repeats ' || first_copy || ' (same series, year and value); this copy is not counted twice.'
                       END AS message,
                       CASE WHEN distinct_values > 1 THEN all_copies ELSE first_copy END AS expected
                FROM dup_rows WHERE distinct_values > 1 OR copy_no > 1""");
    }

    /**
     * Staging keeps no raw text for accepted rows; a duplicate's rejected row quotes its line from the
     * file (a text file: a workbook's duplicates keep an empty raw text).
     */
    private void quoteDuplicateLines(Connection db, Statement st, List<IngestedFile> files) throws SQLException, IOException {
        Map<String, NavigableSet<Long>> wanted = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT source_file, source_line FROM dup_rejections")) {
            while (rs.next()) {
                wanted.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getLong(2));
            }
        }
        st.execute("CREATE TEMP TABLE raw_lines (source_file VARCHAR, source_line BIGINT, raw_text VARCHAR)");
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO raw_lines VALUES (?, ?, ?)")) {
            for (IngestedFile f : files) {
                NavigableSet<Long> lines = wanted.get(f.file());
                // a workbook has no text lines to quote (its bytes are a ZIP): source_cell locates its duplicates
                if (lines == null || XlsxReturnReader.FORMAT.equals(f.format())) {
                    continue;
                }
                for (Map.Entry<Long, String> e : SourceLines.read(f.path(), f.charset(), lines).entrySet()) {
                    ps.setString(1, f.file());
                    ps.setLong(2, e.getKey());
                    ps.setString(3, e.getValue());
                    ps.execute();
                }
            }
        }
    }

    private void write(Statement st, Path scratch) throws SQLException {
        // an observation is one cell of its line (source_cell null for one observation per line): a
        // duplicate or a finding is matched to that cell, never to the other observations of the line
        String sameCell = "%1$s.source_file = %2$s.source_file AND %1$s.source_line = %2$s.source_line "
                + "AND %1$s.source_cell IS NOT DISTINCT FROM %2$s.source_cell";
        copy(st, "SELECT " + OBSERVATION_COLUMNS + " FROM staged s WHERE NOT EXISTS (SELECT 1 FROM dup_rejections r "
                        + "WHERE " + sameCell.formatted("r", "s") + ")",
                scratch.resolve("observations"), true);
        copy(st, "SELECT run_id, source_file, source_line, source_cell, source_sha256, raw_text, rule_id, field, message, error_count "
                        + "FROM read_parquet(" + glob("rejected_rows") + ", union_by_name = true) "
                        + "UNION ALL SELECT d.run_id, d.source_file, d.source_line, d.source_cell, d.source_sha256, coalesce(l.raw_text, ''), "
                        + "d.rule_id, 'value', d.message, 1 FROM dup_rejections d "
                        + "LEFT JOIN raw_lines l USING (source_file, source_line) ORDER BY source_file, source_line, source_cell",
                scratch.resolve("rejected_rows").resolve("rejected_rows.parquet"), false);
        // row findings take the country, indicator and year of their (accepted) row; for a
        // rejected row, the country only when it is given by a code or name we know
        st.execute("CREATE TEMP TABLE row_issues AS SELECT run_id, source_file, source_line, source_cell, series_key, rule_id, "
                + "severity, field, value, expected, message, year AS reported_year FROM read_parquet(" + glob("validation_issues")
                + ", union_by_name = true) "
                + "UNION ALL SELECT run_id, source_file, source_line, source_cell, series_key, rule_id, CASE rule_id WHEN 'duplicate-conflict' THEN "
                + quote(rules.severity(RowRule.DUPLICATE_CONFLICT).name()) + " ELSE " + quote(rules.severity(RowRule.DUPLICATE_REPEAT).name())
                + " END, 'value', CAST(value AS VARCHAR), expected, message, year FROM dup_rejections");
        copy(st, "SELECT i.run_id, i.rule_id, CASE WHEN i.rule_id LIKE 'duplicate-%' THEN 'duplicate-key' ELSE 'row' END AS rule_kind, "
                        + "i.severity, coalesce(s.country_iso3, (SELECT min(c.iso3) FROM countries c WHERE "
                        + "upper(c.iso3) = upper(trim(split_part(i.series_key, '|', 1))) OR c.m49 = trim(split_part(i.series_key, '|', 1)) "
                        + "OR lower(c.name) = lower(trim(split_part(i.series_key, '|', 1))))) AS country_iso3, "
                        + "coalesce(s.indicator, nullif(split_part(i.series_key, '|', 2), '')) AS indicator, i.series_key, "
                        + "coalesce(s.year, i.reported_year) AS year, CAST(coalesce(s.year, i.reported_year) AS VARCHAR) AS years, i.field, i.value, i.expected, NULL::DOUBLE AS imbalance, "
                        + "i.message, false AS explain, i.source_file, i.source_line, i.source_cell, "
                        + "i.source_file || ': ' || i.source_line AS source_lines "
                        + "FROM row_issues i LEFT JOIN staged s ON " + sameCell.formatted("s", "i") + " "
                        + "ORDER BY i.source_file, i.source_line, i.source_cell, i.rule_id",
                scratch.resolve(ROW_ISSUES), false);
    }

    private static void copy(Statement st, String select, Path target, boolean partitionByYear) throws SQLException {
        String options = partitionByYear
                ? "FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year), WRITE_PARTITION_COLUMNS true, OVERWRITE_OR_IGNORE true"
                : "FORMAT parquet, COMPRESSION zstd";
        try {
            // DuckDB writes no folder for an empty partitioned result; the dataset folder must still exist
            Files.createDirectories(partitionByYear ? target : target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        st.execute("COPY (" + select + ") TO " + quote(target.toString()) + " (" + options + ")");
    }

    private String glob(String dataset) {
        return quote(stagingRoot.resolve(dataset).toAbsolutePath() + "/*.parquet");
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
