package org.uncts.cts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.publish.PublishedSchemas;
import org.uncts.cts.store.ParquetPart;

class FeedbackReportsTest {

    static final String HOM = "returns/cts2025_homicide.csv";
    static final String PRISON = "returns/cts2025_prisons.csv";
    static final String HOMICIDE = "victims_intentional_homicide";
    static final ReportHeader HEADER = new ReportHeader("UN-CTS 2025", 42, Instant.parse("2026-03-01T10:15:00Z"), "sample-cycle");
    static final Map<String, String> RULES = Map.of(
            "sum-sex", "Male + Female + Unknown equals the Total.",
            "value-negative", "Counts and rates cannot be negative.",
            "year-on-year-change", "A change from one year to the next of more than 25%.",
            "turned-zero", "A series turns into an exact zero after a year with 10 or more.",
            "country-by-name", "The country was given by name or M49 code and mapped to its ISO3 code.",
            "country-unknown", "The country is neither an ISO3/M49 code nor a known name.");

    @TempDir
    Path dir;

    Path issues;
    Path countries;
    Path out;
    List<GenericRecord> rows;

    @BeforeEach
    void data() throws IOException {
        rows = new ArrayList<>();
        // Austria: errors in two files, warnings (one with markup in its message), an INFO
        rows.add(issue("AUT", "INFO", "country-by-name", "row", HOMICIDE, null, 2020, null, "Austria", "AUT",
                null, "'Austria' was read as AUT.", false, HOM, 3L, null));
        rows.add(issue("AUT", "WARNING", "year-on-year-change", "year-on-year", HOMICIDE,
                "AUT|victims_intentional_homicide|0101|Total|Total|_T|_T|COUNT", 2020, "2019-2020", "60", "40",
                20.0, "Figures <b>jumped</b> & fell: 60 in 2020 against 40 in 2019.", true, HOM, 9L,
                HOM + ": 8, 9"));
        rows.add(issue("AUT", "ERROR", "sum-sex", "sum-of-parts", HOMICIDE,
                "AUT|victims_intentional_homicide|0101|Total|Total|_T|_T|COUNT", 2020, "2020", "50 + 40 + 5 = 95",
                "100", -5.0, "Male, female and unknown add up to 95, but the total is 100.", false, HOM, 12L,
                HOM + ": 12, 14, 15"));
        rows.add(issue("AUT", "ERROR", "value-negative", "row", "persons_held", null, 2021, null, "-3", null,
                null, "The value -3 is negative.", false, PRISON, 7L, null));
        rows.add(issue("AUT", "WARNING", "turned-zero", "turned-zero", "persons_held",
                "AUT|persons_held||Total|Total|F|Y_GE60|COUNT", 2022, "2021-2022", "0", "12", -12.0,
                "0 in 2022 after 12 in 2021.", true, PRISON, 30L, PRISON + ": 29, 30"));
        // Zimbabwe: one error, so it comes before Belgium and Côte d'Ivoire
        rows.add(issue("ZWE", "ERROR", "value-negative", "row", HOMICIDE, null, 2019, null, "-1", null, null,
                "The value -1 is negative.", false, HOM, 40L, null));
        // Côte d'Ivoire: warnings and an INFO, no error
        rows.add(issue("CIV", "WARNING", "year-on-year-change", "year-on-year", HOMICIDE,
                "CIV|victims_intentional_homicide|0101|by mechanism|Firearms or explosives|M|Y15T17|RATE_PER_100K",
                2021, "2020-2021", "9.5", "4.1", 5.4, "Taux élevé: 9.5 against 4.1.", true, HOM, 51L, HOM + ": 50, 51"));
        rows.add(issue("CIV", "WARNING", "turned-zero", "turned-zero", HOMICIDE, null, 2022, null, "0", "15",
                -15.0, "0 in 2022 after 15 in 2021.", false, HOM, 52L, null));
        rows.add(issue("CIV", "INFO", "country-by-name", "row", HOMICIDE, null, 2020, null, "Côte d'Ivoire", "CIV",
                null, "'Côte d'Ivoire' was read as CIV.", false, HOM, 50L, null));
        // Belgium: one INFO only
        rows.add(issue("BEL", "INFO", "country-by-name", "row", HOMICIDE, null, 2020, null, "Belgique", "BEL",
                null, "'Belgique' was read as BEL.", false, HOM, 60L, null));
        // the country of this row is unknown
        rows.add(issue(null, "ERROR", "country-unknown", "row", HOMICIDE, null, 2020, null, "Atlantis", null, null,
                "'Atlantis' is not a known country.", false, HOM, 70L, null));
        Collections.shuffle(rows, new java.util.Random(7));
        issues = dir.resolve("validation_issues").resolve("validation_issues.parquet");
        ParquetPart.write(issues, PublishedSchemas.VALIDATION_ISSUE, rows);
        countries = dir.resolve("countries.parquet");
        duck("COPY (SELECT * FROM (VALUES ('AUT', '040', 'Austria'), ('BEL', '056', 'Belgium'), "
                + "('CIV', '384', 'Côte d''Ivoire'), ('ZWE', '716', 'Zimbabwe'), ('FRA', '250', 'France')) "
                + "t(iso3, m49, name)) TO '" + countries + "' (FORMAT parquet)");
        out = dir.resolve("reports");
    }

