package org.uncts.cts.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.uncts.cts.publication.TableDefinitions;
import org.uncts.cts.publication.TableFormat;
import org.uncts.cts.testing.TestCycle;

/**
 * The publication outputs of the sample cycle: every shipped table in every format, with cells
 * checked against the published indicators, observations and regional_aggregates, read straight
 * from the release's Parquet files (not through the table code).
 */
@SpringBootTest(classes = CtsApplication.class, properties = "spring.datasource.url=jdbc:h2:mem:publication-sample-test;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationSampleTest {

    static final Path SAMPLE = Path.of("sample-data").toAbsolutePath();

    @Autowired
    SurveyRunLauncher launcher;

    @TempDir
    static Path dir;

    Path release;
    Path tables;

    @BeforeAll
    void runTheSampleCycle() throws Exception {
        Path specFile = TestCycle.sampleSpec(dir);
        RunOutcome run = launcher.launch(specFile);
        assertEquals(BatchStatus.COMPLETED, run.status(), String.valueOf(run.reason()));
        release = TestCycle.release(dir.resolve("out"));
        tables = release.resolve("publication/tables");
    }

    @Test
    void everyShippedTableInEveryFormat() throws Exception {
        for (String name : TableDefinitions.load(List.of()).keySet()) {
            for (TableFormat f : TableFormat.values()) {
                Path file = tables.resolve(name + "." + f.extension());
                assertTrue(Files.size(file) > 500, file + " is written");
            }
        }
    }

    @Test
    void chartsAndSdmxFilesAreInTheRelease() throws Exception {
        Path charts = release.resolve("publication/charts");
        for (var def : org.uncts.cts.publication.chart.ChartDefinitions.load(List.of()).all()) {
            java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(charts.resolve(def.name() + ".png").toFile());
            assertTrue(png.getWidth() >= 800 && png.getHeight() >= 500, def.name() + " is a readable PNG");
            assertTrue(Files.readString(charts.resolve(def.name() + ".svg")).contains("<svg"), def.name() + ".svg");
        }
        long observations = query("SELECT 'n', count(*) FROM '$R/observations/**/*.parquet'").get("n").longValue();
        try (var lines = Files.lines(release.resolve("publication/sdmx/observations.sdmx.csv"))) {
            assertEquals(observations + 1, lines.filter(l -> !l.isEmpty()).count(), "one SDMX-CSV row per observation, and the header");
        }
    }

    /** Rounded as the tables print: half up at {@code decimals}, as plain text ("1234", "5.2"). */
    private static String rounded(double v, int decimals) {
        BigDecimal b = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
        return (b.signum() == 0 ? b.abs() : b).toPlainString();
    }

    private Map<String, Double> query(String sql) throws Exception {
        Map<String, Double> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql.replace("$R", release.toString()))) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getObject(2) == null ? null : ((Number) rs.getObject(2)).doubleValue());
            }
        }
        return out;
    }

    private List<CSVRecord> csv(String table) throws Exception {
        try (Reader r = Files.newBufferedReader(tables.resolve(table + ".csv"), StandardCharsets.UTF_8)) {
            r.read(); // the byte-order mark
            List<CSVRecord> rows = new ArrayList<>();
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            for (CSVRecord rec : parser) {
                if (rec.size() != parser.getHeaderNames().size()) {
                    break; // the title, footnotes and source under the table
                }
                rows.add(rec);
            }
            return rows;
        }
    }

    @Test
    void homicideRateCellsEqualTheIndicatorsAndTheRegionalAggregates() throws Exception {
        Map<String, Double> countries = query("SELECT country_iso3 || '|' || year, value FROM '$R/indicators/*.parquet'"
                + " WHERE formula_id = 'sdg_16_1_1' AND sex = '_T' AND age = '_T'");
        Map<String, Double> regions = query("SELECT grouping || '|' || region_code || '|' || year, CASE WHEN published THEN value END"
                + " FROM '$R/regional_aggregates/*.parquet' WHERE formula_id = 'sdg_16_1_1' AND sex = '_T' AND age = '_T'");
        List<CSVRecord> rows = csv("homicide-rate-by-country");
        int checkedCountries = 0;
        int checkedRegions = 0;
        int notPublished = 0;
        for (CSVRecord row : rows) {
            String kind = row.get("kind");
            int level = Integer.parseInt(row.get("level"));
            for (int year = 2015; year <= 2024; year++) {
                String cell = row.get(Integer.toString(year));
                Double expected;
                if (kind.equals("country")) {
                    expected = countries.get(row.get("code") + "|" + year);
                    checkedCountries++;
                } else if (kind.equals("aggregate")) {
                    String grouping = level == 0 ? (row.get("code").equals("001") ? "world" : "m49_region") : "m49_subregion";
                    String key = grouping + "|" + row.get("code") + "|" + year;
                    assertTrue(regions.containsKey(key), "the aggregate row is a published region: " + key);
                    expected = regions.get(key);
                    checkedRegions++;
                    if (expected == null) {
                        notPublished++;
                        assertTrue(row.get(year + " flags").contains("c"), "not published is marked c: " + key);
                    }
                } else {
                    continue;
                }
                assertEquals(expected == null ? ".." : rounded(expected, 1), cell, row.get("label") + " " + year);
            }
        }
        // 39 countries and areas report homicide (PRT in the Excel return), 10 years each; World + 5 regions + their subregions
        assertEquals(39 * 10, checkedCountries);
        assertTrue(checkedRegions >= 16 * 10, "regional rows: " + checkedRegions);
        assertTrue(notPublished > 0, "Northern Europe (only GBR's sub-national areas report) is not published");
    }

    @Test
    void victimsBySexXlsxHasNumbersAtEachCountrysLatestYear() throws Exception {
        Map<String, Double> counts = query("SELECT country_iso3 || '|' || year || '|' || sex, value FROM '$R/observations/**/*.parquet'"
                + " WHERE indicator = 'victims_intentional_homicide' AND dimension = 'Total' AND age = '_T' AND unit = 'COUNT'");
        Map<String, Double> share = query("SELECT country_iso3 || '|' || year, value FROM '$R/indicators/*.parquet'"
                + " WHERE formula_id = 'share_female_of_total' AND base_indicator = 'victims_intentional_homicide' AND dimension = 'Total'");
        Map<String, Double> latest = query("SELECT country_iso3, max(year) FROM '$R/observations/**/*.parquet'"
                + " WHERE indicator = 'victims_intentional_homicide' AND dimension = 'Total' AND sex = '_T' AND age = '_T'"
                + " AND unit = 'COUNT' AND value IS NOT NULL GROUP BY 1");
        List<CSVRecord> csv = csv("homicide-victims-by-sex");
        Map<String, String> isoByLabel = new HashMap<>();
        csv.forEach(r -> isoByLabel.put(r.get("label"), r.get("code")));
        int checked = 0;
        try (InputStream in = Files.newInputStream(tables.resolve("homicide-victims-by-sex.xlsx"));
             Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            Map<String, Integer> col = headerColumns(sheet);
            for (Row row : sheet) {
                Cell label = row.getCell(0);
                if (label == null || label.getCellType() != CellType.STRING) {
                    continue;
                }
                String iso = isoByLabel.get(label.getStringCellValue().strip());
                if (iso == null || !latest.containsKey(iso)) {
                    continue;
                }
                int year = latest.get(iso).intValue();
                assertEquals(Integer.toString(year), text(row.getCell(col.get("Year"))), iso);
                Cell total = row.getCell(col.get("Total"));
                assertEquals(CellType.NUMERIC, total.getCellType(), iso + " total is a number");
                assertEquals(counts.get(iso + "|" + year + "|_T"), total.getNumericCellValue(), 0.0, iso);
                Double female = counts.get(iso + "|" + year + "|F");
                Cell f = row.getCell(col.get("Female"));
                if (female == null) {
                    assertEquals("..", f.getStringCellValue(), iso);
                } else {
                    assertEquals(CellType.NUMERIC, f.getCellType(), iso + " female is a number");
                    assertEquals(female, f.getNumericCellValue(), 0.0, iso);
                    Cell s = row.getCell(col.get("Women (%)"));
                    // the stored number is the value rounded as displayed (1 decimal)
                    assertEquals(Double.parseDouble(rounded(share.get(iso + "|" + year), 1)), s.getNumericCellValue(), 1e-9, iso);
                }
                checked++;
            }
        }
        assertEquals(latest.size(), checked, "every reporting country was checked");
    }

    private static Map<String, Integer> headerColumns(Sheet sheet) {
        // the last header row names the columns (the group row is above it); first occurrence wins
        Map<String, Integer> col = new HashMap<>();
        for (int r = 0; r < 8; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING) {
                    col.putIfAbsent(c.getStringCellValue().strip(), c.getColumnIndex());
                }
            }
        }
        return col;
    }

    private static String text(Cell c) {
        return c.getCellType() == CellType.NUMERIC ? Long.toString((long) c.getNumericCellValue()) : c.getStringCellValue();
    }

    @Test
    void prisonsAndFunnelCellsEqualTheIndicators() throws Exception {
        Map<String, Double> unsentenced = query("SELECT country_iso3 || '|' || year, value FROM '$R/indicators/*.parquet'"
                + " WHERE formula_id = 'sdg_16_3_2'");
        Map<String, Double> convicted = query("SELECT country_iso3 || '|' || year, value FROM '$R/indicators/*.parquet'"
                + " WHERE formula_id = 'convicted_per_100_suspected' AND sex = '_T' AND dimension = 'Total'");
        int checked = 0;
        for (CSVRecord r : csv("prisons")) {
            if (r.get("kind").equals("country") && !r.get("Year").equals("..")) {
                Double v = unsentenced.get(r.get("code") + "|" + r.get("Year"));
                assertEquals(v == null ? ".." : rounded(v, 1), r.get("Unsentenced (%) SDG 16.3.2"), r.get("label"));
                checked++;
            }
        }
        for (CSVRecord r : csv("criminal-justice-funnel")) {
            if (r.get("kind").equals("country")) {
                Double v = convicted.get(r.get("code") + "|" + r.get("Year"));
                assertEquals(v == null ? ".." : rounded(v, 0), r.get("Attrition – Convicted per 100 suspected"), r.get("label"));
                checked++;
            }
        }
        assertTrue(checked > 20, "checked " + checked);
    }

    @Test
    void htmlAndMarkdownShowTheSameRowsAsTheCsv() throws Exception {
        List<CSVRecord> csv = csv("homicide-rate-by-country");
        Document html = Jsoup.parse(tables.resolve("homicide-rate-by-country.html").toFile(), "UTF-8");
        assertEquals(csv.size(), html.select("tbody tr").size(), "one HTML row per table row");
        String md = Files.readString(tables.resolve("homicide-rate-by-country.md"));
        for (CSVRecord r : csv) {
            assertTrue(html.text().contains(r.get("label")), r.get("label"));
            assertTrue(md.contains(r.get("label").replace("(", "\\(").replace(")", "\\)")) || md.contains(r.get("label")), r.get("label"));
        }
        assertTrue(html.select("td.num sup").size() > 0, "markers are superscripts");
        assertFalse(html.select("title").text().isBlank());
    }
}
