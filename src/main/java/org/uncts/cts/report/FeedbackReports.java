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
import java.text.Collator;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.uncts.cts.report.ReportModel.CountryEntry;
import org.uncts.cts.report.ReportModel.CountryPage;
import org.uncts.cts.report.ReportModel.Finding;
import org.uncts.cts.report.ReportModel.Group;
import org.uncts.cts.report.ReportModel.IndexPage;
import org.uncts.cts.report.ReportModel.Part;
import org.uncts.cts.report.ReportModel.Run;
import org.uncts.cts.report.ReportModel.Section;

/**
 * Writes the validation feedback a desk officer sends to each national focal point: from a run's
 * validation_issues dataset, one HTML page and one CSV file per reporting country, and an index.
 *
 * <pre>
 * outputDir/index.html          every country with its counts by severity, countries with errors first
 * outputDir/&lt;ISO3&gt;.html        the country's findings: errors, then warnings, then information,
 *                               each by table (source file) and indicator
 * outputDir/&lt;ISO3&gt;.csv         the same findings, same order and numbers, with a column for the answer
 * outputDir/unrecognised.html   findings whose country was not recognised (and .csv), if any
 * </pre>
 *
 * <p>Findings are read in one ordered pass and written country by country, so only one country's
 * findings are held in memory. Every finding read appears on exactly one page (checked). The
 * report is built in a sibling folder and then moved over {@code outputDir}, replacing the
 * previous report; {@code outputDir} must therefore be a folder of its own, holding only a
 * previous report (.html and .csv files) if anything.
 */
public final class FeedbackReports {

    /**
     * Columns read from validation_issues (PublishedSchemas.VALIDATION_ISSUE, less run_id), besides
     * {@link #CELL}, which datasets written before it existed lack.
     */
    static final List<String> COLUMNS = List.of("country_iso3", "severity", "rule_id", "rule_kind", "indicator",
            "series_key", "year", "years", "field", "value", "expected", "imbalance", "message", "explain",
            "source_file", "source_line", "source_lines");

    /** The cell of a row finding; read as null from a dataset without it (an earlier release). */
    static final String CELL = "source_cell";

    static final String UNRECOGNISED = "unrecognised";

    private static final List<String> SEVERITIES = List.of("ERROR", "WARNING", "INFO");

    private static final DateTimeFormatter RUN_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** What was written: the index page and every page's counts, in index order. */
    public record Result(Path index, List<CountryEntry> countries, CountryEntry unrecognised, long findings) {
    }

    private FeedbackReports() {
    }

    /**
     * Writes the reports, naming indicators and ICCS codes with the reference lists shipped with
     * cts-pipeline.
     *
     * @see #write(Path, Path, Map, SeriesLabels, ReportHeader, Path)
     */
    public static Result write(Path validationIssues, Path countries, Map<String, String> ruleDescriptions,
                               ReportHeader header, Path outputDir) throws IOException {
        return write(validationIssues, countries, ruleDescriptions, SeriesLabels.builtIn(), header, outputDir);
    }

    /**
     * Writes the reports.
     *
     * @param validationIssues  the validation_issues dataset: a Parquet file, a folder of Parquet
     *                          files (read recursively) or a DuckDB glob ({@code .../*.parquet})
     * @param countries         the countries dataset (file, folder or glob), for country names;
     *                          null to show ISO3 codes only
     * @param ruleDescriptions  rule id to its one-line description (the rule catalogue)
     * @param labels            names of indicators and ICCS codes
     * @param header            the run the findings come from
     * @param outputDir         the report folder; replaced as a whole
     */
    public static Result write(Path validationIssues, Path countries, Map<String, String> ruleDescriptions,
                               SeriesLabels labels, ReportHeader header, Path outputDir) throws IOException {
        Objects.requireNonNull(validationIssues, "validationIssues");
        Objects.requireNonNull(ruleDescriptions, "ruleDescriptions");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(outputDir, "outputDir");
        Path out = outputDir.toAbsolutePath().normalize();
        checkReportFolder(out);
        Path fresh = out.resolveSibling("." + out.getFileName() + ".new");
        deleteTree(fresh);
        Files.createDirectories(fresh);
        Run run = new Run(header.cycle(), header.runId(), RUN_DATE.format(header.runDate()), header.jobName());
        PageWriter writer = new PageWriter(fresh, run, ruleDescriptions, labels);
        try {
            writePages(writer, validationIssues, countries, header);
            IndexPage index = index(run, sorted(writer.entries), writer.unrecognised);
            ReportTemplates.render("index", index, fresh.resolve("index.html"));
            replace(fresh, out);
            return new Result(out.resolve("index.html"), index.countries(), writer.unrecognised, writer.findings);
        } catch (IOException | RuntimeException e) {
            deleteTree(fresh);
            throw e;
        }
    }