    static GenericRecord issue(String iso3, String severity, String rule, String kind, String indicator, String series,
                               Integer year, String years, String value, String expected, Double imbalance,
                               String message, boolean explain, String file, Long line, String lines) {
        GenericRecord r = new GenericData.Record(PublishedSchemas.VALIDATION_ISSUE);
        r.put("run_id", 42L);
        r.put("rule_id", rule);
        r.put("rule_kind", kind);
        r.put("severity", severity);
        r.put("country_iso3", iso3);
        r.put("indicator", indicator);
        r.put("series_key", series);
        r.put("year", year);
        r.put("years", years);
        r.put("field", "value");
        r.put("value", value);
        r.put("expected", expected);
        r.put("imbalance", imbalance);
        r.put("message", message);
        r.put("explain", explain);
        r.put("source_file", file);
        r.put("source_line", line);
        r.put("source_lines", lines);
        return r;
    }

    FeedbackReports.Result write() throws IOException {
        return FeedbackReports.write(issues.getParent(), countries, RULES, HEADER, out);
    }

    @Test
    void indexListsCountriesWithErrorsFirstThenByNameAndTheUnrecognisedLast() throws IOException {
        FeedbackReports.Result result = write();

        assertEquals(out.resolve("index.html").toAbsolutePath(), result.index());
        Document index = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        List<List<String>> table = new ArrayList<>();
        for (Element tr : index.select("table.countries tbody tr")) {
            table.add(tr.select("td").eachText());
        }
        assertEquals(List.of(
                List.of("Austria AUT", "2", "2", "1", "5", "2", "AUT.csv"),
                List.of("Zimbabwe ZWE", "1", "0", "0", "1", "0", "ZWE.csv"),
                List.of("Belgium BEL", "0", "0", "1", "1", "0", "BEL.csv"),
                List.of("Côte d'Ivoire CIV", "0", "2", "1", "3", "1", "CIV.csv"),
                List.of("Country not recognised", "1", "0", "0", "1", "0", "unrecognised.csv")), table);
        assertEquals(List.of("4 countries", "4", "4", "3", "11", "3"),
                index.select("table.countries tfoot td").eachText());
        assertEquals(List.of("AUT.html", "ZWE.html", "BEL.html", "CIV.html", "unrecognised.html"),
                index.select("table.countries tbody tr td:first-child a").eachAttr("href"));
        for (String href : index.select("table.countries a").eachAttr("href")) {
            assertTrue(Files.exists(out.resolve(href)), href);
        }
        assertFalse(Files.exists(out.resolve("FRA.html")), "no page for a country without findings");
        assertEquals("UN-CTS 2025 – validation feedback by country", index.title());
    }

