package org.uncts.cts.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.testing.Duck;
import org.uncts.cts.trends.RegionalTrendsDataset;
import org.uncts.cts.trends.TrendsDataset;

/**
 * A tiny world with hand-computed answers; tolerance 1e-9 on every number.
 *
 * <pre>
 * country  M49 region / sub-region (intermediate)       SDG region                    population (all years, sex _T)
 * AAA      150 Europe / 154 Northern Europe              513 Europe and Northern Am.   1,000,000
 * BBB      150 Europe / 039 Southern Europe              513                           2,000,000
 * CCC      150 Europe / 155 Western Europe               513                           1,000,000
 * CCC_X    sub-national part of CCC (no M49 code)        excluded                        500,000
 * DDD      002 Africa / 202 Sub-Saharan (014 Eastern)    202 Sub-Saharan Africa        4,000,000
 * EEE      002 Africa / 015 Northern Africa              747 N. Africa and W. Asia     1,000,000
 * FFF      019 Americas / 021 Northern America           513                           5,000,000
 *
 * sdg_16_1_1 victims (rate per 100,000 = N / P × 100,000)
 *          2020        2021                 2022
 * AAA      10 (1.0)    -  interpolated 2.0  30 (3.0)
 * BBB      40 (2.0)    60 (3.0)             -  carried forward 3.0 → N 60
 * CCC      (999 flagged I upstream: ignored; otherwise no data)
 * CCC_X    100         100                  100   (sub-national: never aggregated)
 * DDD      -  carried backward 3.0 → 120   -  carried backward   120 (3.0)
 * EEE      5 (0.5)     6 (0.6)              7 (0.7)
 * FFF      50 (1.0)    100 (2.0)            150 (3.0)
 *
 * sdg_16_3_2 (unsentenced / held × 100): AAA 2020 30/100; BBB 2020 10/300, 2021 20/300.
 * </pre>
 */
class RegionalAggregationTest {

    static final double TOL = 1e-9;

    @TempDir
    Path dir;

    Path indicators;
    Path population;
    Path countries;