    /** Reads the findings in order and writes each country's page and CSV as soon as they are complete. */
    private static void writePages(PageWriter writer, Path validationIssues, Path countries, ReportHeader header)
            throws IOException {
        String source = "read_parquet(" + quote(parquetGlob(validationIssues)) + ")";
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            boolean hasCell = checkColumns(st, source, validationIssues);
            long expected = count(st, "SELECT count(*) FROM " + source);
            writer.names.putAll(countryNames(st, countries));
            try (ResultSet rs = st.executeQuery(findingsQuery(source, hasCell))) {
                while (rs.next()) {
                    writer.add(read(rs));
                }
            }
            writer.finish();
            if (writer.findings != expected) {
                throw new IllegalStateException("The feedback reports show " + writer.findings + " findings but "
                        + validationIssues + " holds " + expected + ". This is a bug in cts-pipeline.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the findings of run " + header.runId() + " from " + validationIssues
                    + " failed in DuckDB: " + e.getMessage(), e);
        }
    }

    private static IndexPage index(Run run, List<CountryEntry> entries, CountryEntry unrecognised) {
        long[] sums = new long[5];
        Stream.concat(entries.stream(), Stream.ofNullable(unrecognised)).forEach(c -> {
            sums[0] += c.errors();
            sums[1] += c.warnings();
            sums[2] += c.infos();
            sums[3] += c.others();
            sums[4] += c.explain();
        });
        return new IndexPage(run, run.cycle() + " – validation feedback by country", entries, unrecognised,
                sums[0], sums[1], sums[2], sums[3], sums[4]);
    }

    /**
     * Findings by country (the unrecognised last), then severity (ERROR, WARNING, INFO), table,
     * indicator, rule, series, year, line and cell. The indicator falls back to the series key's.
     *
     * @param hasCell whether the dataset has the source_cell column (else it is read as null)
     */
    static String findingsQuery(String source, boolean hasCell) {
        return "SELECT * FROM (SELECT country_iso3, severity, rule_id, rule_kind, "
                + "coalesce(indicator, CASE WHEN len(string_split(series_key, '|')) = 8 "
                + "THEN nullif(string_split(series_key, '|')[2], '') END) AS indicator, "
                + "series_key, year, years, field, value, expected, imbalance, message, explain, "
                + "source_file, source_line, " + (hasCell ? CELL : "NULL::VARCHAR AS " + CELL) + ", source_lines FROM "
                + source + ") ORDER BY country_iso3 NULLS LAST, "
                + "CASE severity WHEN 'ERROR' THEN 0 WHEN 'WARNING' THEN 1 WHEN 'INFO' THEN 2 ELSE 3 END, severity, "
                + "source_file NULLS LAST, indicator NULLS LAST, rule_id, series_key NULLS LAST, year NULLS LAST, "
                + "years NULLS LAST, source_line NULLS LAST, source_cell NULLS LAST, source_lines NULLS LAST, message, "
                + "value NULLS LAST";
    }

    private static Issue read(ResultSet rs) throws SQLException {
        String severity = rs.getString("severity");
        return new Issue(rs.getString("country_iso3"), severity == null ? "UNKNOWN" : severity, rs.getString("rule_id"),
                rs.getString("rule_kind"), rs.getString("indicator"), rs.getString("series_key"),
                (Integer) rs.getObject("year", Integer.class), rs.getString("years"), rs.getString("field"),
                rs.getString("value"), rs.getString("expected"), (Double) rs.getObject("imbalance", Double.class),
                rs.getString("message"), rs.getBoolean("explain"), rs.getString("source_file"),
                (Long) rs.getObject("source_line", Long.class), rs.getString(CELL), rs.getString("source_lines"));
    }

    /** Builds and writes the pages of one country at a time, as the ordered findings come. */
    private static final class PageWriter {

