package org.uncts.cts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.publish.FileCounts;
import org.uncts.cts.publish.RunRecord;
import org.uncts.cts.publish.RunsDataset;

class RunReportTest {

    static final String HOM = FeedbackReportsTest.HOM;
    static final String PRISON = FeedbackReportsTest.PRISON;
    static final String SHA_HOM = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String SHA_PRISON = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    static final Instant START = Instant.parse("2026-03-01T10:15:00Z");

    @TempDir
    Path dir;

    Path release;
    Path record;
    List<StepTiming> steps;

    @BeforeEach
    void release() throws IOException {
        release = dir.resolve("out").resolve("sample-cycle");
        // validation_issues: the findings of the feedback-report test (AUT, ZWE, CIV, BEL and an unknown country)
        FeedbackReportsTest t = new FeedbackReportsTest();
        t.dir = dir.resolve("fixtures");
        t.data();
        duck("COPY (SELECT * FROM read_parquet('" + t.issues + "')) TO '"
                + Files.createDirectories(release.resolve("validation_issues")).resolve("validation_issues.parquet")
                + "' (FORMAT parquet)");
        Files.createDirectories(release.resolve("countries"));
        duck("COPY (SELECT * FROM read_parquet('" + t.countries + "')) TO '"
                + release.resolve("countries").resolve("countries.parquet") + "' (FORMAT parquet)");
        // observations, partitioned by year: 157 rows accepted
        duck("COPY (SELECT 42::BIGINT AS run_id, 'AUT' AS country_iso3, '040' AS country_m49, 'Austria' AS country_name, "
                + "2019 + (i % 3)::INTEGER AS year, 'victims_intentional_homicide' AS indicator, '0101' AS iccs_code, "
                + "'Total' AS dimension, 'Total' AS category, '_T' AS sex, '_T' AS age, 'COUNT' AS unit, "
                + "i::DOUBLE AS value, 'A' AS obs_status, '" + HOM + "' AS source_file, i + 2 AS source_line, '"
                + SHA_HOM + "' AS source_sha256 FROM range(157) r(i)) TO '" + release.resolve("observations")
                + "' (FORMAT parquet, PARTITION_BY (year))");
        Files.createDirectories(release.resolve("rejected_rows"));
        duck("COPY (SELECT 42::BIGINT AS run_id, '" + HOM + "' AS source_file, i + 200 AS source_line, '" + SHA_HOM
                + "' AS source_sha256, 'AUT,2020,-3' AS raw_text, 'value-negative' AS rule_id, 'value' AS field, "
                + "'The value -3 is negative.' AS message, 1 AS error_count FROM range(3) r(i)) TO '"
                + release.resolve("rejected_rows").resolve("rejected_rows.parquet") + "' (FORMAT parquet)");
        Files.createDirectories(release.resolve("regional_aggregates"));
        duck("COPY (SELECT 42::BIGINT AS run_id, 'M49' AS grouping, '150' AS region_code, 'Europe' AS region_name, "
                + "'homicide_rate' AS formula_id, 2019 + i::INTEGER AS year, 1.5 AS value, 'RATE_PER_100K' AS unit "
                + "FROM range(5) r(i)) TO '" + release.resolve("regional_aggregates").resolve("part-0.parquet")
                + "' (FORMAT parquet)");
        // the feedback reports, as the job writes them
        FeedbackReports.write(release.resolve("validation_issues"), release.resolve("countries"),
                FeedbackReportsTest.RULES, FeedbackReportsTest.HEADER, release.resolve("reports"));
        // the run record
        record = RunsDataset.write(release, new RunRecord(42, "sample-cycle", "specs/sample-cycle.yaml",
                "ab".repeat(32), "UN-CTS 2025", 2019, 2023, "COMPLETED", START, START.plusSeconds(95),
                List.of(new FileCounts(HOM, "csv", SHA_HOM, "UTF-8", 160, 157, 3),
                        new FileCounts(PRISON, "xlsx", SHA_PRISON, "windows-1252", 0, 0, 0)),
                4, 4, 3, "0.9.0 (abc1234)"));
        steps = List.of(
                step("ingest", "COMPLETED", 160, 157, 3, 0, 40_000),
                step("crossRowChecks", "COMPLETED", 157, 8, 0, 40_000, 50_000),
                step("feedbackReports", "COMPLETED", 0, 0, 0, 50_000, 50_400),
                step("publish", "COMPLETED", 0, 0, 0, 50_400, 95_000));
    }

    static StepTiming step(String name, String status, long read, long write, long skip, long fromMs, long toMs) {
        return new StepTiming(name, status, read, write, skip, START.plusMillis(fromMs), START.plusMillis(toMs));
    }

    Document render() throws IOException {
        RunReport.write(release, record, steps, release.resolve("run.html"));
        return Jsoup.parse(release.resolve("run.html").toFile(), "UTF-8");
    }

