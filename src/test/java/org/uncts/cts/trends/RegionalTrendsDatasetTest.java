package org.uncts.cts.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.testing.Duck;
import org.uncts.cts.trends.TrendStatistics.Point;
import org.uncts.cts.trends.TrendStatistics.Summary;

/**
 * A hand-built regional_aggregates file (the columns the trends read, written by DuckDB), its regional_trends and
 * regional_trend_years read back.
 *
 * <pre>
 * series (sdg_16_1_1 unless said)    years        published values                       imputation
 * world 001 _T                       2010–2020    6 7 1 2 3 4 5 8 10 9, 2020 unpublished   2010, 2011 (and 2020)
 * world 001 sex M                    2010–2011    1 2
 * sdg_region 513                     2010–2021    5 1 1 2 2 2 3 3 4 1 6 7
 * m49_region 150 Europe              2010–2019    9 10 8 5 4 3 2 1 7 6
 * m49_region 002 Africa              2010–2013    2, 2011 unpublished, 2.42, 2.662        2011, 2012
 * m49_region 019 Americas            2010–2011    none published
 * world 001 sdg_16_3_2 (no ICCS)     2010–2012    30 31 32
 * world 001 police_per_100k          2010–2012    1 2 3 (not a trends formula)
 * </pre>
 */
class RegionalTrendsDatasetTest {

    static final double EXACT = 1e-9;

    @TempDir
    Path dir;

    Path aggregates;
    Path trends;
    Path years;

    /** One regional_aggregates row: value null means not published. */
    static String row(String grouping, String code, String name, String formula, String sex, int year, Double value,
                      String imputation) {
        String iccs = formula.equals("sdg_16_3_2") ? "NULL" : "'0101'";
        String unit = formula.equals("sdg_16_3_2") ? "percent" : "per 100,000 population";
        return "(3::BIGINT, '" + grouping + "', '" + code + "', '" + name + "', '" + formula + "', "
                + "'victims_intentional_homicide', " + iccs + "::VARCHAR, 'total', '_T', '" + sex + "', '_T', "
                + year + "::INTEGER, " + (value == null ? "NULL" : value) + "::DOUBLE, '" + unit + "', "
                + (value != null) + ", " + (imputation == null ? "NULL" : "'" + imputation + "'") + "::VARCHAR)";
    }

