package org.uncts.cts.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.testing.Duck;

/** End to end: a hand-built indicators Parquet file (written by DuckDB), trends and trend_years read back. */
class TrendsDatasetTest {

    @TempDir
    Path dir;

    static final double EXACT = 1e-9;

    /** One indicators row with the INDICATOR column types, as SQL. */
    static String row(String formula, String iso3, int year, String value, String status) {
        String series = formula + "|" + iso3 + "|Total|_T|_T";
        return "(7::BIGINT, '" + formula + "', '" + iso3 + "', " + year + "::INTEGER, 'victims_intentional_homicide', "
                + "'0101', 'Total', 'Total', '_T', '_T', " + value + "::DOUBLE, 'RATE_PER_100K', NULL::DOUBLE, "
                + "NULL::DOUBLE, NULL, NULL, '" + status + "', NULL, '" + series + "')";
    }

    Path indicators() {
        Path file = dir.resolve("indicators.parquet");
        // Rows deliberately out of order: the reader sorts by series_id, year.
        List<String> rows = List.of(
                // AUT, rate_per_100k: 2.0, 2.2, 2.42 (2008–2010), 2011 missing (O, null), break B in 2012: 2, 1, 1.5, 1.2
                row("rate_per_100k", "AUT", 2013, "1.0", "A"),
                row("rate_per_100k", "AUT", 2008, "2.0", "A"),
                row("rate_per_100k", "AUT", 2009, "2.2", "A"),
                row("rate_per_100k", "AUT", 2010, "2.42", "E"),
                row("rate_per_100k", "AUT", 2011, "NULL", "O"),
                row("rate_per_100k", "AUT", 2012, "2.0", "B"),
                row("rate_per_100k", "AUT", 2014, "1.5", "A"),
                row("rate_per_100k", "AUT", 2015, "1.2", "A"),
                // DEU, prison_population_rate: 0, 5, 10 (2010–2012): no log fit, no % change from 0
                row("prison_population_rate", "DEU", 2012, "10", "A"),
                row("prison_population_rate", "DEU", 2010, "0", "A"),
                row("prison_population_rate", "DEU", 2011, "5", "A"),
                // ITA, a formula not selected
                row("share_of_total", "ITA", 2010, "1", "A"),
                row("share_of_total", "ITA", 2011, "2", "A"),
                row("share_of_total", "ITA", 2012, "3", "A"));
        Duck.execute("COPY (SELECT * FROM (VALUES " + String.join(", ", rows) + ") AS t(run_id, formula_id, country_iso3, "
                + "year, base_indicator, iccs_code, dimension, category, sex, age, value, unit, numerator, denominator, "
                + "numerator_series, denominator_source, obs_status, note, series_id)) TO '" + file + "' (FORMAT parquet)");
        return file;
    }

    static List<Object> r(Object... v) {
        return Arrays.asList(v);
    }