    @Test
    void showsTheRun() throws IOException {
        Document page = render();

        assertEquals("UN-CTS 2025 – run 42", page.title());
        String facts = page.select("table.facts.run").text();
        assertTrue(facts.contains("Run 42"), facts);
        assertTrue(facts.contains("Job sample-cycle"), facts);
        assertTrue(facts.contains("Reference years 2019–2023"), facts);
        assertTrue(facts.contains("Status COMPLETED"), facts);
        assertTrue(facts.contains("Started 1 March 2026, 10:15:00 UTC"), facts);
        assertTrue(facts.contains("Ended 1 March 2026, 10:16:35 UTC"), facts);
        assertTrue(facts.contains("Duration 1 min 35 s"), facts);
        assertTrue(facts.contains("Code version 0.9.0 (abc1234)"), facts);
        assertTrue(facts.contains("ab".repeat(32)), facts);
        assertTrue(page.select("script").isEmpty(), "no JavaScript");
        assertTrue(page.select("link[rel=stylesheet]").isEmpty(), "styles inside");
    }

    @Test
    void listsTheInputsWithFullChecksumsAndBalancedCounts() throws IOException {
        Document page = render();

        Elements inputs = page.select("table.inputs tbody.input");
        assertEquals(2, inputs.size());
        Element hom = inputs.get(0);
        assertEquals(HOM, hom.selectFirst("td.file").text());
        assertEquals("csv", hom.selectFirst("td.format").text());
        assertEquals("UTF-8", hom.selectFirst("td.encoding").text());
        assertEquals(SHA_HOM, hom.selectFirst(".sha256").text());
        assertEquals(List.of("160", "157", "3"), List.of(hom.selectFirst("td.read").text(),
                hom.selectFirst("td.accepted").text(), hom.selectFirst("td.rejected").text()));
        assertTrue(hom.select(".status.UNBALANCED").isEmpty());
        Element prison = inputs.get(1);
        assertEquals(SHA_PRISON, prison.selectFirst(".sha256").text());
        assertEquals("windows-1252", prison.selectFirst("td.encoding").text());
        assertEquals("2 files 160 157 3", page.select("table.inputs tfoot tr").text());
    }

    @Test
    void countsFindingsBySeverityCountryAndRule() throws IOException {
        Document page = render();

        assertEquals("4", page.selectFirst(".count.ERROR b").text());
        assertEquals("4", page.selectFirst(".count.WARNING b").text());
        assertEquals("3", page.selectFirst(".count.INFO b").text());
        assertNull(page.selectFirst(".note"), "the run record agrees with validation_issues");
        assertEquals("reports/index.html", page.selectFirst("a.reports").attr("href"));

        Elements rows = page.select("table.countries tbody tr");
        List<String> shown = rows.stream().map(Element::text).toList();
        assertEquals(List.of("Austria AUT 2 2 1 5", "Zimbabwe ZWE 1 0 0 1", "Côte d'Ivoire CIV 0 2 1 3",
                "Belgium BEL 0 0 1 1", "Country not recognised 1 0 0 1"), shown);
        List<String> links = rows.stream().map(r -> r.selectFirst("a").attr("href")).toList();
        assertEquals(List.of("reports/AUT.html", "reports/ZWE.html", "reports/CIV.html", "reports/BEL.html",
                "reports/unrecognised.html"), links);
        for (String link : links) {
            assertTrue(Files.isRegularFile(release.resolve(link)), link);
        }
        assertEquals("5 rows 4 4 3 11", page.select("table.countries tfoot tr").text());

        List<String> rules = page.select("table.rules tbody tr").stream().map(Element::text).toList();
        assertEquals(List.of("value-negative ERROR 2 2", "country-unknown ERROR 1 0", "sum-sex ERROR 1 1",
                "turned-zero WARNING 2 2", "year-on-year-change WARNING 2 2", "country-by-name INFO 3 3"), rules);
    }

    @Test
    void showsTheStepsInOrderWithDurationsAndBars() throws IOException {
        Document page = render();

        Elements rows = page.select("table.steps tbody tr.step");
        assertEquals(List.of("ingest", "crossRowChecks", "feedbackReports", "publish"),
                rows.stream().map(r -> r.selectFirst("td.name").text()).toList());
        assertEquals(List.of("40.0 s", "10.0 s", "0.4 s", "44.6 s"),
                rows.stream().map(r -> r.selectFirst("td.duration").text()).toList());
        assertEquals("ingest COMPLETED 160 157 3 40.0 s", rows.get(0).text());
        // bars proportional to the longest step
        assertEquals(List.of("width: 89.7%", "width: 22.4%", "width: 0.9%", "width: 100.0%"),
                rows.stream().map(r -> r.selectFirst("div.bar").attr("style")).toList());
        assertTrue(page.select("table.steps tfoot").text().contains("1 min 35 s"));
    }

    @Test
    void aStepStillRunningHasNoBar() throws IOException {
        steps = List.of(steps.get(0), new StepTiming("runReport", "STARTED", 0, 0, 0, START.plusSeconds(95), null));
        Document page = render();

        Element running = page.select("table.steps tbody tr.step").get(1);
        assertEquals("running", running.selectFirst("td.duration").text());
        assertNull(running.selectFirst("div.bar"));
    }