        final Path dir;
        final Run run;
        final Map<String, String> rules;
        final SeriesLabels labels;
        final Map<String, String> names = new HashMap<>();
        final List<CountryEntry> entries = new ArrayList<>();
        final Set<String> fileNames = new HashSet<>(Set.of("index", UNRECOGNISED));
        CountryEntry unrecognised;
        long findings;

        private boolean started;
        private String iso3;
        private final List<Issue> current = new ArrayList<>();

        PageWriter(Path dir, Run run, Map<String, String> rules, SeriesLabels labels) {
            this.dir = dir;
            this.run = run;
            this.rules = rules;
            this.labels = labels;
        }

        void add(Issue issue) throws IOException {
            if (started && !Objects.equals(iso3, issue.countryIso3())) {
                flush();
            }
            started = true;
            iso3 = issue.countryIso3();
            current.add(issue);
        }

        void finish() throws IOException {
            if (started) {
                flush();
            }
        }

        private void flush() throws IOException {
            String base = iso3 == null ? UNRECOGNISED : fileName(iso3);
            List<Finding> shown = new ArrayList<>();
            List<Section> sections = sections(current, shown);
            long[] bySeverity = new long[4];
            long explain = 0;
            for (Finding f : shown) {
                int i = SEVERITIES.indexOf(f.severity());
                bySeverity[i < 0 ? 3 : i]++;
                explain += f.explain() ? 1 : 0;
            }
            String name = iso3 == null ? "Country not recognised" : names.getOrDefault(iso3, iso3);
            String label = iso3 == null || name.equals(iso3) ? name : name + " (" + iso3 + ")";
            CountryEntry entry = new CountryEntry(iso3, name, label, base + ".html", base + ".csv",
                    bySeverity[0], bySeverity[1], bySeverity[2], bySeverity[3], explain);
            String title = iso3 == null
                    ? run.cycle() + " – validation findings whose country was not recognised"
                    : run.cycle() + " – validation feedback for " + label;
            ReportTemplates.render("country", new CountryPage(run, entry, title, sections), dir.resolve(entry.page()));
            FeedbackCsv.write(dir.resolve(entry.csv()), shown);
            if (iso3 == null) {
                unrecognised = entry;
            } else {
                entries.add(entry);
            }
            findings += shown.size();
            current.clear();
        }

        /** A file name for a country code: the code if it is a plain one, made safe and unique if not. */
        private String fileName(String code) {
            String base = code.replaceAll("[^A-Za-z0-9_-]", "_");
            String name = base;
            for (int n = 2; !fileNames.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            return name;
        }

        private List<Section> sections(List<Issue> issues, List<Finding> shown) {
            List<Section> sections = new ArrayList<>();
            Set<String> severities = new LinkedHashSet<>();
            issues.forEach(i -> severities.add(i.severity()));
            for (String severity : severities) {
                List<Group> groups = new ArrayList<>();
                List<Finding> group = null;
                String groupFile = null;
                String groupIndicator = null;
                int count = 0;
                for (Issue i : issues) {
                    if (!i.severity().equals(severity)) {
                        continue;
                    }
                    if (group == null || !Objects.equals(groupFile, i.sourceFile())
                            || !Objects.equals(groupIndicator, i.indicator())) {
                        groupFile = i.sourceFile();
                        groupIndicator = i.indicator();
                        group = new ArrayList<>();
                        groups.add(new Group(groupFile == null ? "No single file" : groupFile,
                                groupIndicator == null ? "Indicator not recognised" : labels.indicator(groupIndicator),
                                group));
                    }
                    Finding f = finding(shown.size() + 1, i);
                    group.add(f);
                    shown.add(f);
                    count++;
                }
                sections.add(section(severity, groups, count));
            }
            return sections;
        }

        private Finding finding(int number, Issue i) {
            List<Part> series = PlainWords.seriesParts(i.seriesKey(), labels);
            String years = i.years() != null && !i.years().isBlank() ? i.years()
                    : i.year() == null ? null : i.year().toString();
            String lines = i.sourceLines() != null && !i.sourceLines().isBlank() ? i.sourceLines()
                    : i.sourceLine() == null ? null : i.sourceLine().toString();
            String where;
            String cell = org.uncts.cts.model.Provenance.describeCell(i.sourceCell());
            if (cell != null && i.sourceFile() != null && i.sourceLine() != null) {
                // one line holds several figures (an Excel row, a wide CSV line): the cell says which
                where = i.sourceFile() + ", line " + i.sourceLine() + ", " + cell;
            } else if (i.sourceLines() != null && !i.sourceLines().isBlank()) {
                where = i.sourceLines();
            } else if (i.sourceFile() != null) {
                where = i.sourceFile() + (i.sourceLine() == null ? "" : ", line " + i.sourceLine());
            } else {
                where = null;
            }
            String rule = rules.get(i.ruleId());
            return new Finding(number, i.severity(), i.ruleId(), rule, labels.indicator(i.indicator()), series,
                    PlainWords.join(series), years, i.sourceFile(), lines, i.sourceCell(), where, i.value(), i.expected(),
                    PlainWords.signed(i.imbalance()), PlainWords.plain(i.imbalance()), i.message(), i.explain());
        }
    }