    @Test
    void writesOneRowPerSeriesPeriodAndSegment() {
        Path trends = dir.resolve("out/trends.parquet");
        Path years = dir.resolve("out/trend_years.parquet");
        TrendsDataset.Result result = TrendsDataset.write(indicators().toString(), trends, years, 42,
                TrendsDataset.Config.defaults());

        assertEquals(2, result.series());
        // AUT: all ×2 segments, last5 (2011–2015) ×1, last10 (2006–2015) ×2; DEU: all, last5, last10
        assertEquals(8, result.trendRows());
        assertEquals(7 + 3, result.yearRows());
        assertFalse(Files.exists(dir.resolve("out/trends.parquet.tmp")));

        String t = Duck.parquet(trends);
        assertEquals(List.of(
                        r("AUT", "all", null, 2008, 2008, 2010, 3),
                        r("AUT", "all", null, 2012, 2012, 2015, 4),
                        r("AUT", "last10", 10, 2008, 2008, 2010, 3),
                        r("AUT", "last10", 10, 2012, 2012, 2015, 4),
                        r("AUT", "last5", 5, 2012, 2012, 2015, 4),
                        r("DEU", "all", null, 2010, 2010, 2012, 3),
                        r("DEU", "last10", 10, 2010, 2010, 2012, 3),
                        r("DEU", "last5", 5, 2010, 2010, 2012, 3)),
                Duck.rows("SELECT country_iso3, period, window_years, segment_start, first_year, last_year, n_points FROM "
                        + t + " ORDER BY country_iso3, period, segment_start"));

        // AUT 2008–2010: 2, 2.2, 2.42. % change 100·0.42/2 = 21; CAGR (1.21)^(1/2) − 1 = 10%; ln x rises by ln 1.1
        // exactly, so the OLS annual % is 10; Theil-Sen slopes 0.2, 0.21, 0.22 → 0.21; MK S = 3, Var = 3·2·11/18.
        List<Object> a = Duck.rows("SELECT run_id, pct_change, index_last, cagr_pct, ols_annual_pct, theil_sen_slope, mk_s, "
                + "mk_var_s, note, formula_id, base_indicator, iccs_code, unit FROM " + t
                + " WHERE country_iso3 = 'AUT' AND period = 'all' AND segment_start = 2008").get(0);
        assertEquals(42L, a.get(0));
        assertEquals(21.0, (Double) a.get(1), EXACT);
        assertEquals(121.0, (Double) a.get(2), EXACT);
        assertEquals(10.0, (Double) a.get(3), EXACT);
        assertEquals(10.0, (Double) a.get(4), EXACT);
        assertEquals(0.21, (Double) a.get(5), EXACT);
        assertEquals(3L, a.get(6));
        assertEquals(66.0 / 18, (Double) a.get(7), EXACT);
        assertNull(a.get(8));
        assertEquals(List.of("rate_per_100k", "victims_intentional_homicide", "0101", "RATE_PER_100K"), a.subList(9, 13));

        // AUT after the break, 2012–2015: 2, 1, 1.5, 1.2. % change 100·(1.2 − 2)/2 = −40; CAGR 0.6^(1/3) − 1 =
        // −15.6567334698251…% (0.6^(1/3) = 0.843432665301749, Python decimal); pairwise slopes −1, −0.25, −0.8/3, 0.5, 0.1, −0.3 → median (−0.8/3 − 0.25)/2 = −31/120;
        // MK: S = −3 + 2 − 1 = −2, Var = 4·3·13/18 = 156/18, Z = (−2 + 1)/√(156/18).
        List<Object> b = Duck.rows("SELECT pct_change, cagr_pct, theil_sen_slope, mk_s, mk_var_s, mk_z FROM " + t
                + " WHERE country_iso3 = 'AUT' AND period = 'last5'").get(0);
        assertEquals(-40.0, (Double) b.get(0), EXACT);
        assertEquals(100 * (Math.cbrt(0.6) - 1), (Double) b.get(1), EXACT);
        assertEquals(-15.6567334698251, (Double) b.get(1), 1e-10);
        assertEquals(-31.0 / 120, (Double) b.get(2), EXACT);
        assertEquals(-2L, b.get(3));
        assertEquals(156.0 / 18, (Double) b.get(4), EXACT);
        assertEquals(-1 / Math.sqrt(156.0 / 18), (Double) b.get(5), EXACT);

        // DEU 0, 5, 10: nothing relative to 0 or on a log scale; Theil-Sen 5 a year, MK S = 3
        List<Object> d = Duck.rows("SELECT pct_change, cagr_pct, ols_annual_pct, ols_ci_low, theil_sen_slope, mk_s, note FROM "
                + t + " WHERE country_iso3 = 'DEU' AND period = 'all'").get(0);
        assertEquals(r(null, null, null, null, 5.0, 3L,
                "change: first value is 0; ols: value 0.0 in 2010 is not > 0, no log-linear fit"), d);
    }