    @Test
    void listsThePublishedTablesWithRowCountsAndHowToQueryThem() throws IOException {
        Document page = render();

        List<String> tables = page.select("table.datasets tbody tr").stream().map(Element::text).toList();
        assertEquals(List.of("observations observations/ 157 3", "rejected_rows rejected_rows/ 3 1",
                "validation_issues validation_issues/ 11 1", "countries countries/ 5 1",
                "regional_aggregates regional_aggregates/ 5 1", "runs runs/ 1 1"), tables);
        assertEquals("observations/", page.selectFirst("table.datasets a").attr("href"));
        String howto = page.select(".howto").text();
        assertTrue(howto.contains("./cts sql \"select rule_id, severity, count(*) from validation_issues"), howto);
        assertFalse(page.select("table.datasets").text().contains("reports"), "the reports folder is no table");
    }

    @Test
    void listsThePublicationOutputsWithLinks() throws IOException {
        assertTrue(render().select("#publication + p.intro").text().contains("made no publication outputs"));
        java.nio.file.Files.createDirectories(release.resolve("publication/tables"));
        java.nio.file.Files.createDirectories(release.resolve("publication/charts"));
        java.nio.file.Files.writeString(release.resolve("publication/tables/prisons.md"), "# Prisons");
        java.nio.file.Files.writeString(release.resolve("publication/charts/homicide.svg"), "<svg/>");
        Document page = render();
        List<String> rows = page.select("table.publication tbody tr").stream().map(Element::text).toList();
        assertEquals(List.of("charts homicide.svg", "tables prisons.md"), rows);
        assertEquals("publication/tables/prisons.md", page.select("table.publication a").get(1).attr("href"));
    }

    @Test
    void linksAreRelativeToWhereThePageIsWritten() throws IOException {
        Path elsewhere = release.resolve("docs").resolve("run.html");
        RunReport.write(release, record, steps, elsewhere);
        Document page = Jsoup.parse(elsewhere.toFile(), "UTF-8");

        assertEquals("../reports/index.html", page.selectFirst("a.reports").attr("href"));
        assertEquals("../reports/AUT.html", page.selectFirst("table.countries a").attr("href"));
        assertEquals("../observations/", page.selectFirst("table.datasets a").attr("href"));
    }

    @Test
    void saysSoWhenTheRunRecordCountsDifferentlyAndLinksNoMissingReport() throws IOException {
        Files.delete(release.resolve("reports").resolve("ZWE.html"));
        record = RunsDataset.write(dir.resolve("other"), new RunRecord(42, "sample-cycle", "specs/sample-cycle.yaml",
                "ab".repeat(32), "UN-CTS 2025", 2023, 2023, "COMPLETED", START, START.plusMillis(800),
                List.of(), 5, 4, 3, "0.9.0"));
        Document page = render();

        assertTrue(page.selectFirst(".note").text().contains("counts 5 errors"));
        Element zwe = page.select("table.countries tbody tr").get(1);
        assertNull(zwe.selectFirst("a"), "no link to a page that is not there");
        assertEquals("Zimbabwe ZWE 1 0 0 1", zwe.text());
        assertTrue(page.select("table.facts.run").text().contains("Reference years 2023"));
        assertTrue(page.select("table.facts.run").text().contains("Duration 0.8 s"));
        assertTrue(page.select("table.inputs").isEmpty());
        assertTrue(page.text().contains("The run read no input file."));
    }

    @Test
    void refusesARunRecordOfAnotherRun() {
        Path other = RunsDataset.write(dir.resolve("other"), new RunRecord(43, "sample-cycle", "spec", "00",
                "UN-CTS 2025", 2019, 2023, "COMPLETED", START, START, List.of(), 4, 4, 3, "0.9.0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunReport.write(release, other, steps, release.resolve("run.html")));
        assertTrue(e.getMessage().contains("not from run 43"), e.getMessage());
        assertFalse(Files.exists(release.resolve("run.html")));
    }

    @Test
    void refusesAFileOfSeveralRuns() throws IOException {
        RunsDataset.write(release, new RunRecord(41, "sample-cycle", "spec", "00", "UN-CTS 2025", 2019, 2023,
                "COMPLETED", START, START, List.of(), 0, 0, 0, "0.8.0"));
        Path both = dir.resolve("both.parquet");
        duck("COPY (SELECT * FROM read_parquet('" + release.resolve("runs") + "/*.parquet')) TO '" + both
                + "' (FORMAT parquet)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunReport.write(release, both, steps, release.resolve("run.html")));
        assertTrue(e.getMessage().contains("exactly one run"), e.getMessage());
    }

    @Test
    void durations() {
        assertEquals("0.0 s", RunReport.duration(Duration.ZERO));
        assertEquals("59.9 s", RunReport.duration(Duration.ofMillis(59_940)));
        assertEquals("1 min 00 s", RunReport.duration(Duration.ofMillis(59_960)));
        assertEquals("4 min 05 s", RunReport.duration(Duration.ofSeconds(245)));
        assertEquals("1 h 02 min", RunReport.duration(Duration.ofMinutes(62)));
    }

    static void duck(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