    /** Rows of one series from {@code firstYear}, one value per year (null = unpublished). */
    static List<String> series(String grouping, String code, String name, String formula, String sex, int firstYear,
                               Double... values) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rows.add(row(grouping, code, name, formula, sex, firstYear + i, values[i], null));
        }
        return rows;
    }

    @BeforeEach
    void write() {
        aggregates = dir.resolve("regional_aggregates.parquet");
        List<String> rows = new ArrayList<>();
        // World: 2010 and 2011 include imputed countries; 2020 too, but it is not published
        rows.add(row("world", "001", "World", "sdg_16_1_1", "_T", 2010, 6.0, "carry_backward:1"));
        rows.add(row("world", "001", "World", "sdg_16_1_1", "_T", 2011, 7.0, "interpolation:1;carry_backward:1"));
        rows.addAll(series("world", "001", "World", "sdg_16_1_1", "_T", 2012, 1.0, 2.0, 3.0, 4.0, 5.0, 8.0, 10.0, 9.0));
        rows.add(row("world", "001", "World", "sdg_16_1_1", "_T", 2020, null, "carry_forward:2"));
        rows.addAll(series("world", "001", "World", "sdg_16_1_1", "M", 2010, 1.0, 2.0));
        rows.addAll(series("sdg_region", "513", "Europe and Northern America", "sdg_16_1_1", "_T", 2010,
                5.0, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 4.0, 1.0, 6.0, 7.0));
        rows.addAll(series("m49_region", "150", "Europe", "sdg_16_1_1", "_T", 2010,
                9.0, 10.0, 8.0, 5.0, 4.0, 3.0, 2.0, 1.0, 7.0, 6.0));
        rows.add(row("m49_region", "002", "Africa", "sdg_16_1_1", "_T", 2010, 2.0, null));
        rows.add(row("m49_region", "002", "Africa", "sdg_16_1_1", "_T", 2011, null, "interpolation:1"));
        rows.add(row("m49_region", "002", "Africa", "sdg_16_1_1", "_T", 2012, 2.42, "interpolation:1"));
        rows.add(row("m49_region", "002", "Africa", "sdg_16_1_1", "_T", 2013, 2.662, null));
        rows.addAll(series("m49_region", "019", "Americas", "sdg_16_1_1", "_T", 2010, null, null));
        rows.addAll(series("world", "001", "World", "sdg_16_3_2", "_T", 2010, 30.0, 31.0, 32.0));
        rows.addAll(series("world", "001", "World", "police_per_100k", "_T", 2010, 1.0, 2.0, 3.0));
        // shuffled: the reader orders the rows itself
        List<String> shuffled = new ArrayList<>(rows);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        Duck.execute("COPY (SELECT * FROM (VALUES " + String.join(", ", shuffled) + ") AS t(run_id, grouping, "
                + "region_code, region_name, formula_id, base_indicator, iccs_code, dimension, category, sex, age, year, "
                + "value, unit, published, imputation)) TO '" + aggregates + "' (FORMAT parquet)");
        trends = RegionalTrendsDataset.trendsFile(dir.resolve("out"));
        years = RegionalTrendsDataset.yearsFile(dir.resolve("out"));
    }

    TrendsDataset.Result run() {
        return RegionalTrendsDataset.write(aggregates.toString(), trends, years, 42, TrendsDataset.Config.defaults());
    }

    /** The regional_trends row of a grouping, region, sex and period, by column name. */
    Map<String, Object> trend(String grouping, String region, String formula, String sex, String period) {
        List<List<Object>> rows = Duck.rows("SELECT * FROM " + Duck.parquet(trends) + " WHERE grouping = '" + grouping
                + "' AND region_code = '" + region + "' AND formula_id = '" + formula + "' AND sex = '" + sex
                + "' AND period = '" + period + "'");
        assertEquals(1, rows.size(), grouping + " " + region + " " + sex + " " + period);
        return byName(TrendsSchemas.REGIONAL_TRENDS, rows.get(0));
    }

    Map<String, Object> homicide(String grouping, String region, String period) {
        return trend(grouping, region, "sdg_16_1_1", "_T", period);
    }

    static Map<String, Object> byName(Schema schema, List<Object> row) {
        Map<String, Object> out = new HashMap<>();
        List<Schema.Field> fields = schema.getFields();
        for (int i = 0; i < fields.size(); i++) {
            out.put(fields.get(i).name(), row.get(i));
        }
        return out;
    }

    static List<Point> points(int firstYear, double... values) {
        return TrendStatisticsTest.points(firstYear, values);
    }

    @Test
    void oneRowPerRegionalSeriesAndPeriod() {
        TrendsDataset.Result result = run();
        // selected formulas: 6 sdg_16_1_1 series (Americas has no published year) and sdg_16_3_2; police is not a
        // trends formula
        assertEquals(7, result.series());
        // 6 series with points × (all, last5, last10): no segments, so one row per period
        assertEquals(18, result.trendRows());
        assertEquals(10 + 2 + 12 + 10 + 3 + 3, result.yearRows());
        assertFalse(Files.exists(trends.resolveSibling(trends.getFileName() + ".tmp")));
        assertEquals(0L, Duck.count("SELECT count(*) FROM " + Duck.parquet(trends)
                + " WHERE formula_id = 'police_per_100k' OR region_code = '019'"));

        Map<String, Object> w = homicide("world", "001", "all");
        assertEquals(42L, w.get("run_id"));
        assertEquals(List.of("World", "victims_intentional_homicide", "0101", "total", "_T", "_T", "per 100,000 population"),
                Arrays.asList(w.get("region_name"), w.get("base_indicator"), w.get("iccs_code"), w.get("dimension"),
                        w.get("age"), w.get("category"), w.get("unit")));
        // the 16.3.2 series has no ICCS code: a null key column still makes one series
        assertNull(trend("world", "001", "sdg_16_3_2", "_T", "all").get("iccs_code"));
        assertEquals(3, trend("world", "001", "sdg_16_3_2", "_T", "all").get("n_points"));
    }

    @Test
    void statisticsEqualTrendStatisticsOnThePublishedPoints() {
        run();
        // segment_start is the series' first published year in every period: one segment
        assertSameAs(TrendStatistics.summarize(points(2010, 6, 7, 1, 2, 3, 4, 5, 8, 10, 9)), 2010,
                homicide("world", "001", "all"));
        assertSameAs(TrendStatistics.summarize(points(2015, 4, 5, 8, 10, 9)), 2010, homicide("world", "001", "last5"));
        assertSameAs(TrendStatistics.summarize(points(2010, 9, 10, 8, 5, 4, 3, 2, 1, 7, 6)), 2010,
                homicide("m49_region", "150", "all"));
        assertSameAs(TrendStatistics.summarize(points(2012, 1, 2, 2, 2, 3, 3, 4, 1, 6, 7)), 2010,
                homicide("sdg_region", "513", "last10"));
        assertSameAs(TrendStatistics.summarize(List.of(new Point(2010, 2), new Point(2012, 2.42), new Point(2013, 2.662))),
                2010, homicide("m49_region", "002", "all"));
    }

    /** Every statistic column against the Summary computed directly on the same points. */
    static void assertSameAs(Summary s, int segmentStart, Map<String, Object> row) {
        assertEquals(s.n(), row.get("n_points"));
        assertEquals(segmentStart, row.get("segment_start"));
        assertEquals(s.change().firstYear(), row.get("first_year"));
        assertEquals(s.change().lastYear(), row.get("last_year"));
        assertEquals(s.change().firstValue(), row.get("first_value"));
        assertEquals(s.change().lastValue(), row.get("last_value"));
        assertEquals(s.change().pctChange(), row.get("pct_change"));
        assertEquals(s.change().cagrPct(), row.get("cagr_pct"));
        assertEquals(s.ols().slope(), row.get("ols_log_slope"));
        assertEquals(s.ols().annualPct(), row.get("ols_annual_pct"));
        assertEquals(s.ols().ciLowPct(), row.get("ols_ci_low"));
        assertEquals(s.ols().ciHighPct(), row.get("ols_ci_high"));
        assertEquals(s.theilSen().slope(), row.get("theil_sen_slope"));
        assertEquals(s.mannKendall().s(), row.get("mk_s"));
        assertEquals(s.mannKendall().varS(), row.get("mk_var_s"));
        assertEquals(s.mannKendall().p(), row.get("mk_p"));
        assertEquals(s.mannKendall().direction(), row.get("mk_direction"));
        assertEquals(s.notes(), row.get("note"));
    }

    @Test
    void anUnpublishedYearIsAGapNotAZero() {
        run();
        // Africa 2010 2, 2011 unpublished, 2012 2.42, 2013 2.662: ln x = ln 2 + (y − 2010)·ln 1.1 exactly, so the
        // OLS on the three published years gives 10.000% a year with a zero-width interval. Were 2011 a zero, there
        // would be 4 points and no log-linear fit at all.
        Map<String, Object> africa = homicide("m49_region", "002", "all");
        assertEquals(3, africa.get("n_points"));
        assertEquals(2010, africa.get("first_year"));
        assertEquals(2013, africa.get("last_year"));
        assertEquals(10.0, (Double) africa.get("ols_annual_pct"), 1e-9);
        assertEquals(10.0, (Double) africa.get("ols_ci_low"), 1e-6);
        assertEquals(10.0, (Double) africa.get("ols_ci_high"), 1e-6);
        assertEquals(33.1, (Double) africa.get("pct_change"), 1e-9);
        assertNull(africa.get("note"));

        // World 2020 is not published: the series ends in 2019, and so do its windows (last5 = 2015–2019)
        Map<String, Object> last5 = homicide("world", "001", "last5");
        assertEquals(List.of(2015, 2019, 5, 5), List.of(last5.get("first_year"), last5.get("last_year"),
                last5.get("n_points"), last5.get("window_years")));

        // year rows: published years only; 2012's year-on-year change is null (2011 is a gap), 2013's is 10%
        List<List<Object>> y = Duck.rows("SELECT year, value, segment_start, yoy_pct, index_segment, imputation FROM "
                + Duck.parquet(years) + " WHERE region_code = '002' ORDER BY year");
        assertEquals(List.of(2010, 2012, 2013), y.stream().map(r -> r.get(0)).toList());
        assertEquals(List.of(2010, 2010, 2010), y.stream().map(r -> r.get(2)).toList());
        assertNull(y.get(1).get(3));
        assertEquals(10.0, (Double) y.get(2).get(3), 1e-9);
        assertEquals(121.0, (Double) y.get(1).get(4), 1e-9);
        assertEquals(Arrays.asList(null, "interpolation:1", null), y.stream().map(r -> r.get(5)).toList());
        assertEquals(0L, Duck.count("SELECT count(*) FROM " + Duck.parquet(years) + " WHERE value IS NULL"));
        assertEquals(0L, Duck.count("SELECT count(*) FROM " + Duck.parquet(years) + " WHERE region_code = '001' AND year = 2020"));
    }

    @Test
    void pointsWithImputedCountriesAreCounted() {
        run();
        // World: 2010 and 2011 published with imputed countries; 2020 has some too but is not a point
        assertEquals(2, homicide("world", "001", "all").get("n_points_imputed"));
        assertEquals(2, homicide("world", "001", "last10").get("n_points_imputed"));
        assertEquals(0, homicide("world", "001", "last5").get("n_points_imputed"));
        // Africa: 2012 counts, 2011 (unpublished) does not
        assertEquals(1, homicide("m49_region", "002", "all").get("n_points_imputed"));
        assertEquals(0, homicide("m49_region", "150", "all").get("n_points_imputed"));
    }

    @Test
    void mannKendallDirectionOfEachRegion() {
        run();
        // World: S = 23, p = 0.0491 (TrendStatisticsTest: just below 0.05); Europe: the same values backwards
        assertEquals("increasing", homicide("world", "001", "all").get("mk_direction"));
        assertEquals(0.0490980, (Double) homicide("world", "001", "all").get("mk_p"), 1e-6);
        assertEquals("decreasing", homicide("m49_region", "150", "all").get("mk_direction"));
        // Europe and Northern America: S = 29 but p = 0.0501 with its ties: just above
        assertEquals("no significant trend", homicide("sdg_region", "513", "all").get("mk_direction"));
        assertEquals(0.0501371, (Double) homicide("sdg_region", "513", "all").get("mk_p"), 1e-6);
        // Africa: 3 points, S = 3, p = 0.30; World, men: 2 points, no test
        assertEquals("no significant trend", homicide("m49_region", "002", "all").get("mk_direction"));
        Map<String, Object> men = trend("world", "001", "sdg_16_1_1", "M", "all");
        assertNull(men.get("mk_direction"));
        assertEquals("ols: fewer than 3 points; mann-kendall: fewer than 3 points", men.get("note"));
    }

    @Test
    void columnTypesForDuckDb() {
        run();
        List<List<Object>> cols = Duck.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
                + Duck.parquet(trends) + ")");
        assertEquals(TrendsSchemas.REGIONAL_TRENDS.getFields().size(), cols.size());
        assertTrue(cols.contains(List.of("n_points_imputed", "INTEGER")));
        assertTrue(cols.contains(List.of("mk_direction", "VARCHAR")));
        assertTrue(cols.contains(List.of("region_name", "VARCHAR")));
        assertEquals(TrendsSchemas.REGIONAL_TREND_YEARS.getFields().size(),
                Duck.rows("DESCRIBE SELECT * FROM " + Duck.parquet(years)).size());
        // the country and regional trends share every column after their keys but n_points_imputed
        List<String> country = TrendsSchemas.TRENDS.getFields().stream().map(Schema.Field::name)
                .dropWhile(n -> !n.equals("period")).toList();
        List<String> regional = TrendsSchemas.REGIONAL_TRENDS.getFields().stream().map(Schema.Field::name)
                .dropWhile(n -> !n.equals("period")).filter(n -> !n.equals("n_points_imputed")).toList();
        assertEquals(country, regional);
    }

    @Test
    void twoRowsForOneRegionAndYearAreAnError() {
        Path dup = dir.resolve("dup.parquet");
        Duck.execute("COPY (SELECT * FROM (VALUES " + row("world", "001", "World", "sdg_16_1_1", "_T", 2010, 1.0, null)
                + ", " + row("world", "001", "World", "sdg_16_1_1", "_T", 2010, 2.0, null) + ") AS t(run_id, grouping, "
                + "region_code, region_name, formula_id, base_indicator, iccs_code, dimension, category, sex, age, year, "
                + "value, unit, published, imputation)) TO '" + dup + "' (FORMAT parquet)");
        assertThrows(IllegalStateException.class, () -> RegionalTrendsDataset.write(dup.toString(), trends, years, 1,
                TrendsDataset.Config.defaults()));
        assertFalse(Files.exists(trends));
    }
}