    @BeforeEach
    void world() {
        countries = dir.resolve("countries.parquet");
        population = dir.resolve("population.parquet");
        indicators = dir.resolve("indicators.parquet");
        Duck.execute("COPY (SELECT * FROM (VALUES"
                + " ('AAA','901','Aland','150','Europe','154','Northern Europe',NULL,NULL,NULL),"
                + " ('BBB','902','Bland','150','Europe','039','Southern Europe',NULL,NULL,NULL),"
                + " ('CCC','903','Cland','150','Europe','155','Western Europe',NULL,NULL,NULL),"
                + " ('CCC_X',NULL,'Cland (X)','150','Europe','155','Western Europe',NULL,NULL,'CCC'),"
                + " ('DDD','904','Dland','002','Africa','202','Sub-Saharan Africa','014','Eastern Africa',NULL),"
                + " ('EEE','905','Eland','002','Africa','015','Northern Africa',NULL,NULL,NULL),"
                + " ('FFF','906','Fland','019','Americas','021','Northern America',NULL,NULL,NULL)"
                + ") t(iso3, m49, name, region_code, region, subregion_code, subregion, intermediate_region_code,"
                + " intermediate_region, parent_iso3)) TO '" + countries + "' (FORMAT parquet)");
        Duck.execute("COPY (SELECT c.iso3 AS country_iso3, y.year::INTEGER AS year, '_T' AS sex,"
                + " c.p::DOUBLE AS population, 'WPP' AS source, '2024' AS edition"
                + " FROM (VALUES ('AAA',1000000),('BBB',2000000),('CCC',1000000),('CCC_X',500000),"
                + " ('DDD',4000000),('EEE',1000000),('FFF',5000000)) c(iso3, p)"
                + " CROSS JOIN (VALUES (2020),(2021),(2022)) y(year)) TO '" + population + "' (FORMAT parquet)");
        String rate = "'sdg_16_1_1','victims_intentional_homicide','0101','per 100,000 population'";
        String unsentenced = "'sdg_16_3_2','persons_held','',  'percent'";
        Duck.execute("COPY (SELECT 7::BIGINT AS run_id, formula_id, country_iso3, year::INTEGER AS year, base_indicator,"
                + " nullif(iccs_code, '') AS iccs_code, 'total' AS dimension, '_T' AS category, '_T' AS sex, '_T' AS age,"
                + " CASE WHEN unit = 'percent' THEN num / den * 100 ELSE num / den * 100000 END AS value, unit,"
                + " num AS numerator, den AS denominator, NULL::VARCHAR AS numerator_series,"
                + " 'WPP' AS denominator_source, status AS obs_status, NULL::VARCHAR AS note, 's1' AS series_id"
                + " FROM (VALUES"
                + " (" + rate + ",'AAA',2020,10.0,1000000.0,'A'),"
                + " (" + rate + ",'AAA',2022,30.0,1000000.0,'A'),"
                + " (" + rate + ",'BBB',2020,40.0,2000000.0,'A'),"
                + " (" + rate + ",'BBB',2021,60.0,2000000.0,'A'),"
                + " (" + rate + ",'CCC',2020,999.0,1000000.0,'I'),"
                + " (" + rate + ",'CCC_X',2020,100.0,500000.0,'A'),"
                + " (" + rate + ",'CCC_X',2021,100.0,500000.0,'A'),"
                + " (" + rate + ",'CCC_X',2022,100.0,500000.0,'A'),"
                + " (" + rate + ",'DDD',2022,120.0,4000000.0,'A'),"
                + " (" + rate + ",'EEE',2020,5.0,1000000.0,'A'),"
                + " (" + rate + ",'EEE',2021,6.0,1000000.0,'A'),"
                + " (" + rate + ",'EEE',2022,7.0,1000000.0,'A'),"
                + " (" + rate + ",'FFF',2020,50.0,5000000.0,'A'),"
                + " (" + rate + ",'FFF',2021,100.0,5000000.0,'A'),"
                + " (" + rate + ",'FFF',2022,150.0,5000000.0,'A'),"
                + " (" + unsentenced + ",'AAA',2020,30.0,100.0,'A'),"
                + " (" + unsentenced + ",'BBB',2020,10.0,300.0,'A'),"
                + " (" + unsentenced + ",'BBB',2021,20.0,300.0,'A')"
                + ") t(formula_id, base_indicator, iccs_code, unit, country_iso3, year, num, den, status))"
                + " TO '" + indicators + "' (FORMAT parquet)");
    }

    private RegionalAggregation.Result run(Settings settings) throws Exception {
        return RegionalAggregation.run(indicators, population, countries, settings, dir.resolve("out"), 7L);
    }

    /** The aggregate row of a grouping, region, formula and year, by column name. */
    private static Map<String, Object> row(RegionalAggregation.Result result, String grouping, String region,
                                           String formula, int year) {
        List<List<Object>> rows = Duck.rows("SELECT * FROM " + Duck.parquet(result.aggregates())
                + " WHERE grouping = '" + grouping + "' AND region_code = '" + region + "' AND formula_id = '"
                + formula + "' AND year = " + year);
        assertEquals(1, rows.size(), grouping + " " + region + " " + formula + " " + year);
        Map<String, Object> out = new HashMap<>();
        List<Schema.Field> fields = AggregateSchemas.REGIONAL_AGGREGATE.getFields();
        for (int i = 0; i < fields.size(); i++) {
            out.put(fields.get(i).name(), rows.get(0).get(i));
        }
        return out;
    }

    private static Map<String, Object> homicide(RegionalAggregation.Result r, String grouping, String region, int year) {
        return row(r, grouping, region, "sdg_16_1_1", year);
    }

    private static double d(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    private static int i(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).intValue();
    }

    @Test
    void europe2020IsReportedOnlyAndPublished() throws Exception {
        var r = homicide(run(Settings.defaults()), "m49_region", "150", 2020);
        // AAA 10 + BBB 40 over 1M + 2M; CCC has no data (its 'I' row is ignored), CCC_X is not a member
        assertEquals("Europe", r.get("region_name"));
        assertEquals(3, i(r, "countries_in_region"));
        assertEquals(2, i(r, "countries_reporting"));
        assertEquals(0, i(r, "countries_imputed"));
        assertEquals(50.0, d(r, "numerator_sum"), TOL);
        assertEquals(3_000_000.0, d(r, "denominator_sum"), TOL);
        assertEquals(4_000_000.0, d(r, "population_total"), TOL);
        assertEquals(3_000_000.0, d(r, "population_reported"), TOL);
        assertEquals(0.75, d(r, "coverage"), TOL);
        assertEquals(50.0 / 3_000_000 * 100_000, d(r, "value"), TOL); // 1.6666…
        assertEquals(true, r.get("published"));
        assertNull(r.get("reason"));
        assertNull(r.get("imputation"));
        assertEquals("per 100,000 population", r.get("unit"));
        assertEquals("0101", r.get("iccs_code"));
        assertEquals(7L, ((Number) r.get("run_id")).longValue());
    }