    @Test
    void yearLevelFiguresStayInsideTheirSegment() {
        Path trends = dir.resolve("trends.parquet");
        Path years = dir.resolve("trend_years.parquet");
        TrendsDataset.write(indicators().toString(), trends, years, 1, TrendsDataset.Config.defaults());

        // AUT: yoy 2009 = 10, 2010 = 10; 2012 none (break, and 2011 is a gap); 2013 −50, 2014 +50, 2015 −20.
        // index against the segment's first year: 100, 110, 121 | 100, 50, 75, 60.
        // centred means: 2009 (2 + 2.2 + 2.42)/3 = 6.62/3; 2013 (2 + 1 + 1.5)/3 = 1.5; 2014 (1 + 1.5 + 1.2)/3 = 3.7/3.
        List<List<Object>> rows = Duck.rows("SELECT segment_start, year, value, obs_status, yoy_pct, index_segment, "
                + "moving_avg_3 FROM " + Duck.parquet(years) + " WHERE country_iso3 = 'AUT' ORDER BY year");
        assertEquals(List.of(2008, 2009, 2010, 2012, 2013, 2014, 2015), rows.stream().map(x -> x.get(1)).toList());
        assertEquals(List.of(2008, 2008, 2008, 2012, 2012, 2012, 2012), rows.stream().map(x -> x.get(0)).toList());
        assertEquals(List.of("A", "A", "E", "B", "A", "A", "A"), rows.stream().map(x -> x.get(3)).toList());
        Double[] yoy = {null, 10.0, 10.0, null, -50.0, 50.0, -20.0};
        Double[] index = {100.0, 110.0, 121.0, 100.0, 50.0, 75.0, 60.0};
        Double[] ma = {null, 6.62 / 3, null, null, 1.5, 3.7 / 3, null};
        for (int i = 0; i < rows.size(); i++) {
            assertClose(yoy[i], rows.get(i).get(4), "yoy " + i);
            assertClose(index[i], rows.get(i).get(5), "index " + i);
            assertClose(ma[i], rows.get(i).get(6), "moving average " + i);
        }
        assertEquals(0L, Duck.count("SELECT count(*) FROM " + Duck.parquet(years) + " WHERE country_iso3 = 'ITA'"));
    }

    static void assertClose(Double expected, Object actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
        } else {
            assertEquals(expected, (Double) actual, 1e-9, what);
        }
    }

    @Test
    void configChoosesFormulasAndWindows() {
        Path trends = dir.resolve("trends.parquet");
        TrendsDataset.Result res = TrendsDataset.write(indicators().toString(), trends, dir.resolve("y.parquet"), 1,
                new TrendsDataset.Config(Set.of("share_of_total"), List.of(2)));
        assertEquals(1, res.series());
        // ITA 2010–2012: all (3 points) and last2 (2011–2012, 2 points)
        // 1, 2, 3: S = 3, Var = 3·2·11/18, Z = 2/√(11/3) = 1.04, p = 0.30; two points: no test, no direction
        assertEquals(List.of(r("all", 3, "no significant trend"), r("last2", 2, null)),
                Duck.rows("SELECT period, n_points, mk_direction FROM " + Duck.parquet(trends) + " ORDER BY period"));
        assertThrows(IllegalArgumentException.class, () -> new TrendsDataset.Config(Set.of(), List.of(5)));
        assertThrows(IllegalArgumentException.class, () -> new TrendsDataset.Config(Set.of("x"), List.of(5, 5)));
    }

    @Test
    void columnTypesForDuckDb() {
        Path trends = dir.resolve("trends.parquet");
        Path years = dir.resolve("trend_years.parquet");
        TrendsDataset.write(indicators().toString(), trends, years, 1, TrendsDataset.Config.defaults());
        List<List<Object>> cols = Duck.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
                + Duck.parquet(trends) + ")");
        assertEquals(TrendsSchemas.TRENDS.getFields().size(), cols.size());
        assertTrue(cols.contains(r("mk_s", "BIGINT")));
        assertTrue(cols.contains(r("n_points", "INTEGER")));
        assertTrue(cols.contains(r("ols_ci_low", "DOUBLE")));
        assertTrue(cols.contains(r("period", "VARCHAR")));
        assertTrue(cols.contains(r("mk_direction", "VARCHAR")));
        assertEquals(TrendsSchemas.TREND_YEARS.getFields().size(),
                Duck.rows("DESCRIBE SELECT * FROM " + Duck.parquet(years)).size());
    }

    @Test
    void twoRowsForOneSeriesAndYearAreAnError() {
        Path file = dir.resolve("dup.parquet");
        Duck.execute("COPY (SELECT * FROM (VALUES " + row("rate_per_100k", "AUT", 2010, "1", "A") + ", "
                + row("rate_per_100k", "AUT", 2010, "2", "A") + ") AS t(run_id, formula_id, country_iso3, "
                + "year, base_indicator, iccs_code, dimension, category, sex, age, value, unit, numerator, denominator, "
                + "numerator_series, denominator_source, obs_status, note, series_id)) TO '" + file + "' (FORMAT parquet)");
        Path trends = dir.resolve("t.parquet");
        assertThrows(IllegalStateException.class, () -> TrendsDataset.write(file.toString(), trends,
                dir.resolve("y.parquet"), 1, TrendsDataset.Config.defaults()));
        assertFalse(Files.exists(trends));
    }
}