    @Test
    void countryPageOrdersBySeverityThenTableAndIndicator() throws IOException {
        write();
        Document aut = Jsoup.parse(out.resolve("AUT.html").toFile(), "UTF-8");

        assertEquals("UN-CTS 2025 – validation feedback for Austria (AUT)", aut.title());
        assertEquals(aut.title(), aut.selectFirst("h1").text());
        assertTrue(aut.text().contains("Run 42 of sample-cycle, 1 March 2026, 10:15 UTC."), aut.text());
        List<String> order = new ArrayList<>();
        for (Element f : aut.select("article.finding")) {
            order.add(f.select(".badge").text() + " " + f.select(".ruleid").text() + " " + f.select(".cells").text());
        }
        assertEquals(List.of(
                "Error rule sum-sex " + HOM + ": 12, 14, 15",
                "Error rule value-negative " + PRISON + ", line 7",
                "Warning rule year-on-year-change " + HOM + ": 8, 9",
                "Warning rule turned-zero " + PRISON + ": 29, 30",
                "Information rule country-by-name " + HOM + ", line 3"), order);
        assertEquals(List.of("1.", "2.", "3.", "4.", "5."), aut.select("article.finding .num").eachText());
        assertEquals(List.of("Errors – please correct (2)", "Warnings – please check (2)", "For your information (1)"),
                aut.select("h2").eachText());
        assertEquals(List.of(
                        "Table " + HOM + " · Indicator Victims of intentional homicide",
                        "Table " + PRISON + " · Indicator Persons held",
                        "Table " + HOM + " · Indicator Victims of intentional homicide",
                        "Table " + PRISON + " · Indicator Persons held",
                        "Table " + HOM + " · Indicator Victims of intentional homicide"),
                aut.select("h3").eachText());
        // the summary counts
        assertEquals(List.of("2 errors to correct", "2 warnings to check", "1 for your information",
                "2 findings ask you for an explanation"), aut.select(".counts .count").eachText());
        // a finding in plain words
        Element sumSex = aut.selectFirst("#finding-1");
        assertTrue(sumSex.text().contains("Male + Female + Unknown equals the Total."), sumSex.text());
        assertTrue(sumSex.text().contains("Offence: ICCS 0101 Intentional homicide"), sumSex.text());
        assertTrue(sumSex.text().contains("Sex: Total"), sumSex.text());
        assertTrue(sumSex.text().contains("Unit: Counts"), sumSex.text());
        assertTrue(sumSex.text().contains("Found 50 + 40 + 5 = 95 Expected 100 Difference −5"), sumSex.text());
        Element turnedZero = aut.selectFirst("#finding-4");
        assertTrue(turnedZero.text().contains("Sex: Female Age: 60 years and over"), turnedZero.text());
        assertTrue(turnedZero.text().contains("Year 2021-2022"), turnedZero.text());
    }

    @Test
    void messagesAreEscaped() throws IOException {
        write();
        String html = Files.readString(out.resolve("AUT.html"));
        assertTrue(html.contains("Figures &lt;b&gt;jumped&lt;/b&gt; &amp; fell"), "the message is escaped");
        Document aut = Jsoup.parse(html);
        assertTrue(aut.select("article b:containsOwn(jumped)").isEmpty(), "no markup from the data");
        assertEquals("Figures <b>jumped</b> & fell: 60 in 2020 against 40 in 2019.",
                aut.selectFirst("#finding-3 .message").text());
    }