    @Test
    void interpolatedCountryCountsInTheValueButNotInCoverage() throws Exception {
        var r = homicide(run(Settings.defaults()), "m49_region", "150", 2021);
        // BBB reported 60; AAA interpolated (1.0 + 3.0) / 2 = 2.0 → N = 2.0 × 1M / 100,000 = 20
        assertEquals(1, i(r, "countries_reporting"));
        assertEquals(1, i(r, "countries_imputed"));
        assertEquals(80.0, d(r, "numerator_sum"), TOL);
        assertEquals(3_000_000.0, d(r, "denominator_sum"), TOL);
        assertEquals(2_000_000.0, d(r, "population_reported"), TOL);
        assertEquals(1_000_000.0, d(r, "population_imputed"), TOL);
        assertEquals(0.5, d(r, "coverage"), TOL); // exactly the threshold: published
        assertEquals(80.0 / 3_000_000 * 100_000, d(r, "value"), TOL); // 2.6666…
        assertEquals("interpolation:1", r.get("imputation"));
    }

    @Test
    void regionBelowThresholdHasNoValueAndSaysWhy() throws Exception {
        var result = run(Settings.defaults());
        var europe = homicide(result, "m49_region", "150", 2022);
        // AAA reported 30 (1M of 4M = 25%); BBB carried forward 3.0 → 60
        assertNull(europe.get("value"));
        assertEquals(false, europe.get("published"));
        assertEquals("coverage 25% of population, below 50%", europe.get("reason"));
        assertEquals(90.0, d(europe, "numerator_sum"), TOL);
        assertEquals(3_000_000.0, d(europe, "denominator_sum"), TOL);
        assertEquals("carry_forward:1", europe.get("imputation"));

        var africa = homicide(result, "m49_region", "002", 2020);
        // EEE reported 5 (1M of 5M = 20%); DDD carried backward 3.0 → 120
        assertNull(africa.get("value"));
        assertEquals("coverage 20% of population, below 50%", africa.get("reason"));
        assertEquals(125.0, d(africa, "numerator_sum"), TOL);
        assertEquals(5_000_000.0, d(africa, "denominator_sum"), TOL);
        assertEquals("carry_backward:1", africa.get("imputation"));

        var africa2022 = homicide(result, "m49_region", "002", 2022);
        assertEquals(127.0 / 5_000_000 * 100_000, d(africa2022, "value"), TOL); // 2.54
        assertEquals(1.0, d(africa2022, "coverage"), TOL);

        var northernEurope = homicide(result, "m49_subregion", "154", 2021);
        // AAA alone, interpolated: nothing reported
        assertEquals("no country reported: coverage 0% of population, below 50%", northernEurope.get("reason"));
        assertEquals(20.0, d(northernEurope, "numerator_sum"), TOL);
    }

    @Test
    void countryWithNoDataCountsInPopulationOnly() throws Exception {
        var r = homicide(run(Settings.defaults()), "m49_subregion", "155", 2020);
        // Western Europe = CCC alone: no data (CCC_X not a member, CCC's 'I' row ignored)
        assertEquals(1, i(r, "countries_in_region"));
        assertEquals(0, i(r, "countries_reporting"));
        assertEquals(0, i(r, "countries_imputed"));
        assertEquals(0.0, d(r, "numerator_sum"), TOL);
        assertEquals(1_000_000.0, d(r, "population_total"), TOL);
        assertEquals(0.0, d(r, "coverage"), TOL);
        assertNull(r.get("value"));
    }

