package org.uncts.cts.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.testing.Duck;
import org.uncts.cts.testing.TestCycle;

/**
 * The sample cycle end to end: every deliberate fault of sample-data/README.md is found with its
 * rule, severity and line, and nothing else is; rows add up per file; values read back through
 * DuckDB, both from the Parquet files and through the catalog views.
 */
@SpringBootTest(classes = CtsApplication.class, properties = "spring.datasource.url=jdbc:h2:mem:sample-cycle-test;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleCycleTest {

    static final Path SAMPLE = Path.of("sample-data").toAbsolutePath();

    @Autowired
    SurveyRunLauncher launcher;

    @TempDir
    static Path dir;

    Path out;
    RunOutcome run;

    @BeforeAll
    void runTheSampleCycle() throws Exception {
        Path specFile = TestCycle.sampleSpec(dir);
        out = dir.resolve("out");
        run = launcher.launch(specFile);
        assertEquals(BatchStatus.COMPLETED, run.status(), String.valueOf(run.reason()));
    }

    /** Rows of a markdown table that follows a "## heading" line. */
    static List<List<String>> table(String heading) throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE.resolve("README.md"));
        int at = lines.indexOf(heading);
        assertTrue(at >= 0, "README has " + heading);
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (int i = at + 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("|")) {
                inTable = true;
                List<String> cells = List.of(l.substring(1, l.length() - 1).split("\\|")).stream().map(String::strip).toList();
                if (!cells.get(0).equals("file") && !cells.get(0).startsWith("---")) {
                    rows.add(cells);
                }
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    private String issues() {
        return Duck.parquet(TestCycle.release(out).resolve("validation_issues/*.parquet"));
    }

    private String observations() {
        return Duck.parquet(TestCycle.release(out).resolve("observations/**/*.parquet"));
    }

    private static String relative(String sourceFile) {
        int i = sourceFile.indexOf("sample-data/");
        return i < 0 ? sourceFile : sourceFile.substring(i + "sample-data/".length());
    }

    @Test
    void findsEveryDeliberateFaultAndNothingElse() throws Exception {
        TreeSet<String> expected = table("## Deliberate faults").stream()
                .map(r -> r.get(0) + ":" + r.get(1) + ":" + r.get(3) + ":" + r.get(4))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(expected.size() >= 15, "the README lists the faults: " + expected);
        TreeSet<String> found = Duck.rows("select source_file, source_line, rule_id, severity from " + issues()).stream()
                .map(r -> relative((String) r.get(0)) + ":" + (r.get(1) == null ? "-" : r.get(1)) + ":" + r.get(2) + ":" + r.get(3))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, found);
    }

    @Test
    void everyKindOfRuleIsTriggeredAtLeastOnce() {
        TreeSet<String> kinds = Duck.rows("select distinct rule_kind from " + issues()).stream()
                .map(r -> (String) r.get(0)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(org.uncts.cts.validate.catalogue.RuleKind.ids()), kinds);
    }

    @Test
    void crossRowFindingsNameTheirFiguresAndEveryLine() {
        List<List<Object>> sum = Duck.rows("select country_iso3, year, value, expected, imbalance, source_lines from " + issues()
                + " where rule_id = 'sum-sex'");
        assertEquals(List.of(List.of("POL", 2020, "Male 188 + Female 72 = 260", "251", 9.0,
                "sample-data/returns/cts2025_homicide.csv: 1780, 1790, 1800")), sum.stream()
                .map(r -> List.of(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), relativeLines((String) r.get(5)))).toList());
        // the rate is recomputed from the count and the reference population: 100,000 x 1245 / 19,658,835
        List<List<Object>> rate = Duck.rows("select imbalance from " + issues() + " where rule_id = 'rate-mismatch'");
        assertEquals(6.52 - 100_000.0 * 1245 / 19_658_835, (Double) rate.get(0).get(0), 1e-9);
    }

    private static String relativeLines(String lines) {
        return lines.replaceAll("[^ ;]*sample-data/", "sample-data/");
    }

    @Test
    void everyCountryWithFindingsHasAFeedbackReport() throws Exception {
        Path reports = TestCycle.release(out).resolve("reports");
        String index = Files.readString(reports.resolve("index.html"));
        for (List<Object> r : Duck.rows("select distinct country_iso3 from " + issues() + " where country_iso3 is not null")) {
            String iso3 = (String) r.get(0);
            assertTrue(index.contains(iso3 + ".html"), "index links " + iso3);
            assertTrue(Files.exists(reports.resolve(iso3 + ".csv")), iso3 + ".csv");
        }
        String pol = Files.readString(reports.resolve("POL.html"));
        assertTrue(pol.contains("add up to 260, but the total is 251"), "POL page has the sum-sex finding");
        String phl = Files.readString(reports.resolve("PHL.html"));
        assertTrue(phl.contains("year-on-year-change") && phl.contains("Please explain"), "PHL is asked to explain its change");
    }

    @Test
    void rowsInEqualRowsAcceptedPlusRowsRejectedForEveryFile() throws Exception {
        String rejected = Duck.parquet(TestCycle.release(out).resolve("rejected_rows/*.parquet"));
        List<List<Object>> perFile = Duck.rows("select f.file, f.rows_read, f.rows_accepted, f.rows_rejected from "
                + "(select unnest(input_files) as f from " + Duck.parquet(out.resolve("runs/*.parquet")) + ") order by 1");
        assertEquals(7, perFile.size());
        long totalRead = 0;
        for (List<Object> f : perFile) {
            String file = (String) f.get(0);
            long read = (Long) f.get(1);
            long accepted = (Long) f.get(2);
            long rejectedRows = (Long) f.get(3);
            assertEquals(read, accepted + rejectedRows, file);
            // an Excel return has no data lines: its CSV twin has one per observation
            Path counted = SAMPLE.resolve(relative(file.endsWith(".xlsx") ? file.replace(".xlsx", "_twin.csv") : file));
            assertEquals(dataRows(counted), read, "rows read of " + file + " = its data lines");
            assertEquals(accepted, Duck.count("select count(*) from " + observations() + " where source_file = '" + file + "'"), file);
            assertEquals(rejectedRows, Duck.count("select count(*) from " + rejected + " where source_file = '" + file + "'"), file);
            totalRead += read;
        }
        assertEquals(6489, totalRead);
        assertEquals(10, Duck.count("select count(*) from " + rejected));
    }

    /** Independent count: non-blank lines after the header line (found by its first column name). */
    static long dataRows(Path file) throws Exception {
        Charset cs = InputFile.inspect(file).charset();
        List<String> lines = Files.readAllLines(file, cs);
        int header = 0;
        while (!lines.get(header).toLowerCase().matches("^\\W*(country|iso3_code|year)\\b.*")) {
            header++;
        }
        return lines.subList(header + 1, lines.size()).stream().filter(l -> !l.isBlank()).count();
    }

    @Test
    void acceptedMessesAreNormalized() throws Exception {
        for (List<String> r : table("## Deliberate messes that are accepted")) {
            String where = " where source_file like '%" + r.get(0) + "' and source_line = " + r.get(1);
            List<List<Object>> got = Duck.rows("select value, obs_status from " + observations() + where);
            assertEquals(1, got.size(), "accepted: " + r);
            String expectation = r.get(4);
            if (expectation.contains("status ")) {
                String status = expectation.replaceAll(".*status ([A-Z]).*", "$1");
                assertEquals(status, got.get(0).get(1), r.toString());
            }
            if (expectation.contains("value null")) {
                assertNull(got.get(0).get(0), r.toString());
            } else if (expectation.contains("value 0")) {
                assertEquals(0.0, got.get(0).get(0));
            } else {
                assertNotNull(got.get(0).get(0), r.toString());
            }
        }
    }

    @Test
    void thousandsSeparatorsGiveThePlainNumber() throws Exception {
        Path file = SAMPLE.resolve("returns/cts2025_offences.csv");
        String line = Files.readAllLines(file, StandardCharsets.UTF_8).get(1331 - 1);
        String quoted = line.replaceAll(".*\"([0-9,]+)\".*", "$1");
        double expected = Double.parseDouble(quoted.replace(",", ""));
        assertTrue(quoted.contains(","), line);
        assertEquals(List.of(List.of(expected)), Duck.rows("select value from " + observations()
                + " where source_file like '%cts2025_offences.csv' and source_line = 1331"));
    }

    @Test
    void theHomicideRateByRegionAndYearComesWithItsCoverage() throws Exception {
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        String catalog = "jdbc:duckdb:" + out.resolve("catalog.duckdb");
        // the question a statistician asks, through the catalog's views
        List<List<Object>> byRegion = Duck.rows(catalog, ro, "select region_name, year, value, countries_reporting, "
                + "countries_in_region, coverage, published from regional_aggregates where formula_id = 'sdg_16_1_1' "
                + "and sex = '_T' and grouping = 'm49_region' order by region_name, year");
        assertEquals(5 * 10, byRegion.size(), "5 M49 regions x 10 years");
        // recomputed independently from the observations and the population: sum of counts / sum of population
        List<List<Object>> africa2020 = Duck.rows(catalog, ro, "select 100000 * sum(o.value) / sum(p.population), count(*) "
                + "from observations o join population p on p.country_iso3 = o.country_iso3 and p.year = o.year and p.sex = o.sex "
                + "where o.indicator = 'victims_intentional_homicide' and o.dimension = 'Total' and o.sex = '_T' "
                + "and o.unit = 'COUNT' and o.year = 2020 and o.region = 'Africa' and o.country_m49 is not null");
        List<Object> row = byRegion.stream().filter(r -> r.get(0).equals("Africa") && r.get(1).equals(2020)).findFirst().orElseThrow();
        assertEquals((Double) africa2020.get(0).get(0), (Double) row.get(2), 1e-9);
        assertEquals(10L, ((Number) africa2020.get(0).get(1)).longValue());
        assertEquals(10, ((Number) row.get(3)).intValue(), "all 10 African countries report");
        // Europe: GBR reports only through its three jurisdictions, which are not counted with it (PRT: the Excel return)
        List<Object> europe = byRegion.stream().filter(r -> r.get(0).equals("Europe") && r.get(1).equals(2020)).findFirst().orElseThrow();
        assertEquals(List.of(9, 10), List.of(((Number) europe.get(3)).intValue(), ((Number) europe.get(4)).intValue()));
        assertTrue((Double) europe.get(5) < 1.0 && (Boolean) europe.get(6), "coverage below 100% but above the threshold");
    }

    @Test
    void theWorldHomicideRateTrendRunsFromItsFirstToItsLastRegionalAggregate() throws Exception {
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        String catalog = "jdbc:duckdb:" + out.resolve("catalog.duckdb");
        List<List<Object>> world = Duck.rows(catalog, ro, "select t.period, t.first_year, t.last_year, t.n_points,"
                + " t.first_value, f.value, t.last_value, l.value, t.ols_annual_pct, t.ols_ci_low, t.ols_ci_high, t.mk_direction"
                + " from regional_trends t"
                + " join regional_aggregates f using (grouping, region_code, formula_id, base_indicator, dimension, category, sex, age)"
                + " join regional_aggregates l using (grouping, region_code, formula_id, base_indicator, dimension, category, sex, age)"
                + " where t.grouping = 'world' and t.formula_id = 'sdg_16_1_1' and t.sex = '_T' and t.age = '_T'"
                + " and f.year = t.first_year and l.year = t.last_year order by t.period");
        assertEquals(List.of("all", "last10", "last5"), world.stream().map(r -> r.get(0)).toList());
        List<Object> all = world.get(0);
        assertEquals(List.of(2015, 2024, 10), all.subList(1, 4), "every year 2015–2024 is published for the World");
        for (List<Object> r : world) {
            assertEquals((Double) r.get(5), (Double) r.get(4), 0.0, "first value = the aggregate of the first year");
            assertEquals((Double) r.get(7), (Double) r.get(6), 0.0, "last value = the aggregate of the last year");
        }
        // the sample's World rate falls, significantly: the interval lies below 0 and Mann-Kendall says so too
        assertTrue((Double) all.get(10) < 0 && (Double) all.get(9) < (Double) all.get(8), all.toString());
        assertEquals("decreasing", all.get(11));
    }

    @Test
    void everyRegionalTrendCountsThePublishedYearsOfItsSeries() throws Exception {
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        String catalog = "jdbc:duckdb:" + out.resolve("catalog.duckdb");
        // per series of the trend formulas: published years and those of them with imputed countries, against the
        // 'all' rows (one per series with a published year: regional series have no segments)
        List<List<Object>> mismatches = Duck.rows(catalog, ro, """
                with a as (select grouping, region_code, formula_id, base_indicator, coalesce(iccs_code, '') as iccs,
                        dimension, category, sex, age,
                        count(value) as published, count(value) filter (where imputation is not null) as imputed
                    from regional_aggregates where formula_id in ('rate_per_100k', 'sdg_16_1_1', 'sdg_16_3_2',
                        'prison_population_rate') group by all having count(value) > 0),
                t as (select *, coalesce(iccs_code, '') as iccs from regional_trends where period = 'all')
                select grouping, region_code, formula_id, base_indicator, iccs, dimension, category, sex, age,
                    a.published, a.imputed, t.n_points, t.n_points_imputed
                from a full join t using (grouping, region_code, formula_id, base_indicator, iccs, dimension, category, sex, age)
                where t.n_points is distinct from a.published or t.n_points_imputed is distinct from a.imputed
                """);
        assertEquals(List.of(), mismatches);
        assertTrue(Duck.rows(catalog, ro, "select 1 from regional_trends where n_points_imputed > 0").size() > 0,
                "some regional points include imputed countries");
    }

    @Test
    void everyDatasetOfAReleaseIsPublishedWithItsViews() throws Exception {
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        List<Object> views = Duck.rows("jdbc:duckdb:" + out.resolve("catalog.duckdb"), ro,
                "select view_name from duckdb_views() where not internal").stream().map(r -> r.get(0)).toList();
        for (var d : org.uncts.cts.publish.ReleaseData.datasets(TestCycle.release(out))) {
            assertTrue(views.contains(d.view()), d.view());
            assertTrue(PublishTasklet.DATASETS.contains(d.view()), d.view() + " is kept when the release is published");
            assertTrue(Files.isDirectory(TestCycle.release(out).resolve(d.view())), d.view());
        }
        for (String name : PublishTasklet.VINTAGE_DATASETS) {
            assertTrue(views.contains("all_" + name), name);
        }
        assertTrue(views.containsAll(List.of("trends", "trend_years", "regional_trends", "regional_trend_years",
                "all_regional_trends", "all_regional_trend_years")), views.toString());
    }

    @Test
    void theCatalogAnswersByDatasetName() throws Exception {
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("catalog.duckdb"), ro);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select count(*) from observations")) {
                rs.next();
                assertEquals(6479, rs.getLong(1));
            }
            // values, not just counts: a homicide count as written in the return
            try (ResultSet rs = st.executeQuery("select country_m49, region, value, obs_status, source_line from observations "
                    + "where country_iso3 = 'GBR_E_W' and year = 2020 and sex = '_T' and unit = 'COUNT'")) {
                assertTrue(rs.next());
                assertNull(rs.getString(1), "sub-national areas have no M49 code");
                assertEquals("Europe", rs.getString(2));
                long line = rs.getLong(5);
                String raw = Files.readAllLines(SAMPLE.resolve("returns/dataunodc_homicide_extract.csv"), StandardCharsets.UTF_8)
                        .get((int) line - 1);
                assertTrue(raw.startsWith("GBR_E_W,"), raw);
                assertTrue(raw.contains(",Counts," + (long) rs.getDouble(3) + ","), raw + " vs " + rs.getDouble(3));
                assertFalse(rs.next());
            }
            for (String view : List.of("rejected_rows", "validation_issues", "runs")) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + view)) {
                    rs.next();
                    assertTrue(rs.getLong(1) > 0, view);
                }
            }
        }
    }

    @Test
    void publishedObservationColumnsMatchTheSchemaUsedForEmptyViews() throws Exception {
        Path empty = dir.resolve("empty-observations.parquet");
        org.uncts.cts.store.ParquetPart.write(empty, org.uncts.cts.publish.PublishedSchemas.OBSERVATION, List.of());
        String describe = "select column_name, column_type from (describe select * from %s) order by all";
        assertEquals(Duck.rows(describe.formatted(Duck.parquet(empty))),
                Duck.rows(describe.formatted("read_parquet('" + TestCycle.release(out).resolve("observations") + "/**/*.parquet', hive_partitioning = false)")));
    }

    /** The typed empty views of rejected_rows and validation_issues have the published files' columns, source_cell included. */
    @Test
    void publishedRejectedRowsAndFindingsColumnsMatchTheirSchemas() throws Exception {
        String describe = "select column_name, column_type from (describe select * from %s)";
        for (var d : List.of(
                java.util.Map.entry("rejected_rows", org.uncts.cts.store.StagingSchemas.REJECTED_ROW),
                java.util.Map.entry("validation_issues", org.uncts.cts.publish.PublishedSchemas.VALIDATION_ISSUE))) {
            Path empty = dir.resolve("empty-" + d.getKey() + ".parquet");
            org.uncts.cts.store.ParquetPart.write(empty, d.getValue(), List.of());
            List<List<Object>> published = Duck.rows(describe.formatted(Duck.parquet(TestCycle.release(out).resolve(d.getKey() + "/*.parquet"))));
            assertEquals(Duck.rows(describe.formatted(Duck.parquet(empty))), published, d.getKey());
            assertTrue(published.contains(List.of("source_cell", "VARCHAR")), d.getKey() + ": " + published);
        }
    }

    @Test
    void theDataUnodcExtractIsReadWhole() {
        String f = "'%dataunodc_homicide_extract.csv'";
        assertEquals(0, Duck.count("select count(*) from " + Duck.parquet(TestCycle.release(out).resolve("rejected_rows/*.parquet"))
                + " where source_file like " + f));
        assertEquals(240, Duck.count("select count(*) from " + observations() + " where source_file like " + f));
        assertTrue(Duck.count("select count(*) from " + observations() + " where source_file like " + f
                + " and unit = 'RATE_PER_100K' and iccs_code = '0101'") > 0);
    }

    @Test
    void everyObservationKeepsItsProvenance() throws Exception {
        assertEquals(0, Duck.count("select count(*) from " + observations()
                + " where source_sha256 is null or source_line < 2 or run_id <> " + run.runId()));
        Path homicide = SAMPLE.resolve("returns/cts2025_homicide.csv");
        assertEquals(List.of(List.of(InputFile.inspect(homicide).sha256())), Duck.rows("select distinct source_sha256 from "
                + observations() + " where source_file like '%cts2025_homicide.csv'"));
    }
}