    @Test
    void pleaseExplainOnlyWhereAnExplanationIsAsked() throws IOException {
        write();
        Document aut = Jsoup.parse(out.resolve("AUT.html").toFile(), "UTF-8");
        List<Boolean> asked = new ArrayList<>();
        for (Element f : aut.select("article.finding")) {
            boolean box = !f.select(".explain").isEmpty();
            assertEquals(box, f.text().contains("Please explain"), f.text());
            asked.add(box);
        }
        assertEquals(List.of(false, false, true, true, false), asked);
        Document civ = Jsoup.parse(out.resolve("CIV.html").toFile(), "UTF-8");
        assertEquals(1, civ.select("article.finding .explain").size());
        assertEquals(0, Jsoup.parse(out.resolve("BEL.html").toFile(), "UTF-8").select("article .explain").size());
    }

    @Test
    void csvHasTheFindingsInPageOrderWithAnEmptyAnswerColumn() throws IOException {
        write();
        byte[] bytes = Files.readAllBytes(out.resolve("AUT.csv"));
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 BOM");
        List<CSVRecord> data = csv(out.resolve("AUT.csv"));
        assertEquals(5, data.size());
        assertEquals(List.of("sum-sex", "value-negative", "year-on-year-change", "turned-zero", "country-by-name"),
                data.stream().map(r -> r.get(2)).toList());
        assertEquals(List.of("1", "2", "3", "4", "5"), data.stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("ERROR", "ERROR", "WARNING", "WARNING", "INFO"), data.stream().map(r -> r.get(1)).toList());
        assertEquals(List.of("no", "no", "yes", "yes", "no"), data.stream().map(r -> r.get("explanation_requested")).toList());
        assertTrue(data.stream().allMatch(r -> r.get("your_explanation").isEmpty()), "your_explanation is left empty");
        assertTrue(data.stream().allMatch(r -> r.get("cell").isEmpty()), "one figure per line: no cell");
        CSVRecord sumSex = data.get(0);
        assertEquals(List.of("1", "ERROR", "sum-sex", "Male + Female + Unknown equals the Total.",
                "Victims of intentional homicide",
                "offence: ICCS 0101 Intentional homicide; breakdown: Total (no breakdown); sex: Total; age: All ages; unit: Counts",
                "2020", HOM, HOM + ": 12, 14, 15", "", "50 + 40 + 5 = 95", "100", "-5",
                "Male, female and unknown add up to 95, but the total is 100.", "no", ""), sumSex.toList());
        assertEquals("7", data.get(1).get("lines"), "a single line");
        assertEquals("-3", data.get(1).get("value"), "a negative number stays a number");
        assertEquals("'=SUM(A1:A3)", FeedbackCsv.text("=SUM(A1:A3)"), "a text Excel would take for a formula is quoted");
        assertEquals("'@x", FeedbackCsv.text("@x"));
        assertEquals("'-x", FeedbackCsv.text("-x"));
        assertEquals("+5", FeedbackCsv.text("+5"));
        assertEquals("-3.5", FeedbackCsv.text("-3.5"));
        assertEquals("'-2+3", FeedbackCsv.text("-2+3"), "a sum after a sign is a formula too");
        assertEquals("'+1+cmd|' /C calc'!A0", FeedbackCsv.text("+1+cmd|' /C calc'!A0"));

        List<CSVRecord> civ = csv(out.resolve("CIV.csv"));
        assertEquals(List.of("turned-zero", "year-on-year-change", "country-by-name"),
                civ.stream().map(r -> r.get("rule_id")).toList(), "same table and indicator: by rule");
        assertEquals("Taux élevé: 9.5 against 4.1.", civ.get(1).get("message"));
        assertEquals("'Côte d'Ivoire' was read as CIV.", civ.get(2).get("message"));
    }