    @Test
    void sdgRegionsRegroupM49SubRegions() throws Exception {
        var result = run(Settings.defaults());
        // Europe and Northern America = AAA, BBB, CCC, FFF: population 9M
        var ena2020 = homicide(result, "sdg_region", "513", 2020);
        assertEquals("Europe and Northern America", ena2020.get("region_name"));
        assertEquals(4, i(ena2020, "countries_in_region"));
        assertEquals(9_000_000.0, d(ena2020, "population_total"), TOL);
        assertEquals(8.0 / 9, d(ena2020, "coverage"), TOL);
        assertEquals(100.0 / 8_000_000 * 100_000, d(ena2020, "value"), TOL); // (10+40+50)/8M = 1.25
        var ena2022 = homicide(result, "sdg_region", "513", 2022);
        // AAA 30 + FFF 150 reported (6M of 9M), BBB carried forward 60: 240 / 8M = 3.0
        assertEquals(6.0 / 9, d(ena2022, "coverage"), TOL);
        assertEquals(3.0, d(ena2022, "value"), TOL);
        // Northern Africa and Western Asia = EEE; Sub-Saharan Africa = DDD
        assertEquals(0.6, d(homicide(result, "sdg_region", "747", 2021), "value"), TOL);
        assertEquals(3.0, d(homicide(result, "sdg_region", "202", 2022), "value"), TOL);
        // M49 Americas = FFF alone, intermediate region Eastern Africa = DDD
        assertEquals(2.0, d(homicide(result, "m49_region", "019", 2021), "value"), TOL);
        assertEquals(1, i(homicide(result, "m49_intermediate_region", "014", 2022), "countries_in_region"));
        // every member of the tiny world is in exactly one SDG region
        assertEquals(6L, Duck.count("SELECT sum(countries_in_region) FROM " + Duck.parquet(result.aggregates())
                + " WHERE grouping = 'sdg_region' AND formula_id = 'sdg_16_1_1' AND year = 2020"));
    }

    @Test
    void worldTotalsWithoutDoubleCountingSubNationalAreas() throws Exception {
        var result = run(Settings.defaults());
        var w2020 = homicide(result, "world", "001", 2020);
        // reported AAA 10, BBB 40, EEE 5, FFF 50 (9M of 14M); DDD carried backward 120; CCC none; CCC_X excluded
        assertEquals("World", w2020.get("region_name"));
        assertEquals(6, i(w2020, "countries_in_region"));
        assertEquals(4, i(w2020, "countries_reporting"));
        assertEquals(1, i(w2020, "countries_imputed"));
        assertEquals(14_000_000.0, d(w2020, "population_total"), TOL);
        assertEquals(9.0 / 14, d(w2020, "coverage"), TOL);
        assertEquals(225.0, d(w2020, "numerator_sum"), TOL);
        assertEquals(13_000_000.0, d(w2020, "denominator_sum"), TOL);
        assertEquals(225.0 / 13_000_000 * 100_000, d(w2020, "value"), TOL); // 1.7307692…
        var w2021 = homicide(result, "world", "001", 2021);
        // reported BBB 60, EEE 6, FFF 100 (8M of 14M); AAA interpolated 20, DDD carried backward 120
        assertEquals(306.0 / 13_000_000 * 100_000, d(w2021, "value"), TOL); // 2.3538461…
        assertEquals("interpolation:1;carry_backward:1", w2021.get("imputation"));
        var w2022 = homicide(result, "world", "001", 2022);
        // reported AAA 30, DDD 120, EEE 7, FFF 150 (11M of 14M); BBB carried forward 60
        assertEquals(367.0 / 13_000_000 * 100_000, d(w2022, "value"), TOL); // 2.8230769…
        assertEquals(11.0 / 14, d(w2022, "coverage"), TOL);
    }