    private static Section section(String severity, List<Group> groups, int count) {
        return switch (severity) {
            case "ERROR" -> new Section(severity, "errors", "Errors – please correct",
                    "These figures break a rule that every return must meet, so they cannot be right as they "
                            + "stand. Please correct them and send the corrected figures.", groups, count);
            case "WARNING" -> new Section(severity, "warnings", "Warnings – please check",
                    "These figures were accepted but look unusual. Please check each one and either correct it "
                            + "or explain it.", groups, count);
            case "INFO" -> new Section(severity, "information", "For your information",
                    "What we changed or noted while reading your return, for example a country name turned into "
                            + "its code. No answer is needed, but please check that it is right and use the standard "
                            + "form in your next return.", groups, count);
            default -> new Section(severity, "other-" + severity.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "-"),
                    "Other findings (" + severity + ")", "Findings of another kind.", groups, count);
        };
    }

    /** Countries with errors first, then by name (accents and case aside). */
    private static List<CountryEntry> sorted(List<CountryEntry> entries) {
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        collator.setStrength(Collator.SECONDARY);
        return entries.stream()
                .sorted(Comparator.comparing((CountryEntry c) -> c.errors() == 0)
                        .thenComparing(CountryEntry::name, collator)
                        .thenComparing(CountryEntry::iso3))
                .toList();
    }

    private static Map<String, String> countryNames(Statement st, Path countries) throws SQLException {
        Map<String, String> names = new HashMap<>();
        if (countries == null) {
            return names;
        }
        try (ResultSet rs = st.executeQuery("SELECT iso3, any_value(name) FROM read_parquet("
                + quote(parquetGlob(countries)) + ") WHERE name IS NOT NULL GROUP BY iso3")) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
            }
        }
        return names;
    }

    /** @return whether the dataset has the optional {@link #CELL} column */
    private static boolean checkColumns(Statement st, String source, Path dataset) throws SQLException {
        Set<String> present = new HashSet<>();
        try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(dataset + " is not a validation_issues dataset of this version: it has no "
                    + String.join(", ", missing) + " column" + (missing.size() > 1 ? "s" : ""));
        }
        return present.contains(CELL);
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A folder stands for the Parquet files under it; a file or a glob for itself. */
    static String parquetGlob(Path dataset) {
        Path p = dataset.toAbsolutePath();
        return Files.isDirectory(p) ? p + "/**/*.parquet" : p.toString();
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Refuses to replace a folder that holds anything but a previous report. */
    private static void checkReportFolder(Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new IllegalArgumentException("The report folder " + out + " is a file");
        }
        try (Stream<Path> s = Files.list(out)) {
            List<Path> foreign = s.filter(p -> !Files.isRegularFile(p) || !(p.getFileName().toString().endsWith(".html")
                    || p.getFileName().toString().endsWith(".csv"))).limit(3).toList();
            if (!foreign.isEmpty()) {
                throw new IllegalArgumentException("The report folder " + out + " holds more than a previous report ("
                        + foreign + "); the report would replace it as a whole. Give it a folder of its own.");
            }
        }
    }

    /** Moves a finished report folder into place, replacing the previous one. */
    private static void replace(Path fresh, Path target) throws IOException {
        Path old = target.resolveSibling("." + target.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    private static void deleteTree(Path dir) throws IOException {
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