    @Test
    void everyFindingAppearsExactlyOnceAcrossThePages() throws IOException {
        FeedbackReports.Result result = write();

        assertEquals(rows.size(), result.findings());
        List<String> in = new ArrayList<>();
        for (GenericRecord r : rows) {
            in.add(r.get("rule_id") + ": " + r.get("message"));
        }
        List<String> pages = new ArrayList<>();
        List<String> sheets = new ArrayList<>();
        for (String page : List.of("AUT", "ZWE", "BEL", "CIV", "unrecognised")) {
            Document d = Jsoup.parse(out.resolve(page + ".html").toFile(), "UTF-8");
            for (Element f : d.select("article.finding")) {
                pages.add(f.select(".ruleid").text().replace("rule ", "") + ": " + f.select(".message").text());
            }
            for (CSVRecord r : csv(out.resolve(page + ".csv"))) {
                sheets.add(r.get("rule_id") + ": " + r.get("message"));
            }
        }
        try (var files = Files.list(out)) {
            assertEquals(11, files.count(), "index and five pages with their CSV files, nothing else");
        }
        assertEquals(sorted(in), sorted(pages), "every finding on exactly one page");
        assertEquals(sorted(in), sorted(sheets), "every finding in exactly one CSV row");
        Document unknown = Jsoup.parse(out.resolve("unrecognised.html").toFile(), "UTF-8");
        assertEquals("UN-CTS 2025 – validation findings whose country was not recognised", unknown.title());
        assertNull(result.unrecognised().iso3());
        assertEquals(1, result.unrecognised().errors());
    }