    @Test
    void sdg1632IsNeverImputed() throws Exception {
        var result = run(Settings.defaults());
        var e2020 = row(result, "m49_region", "150", "sdg_16_3_2", 2020);
        // (30 + 10) / (100 + 300) × 100 = 10%; coverage AAA + BBB = 3M of 4M
        assertEquals(10.0, d(e2020, "value"), TOL);
        assertEquals("percent", e2020.get("unit"));
        assertNull(e2020.get("iccs_code"));
        assertEquals(0.75, d(e2020, "coverage"), TOL);
        var e2021 = row(result, "m49_region", "150", "sdg_16_3_2", 2021);
        // BBB alone (AAA is not carried forward): 20 / 300 × 100; coverage 2M of 4M
        assertEquals(20.0 / 300 * 100, d(e2021, "value"), TOL);
        assertEquals(0, i(e2021, "countries_imputed"));
        assertNull(e2021.get("imputation"));
        assertEquals(0L, Duck.count("SELECT count(*) FROM " + Duck.parquet(result.imputations())
                + " WHERE formula_id = 'sdg_16_3_2'"));
        // its years are those it has data for: no 2022 row
        assertEquals(0L, Duck.count("SELECT count(*) FROM " + Duck.parquet(result.aggregates())
                + " WHERE formula_id = 'sdg_16_3_2' AND year = 2022"));
    }

    @Test
    void imputationsDatasetNamesEveryImputedCell() throws Exception {
        var result = run(Settings.defaults());
        List<List<Object>> rows = Duck.rows("SELECT country_iso3, year, method, rate, numerator, denominator, basis,"
                + " grouping FROM " + Duck.parquet(result.imputations()) + " ORDER BY country_iso3, year");
        assertEquals(4, rows.size());
        assertImputed(rows.get(0), "AAA", 2021, "interpolation", 2.0, 20.0, 1_000_000.0);
        assertTrue(((String) rows.get(0).get(6)).startsWith("2020=1.0"), rows.get(0).toString());
        assertImputed(rows.get(1), "BBB", 2022, "carry_forward", 3.0, 60.0, 2_000_000.0);
        assertImputed(rows.get(2), "DDD", 2020, "carry_backward", 3.0, 120.0, 4_000_000.0);
        assertImputed(rows.get(3), "DDD", 2021, "carry_backward", 3.0, 120.0, 4_000_000.0);
        assertNull(rows.get(0).get(7)); // series methods hold for every grouping
        assertEquals(4L, result.imputationRows());
    }

    private static void assertImputed(List<Object> row, String iso3, int year, String method, double rate,
                                      double numerator, double denominator) {
        assertEquals(iso3, row.get(0));
        assertEquals(year, ((Number) row.get(1)).intValue());
        assertEquals(method, row.get(2));
        assertEquals(rate, ((Number) row.get(3)).doubleValue(), TOL);
        assertEquals(numerator, ((Number) row.get(4)).doubleValue(), TOL);
        assertEquals(denominator, ((Number) row.get(5)).doubleValue(), TOL);
    }

    @Test
    void carryingStopsAfterTheConfiguredYears() throws Exception {
        var result = run(Settings.defaults().withCarryYears(1));
        // DDD's 2022 rate reaches 2021 only; Africa 2020 = EEE alone: 5 / 1M
        var africa2020 = homicide(result, "m49_region", "002", 2020);
        assertEquals(0, i(africa2020, "countries_imputed"));
        assertEquals(5.0, d(africa2020, "numerator_sum"), TOL);
        assertEquals(1_000_000.0, d(africa2020, "denominator_sum"), TOL);
        assertEquals(1L, Duck.count("SELECT count(*) FROM " + Duck.parquet(result.imputations())
                + " WHERE country_iso3 = 'DDD'"));
    }

    @Test
    void regionalMedianFillsCountriesWithNoDataWhenAskedFor() throws Exception {
        var result = run(Settings.defaults().withRegionalMedian(true));
        var europe = homicide(result, "m49_region", "150", 2020);
        // CCC gets the median of Europe's 2020 reported rates (1.0, 2.0) = 1.5 → 15 of 1M
        assertEquals(65.0 / 4_000_000 * 100_000, d(europe, "value"), TOL); // 1.625
        assertEquals("regional_median:1", europe.get("imputation"));
        assertEquals(0.75, d(europe, "coverage"), TOL); // coverage counts reported data only
        var world = homicide(result, "world", "001", 2020);
        // in the World, CCC gets the median of 1.0, 2.0, 0.5, 1.0 = 1.0 → 10; DDD stays carried backward
        assertEquals(235.0 / 14_000_000 * 100_000, d(world, "value"), TOL);
        assertEquals("carry_backward:1;regional_median:1", world.get("imputation"));
        assertEquals(2, i(world, "countries_imputed"));
        List<List<Object>> median = Duck.rows("SELECT rate, numerator FROM " + Duck.parquet(result.imputations())
                + " WHERE method = 'regional_median' AND grouping = 'm49_region' AND region_code = '150'"
                + " AND year = 2020");
        assertEquals(1, median.size());
        assertEquals(1.5, ((Number) median.get(0).get(0)).doubleValue(), TOL);
        assertEquals(15.0, ((Number) median.get(0).get(1)).doubleValue(), TOL);
    }

    @Test
    void regionalTrendsReadTheAggregatesJustWritten() throws Exception {
        var result = run(Settings.defaults());
        Path trends = RegionalTrendsDataset.trendsFile(dir.resolve("out"));
        RegionalTrendsDataset.write(result.aggregates().toString(), trends, RegionalTrendsDataset.yearsFile(dir.resolve("out")),
                7L, TrendsDataset.Config.defaults());
        List<List<Object>> world = Duck.rows("SELECT n_points, first_value, last_value, ols_annual_pct, ols_ci_low,"
                + " ols_ci_high, mk_s, mk_direction, n_points_imputed FROM " + Duck.parquet(trends)
                + " WHERE grouping = 'world' AND formula_id = 'sdg_16_1_1' AND period = 'all'");
        assertEquals(1, world.size());
        List<Object> w = world.get(0);
        // World 2020–2022 = 225, 306, 367 per 13M (worldTotalsWithoutDoubleCountingSubNationalAreas). With three
        // consecutive years the OLS slope of ln x is (ln x_2022 − ln x_2020) / 2, so the average annual change is
        // 100 (√(367/225) − 1) = 27.71496…%. The residuals are e_2021 = (2 ln x_2021 − ln x_2020 − ln x_2022)/3 and
        // −e_2021/2 at both ends, so se(β) = |e_2021| √(3/4) = 0.0362888 and, with t(0.975, 1 df) = 12.7062, the
        // interval is 100 (e^{β ∓ t·se} − 1) = −19.4637 … 102.531%.
        assertEquals(3, w.get(0));
        assertEquals(225.0 / 13_000_000 * 100_000, (Double) w.get(1), TOL);
        assertEquals(367.0 / 13_000_000 * 100_000, (Double) w.get(2), TOL);
        assertEquals(100 * (Math.sqrt(367.0 / 225) - 1), (Double) w.get(3), TOL);
        assertEquals(27.71496, (Double) w.get(3), 1e-5);
        assertEquals(-19.4637, (Double) w.get(4), 1e-4);
        assertEquals(102.531, (Double) w.get(5), 1e-3);
        assertEquals(3L, w.get(6));
        assertEquals("no significant trend", w.get(7)); // n = 3: p = 0.30
        assertEquals(3, w.get(8), "every World year includes imputed countries");
        // Europe 2022 is below the threshold: a gap, so two points (2020, 2021) and no fit
        List<Object> europe = Duck.rows("SELECT n_points, first_year, last_year, pct_change, ols_annual_pct, mk_direction FROM "
                + Duck.parquet(trends) + " WHERE grouping = 'm49_region' AND region_code = '150'"
                + " AND formula_id = 'sdg_16_1_1' AND period = 'all'").get(0);
        assertEquals(List.of(2, 2020, 2021), europe.subList(0, 3));
        assertEquals(60.0, (Double) europe.get(3), TOL); // 1.666… → 2.666…
        assertNull(europe.get(4));
        assertNull(europe.get(5));
    }

    @Test
    void percentIsRoundedDownToOneDecimal() {
        assertEquals("33.3%", RegionalAggregation.percent(1.0 / 3));
        assertEquals("49.9%", RegionalAggregation.percent(0.4999));
        assertEquals("50%", RegionalAggregation.percent(0.5));
        assertEquals("0%", RegionalAggregation.percent(0));
    }

    @Test
    void everyM49SubRegionMapsToOneSdgRegion() {
        List<String[]> map = RegionalAggregation.sdgMapping();
        assertEquals(17, map.size());
        assertEquals(8, map.stream().map(r -> r[2]).distinct().count());
        assertFalse(map.stream().anyMatch(r -> r[0].length() != 3));
    }
}