    @Test
    void aNewReportReplacesThePreviousOne() throws IOException {
        write();
        assertTrue(Files.exists(out.resolve("ZWE.html")));
        rows.removeIf(r -> "ZWE".equals(String.valueOf(r.get("country_iso3"))));
        Files.delete(issues);
        ParquetPart.write(issues, PublishedSchemas.VALIDATION_ISSUE, rows);

        FeedbackReports.Result result = write();

        assertEquals(10, result.findings());
        assertFalse(Files.exists(out.resolve("ZWE.html")), "a country without findings any more has no page");
        assertFalse(Files.exists(out.resolve("ZWE.csv")));
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of("countries.parquet", "reports", "validation_issues"),
                    siblings.map(p -> p.getFileName().toString()).sorted().toList(), "no scratch folder left");
        }
    }

    @Test
    void noFindingsGiveAnIndexThatSaysSo() throws IOException {
        Files.delete(issues);
        ParquetPart.write(issues, PublishedSchemas.VALIDATION_ISSUE, List.of());

        FeedbackReports.Result result = write();

        assertEquals(0, result.findings());
        assertTrue(result.countries().isEmpty());
        assertTrue(Files.readString(out.resolve("index.html")).contains("No findings in this run"));
    }

    @Test
    void refusesToReplaceAFolderThatHoldsMoreThanAReport() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("observations.parquet"), "not a report");

        assertThrows(IllegalArgumentException.class, this::write);
        assertTrue(Files.exists(out.resolve("observations.parquet")));
    }

    @Test
    void aFindingInAWorkbookOrAWideLineShowsItsCell() throws IOException {
        String xlsx = "returns-xlsx/cts2025_homicide_PRT.xlsx";
        GenericRecord inWorkbook = issue("AUT", "ERROR", "value-non-numeric", "row", HOMICIDE, null, 2016, "2016", "abc", null,
                null, "Value 'abc' is not a number.", false, xlsx, 6L, xlsx + ": 6");
        inWorkbook.put("source_cell", "Table1!E6");
        GenericRecord inWideLine = issue("AUT", "INFO", "value-dash-nil", "row", HOMICIDE, null, 2019, "2019", "-", "0",
                null, "Column 2019: Value '-' was read as nil (0).", false, "returns/aut_wide.csv", 2L, "returns/aut_wide.csv: 2");
        inWideLine.put("source_cell", "2019");
        Files.delete(issues);
        ParquetPart.write(issues, PublishedSchemas.VALIDATION_ISSUE, List.of(inWorkbook, inWideLine));
        write();

        Document aut = Jsoup.parse(out.resolve("AUT.html").toFile(), "UTF-8");
        List<String> where = aut.select("article.finding td.cells").eachText();
        assertEquals(List.of(xlsx + ", line 6, cell Table1!E6", "returns/aut_wide.csv, line 2, column 2019"), where);
        assertEquals(List.of("File, line and cell", "File, line and cell"), aut.select("article.finding table.facts th")
                .eachText().stream().filter(t -> t.startsWith("File")).toList());
        assertEquals(List.of("Table1!E6", "2019"), csv(out.resolve("AUT.csv")).stream().map(r -> r.get("cell")).toList());
    }

    @Test
    void aDatasetWrittenBeforeCellsExistedStillGivesAReport() throws IOException {
        // validation_issues of an earlier release: every column but source_cell
        Path old = dir.resolve("old-release.parquet");
        duck("COPY (SELECT * EXCLUDE (source_cell) FROM read_parquet('" + issues + "')) TO '" + old + "' (FORMAT parquet)");
        FeedbackReports.Result result = FeedbackReports.write(old, countries, RULES, HEADER, out);
        assertEquals(rows.size(), result.findings());
        assertTrue(csv(out.resolve("AUT.csv")).stream().allMatch(r -> r.get("cell").isEmpty()));
    }

    @Test
    void aDatasetWithoutTheFindingColumnsIsRefusedByName() throws IOException {
        Path old = dir.resolve("old.parquet");
        duck("COPY (SELECT 1::BIGINT AS run_id, 'sum-sex' AS rule_id) TO '" + old + "' (FORMAT parquet)");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeedbackReports.write(old, countries, RULES, HEADER, out));
        assertTrue(e.getMessage().contains("country_iso3"), e.getMessage());
    }

    static void duck(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }

    /** The data rows of a report CSV, by column name; checks the byte order mark and the header. */
    static List<CSVRecord> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0), "UTF-8 byte order mark");
        try (Reader r = new StringReader(text.substring(1));
             CSVParser p = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertEquals(FeedbackCsv.COLUMNS, p.getHeaderNames());
            return p.getRecords();
        }
    }

    /** A country code from input can never name a file outside the report folder (hostile-inputs corpus). */
    @Test
    void hostileCountryCodesStayInsideTheReportFolder() throws IOException {
        rows.add(issue("../../escaped", "ERROR", "value-non-numeric", "row", HOMICIDE, null, 2020, null, "=1+1", null,
                null, "=HYPERLINK(\"http://x\")", false, "../../x.csv", 80L, null));
        rows.add(issue("..", "ERROR", "value-non-numeric", "row", HOMICIDE, null, 2020, null, "-2+3", null,
                null, "@cmd", false, HOM, 81L, null));
        rows.add(issue("/tmp/abs", "ERROR", "value-non-numeric", "row", HOMICIDE, null, 2020, null, "x", null,
                null, "x", false, HOM, 82L, null));
        ParquetPart.write(issues, PublishedSchemas.VALIDATION_ISSUE, rows);
        write();
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                assertTrue(p.startsWith(out) || p.startsWith(issues.getParent()) || p.equals(countries), "outside: " + p);
                if (p.startsWith(out)) {
                    assertEquals(out, p.getParent(), "one folder, no sub-folders: " + p);
                }
            }
        }
        assertFalse(Files.exists(dir.resolve("escaped.html")) || Files.exists(dir.getParent().resolve("escaped.html")));
        String csv = Files.list(out).filter(p -> p.getFileName().toString().endsWith(".csv"))
                .map(p -> { try { return Files.readString(p); } catch (IOException e) { throw new java.io.UncheckedIOException(e); } })
                .reduce("", String::concat);
        assertTrue(csv.contains("'=1+1") && csv.contains("'-2+3") && csv.contains("'@cmd"), csv);
        assertFalse(csv.contains(",=1+1") || csv.contains(",-2+3,") || csv.contains(",@cmd"), csv);
    }
}
