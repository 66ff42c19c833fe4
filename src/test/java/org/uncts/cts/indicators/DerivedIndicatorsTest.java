package org.uncts.cts.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.testing.Duck;

/**
 * Every formula on a hand-built country, against values worked by hand (in the comments).
 * Tolerance 1e-9 (the arithmetic is a single division).
 */
class DerivedIndicatorsTest {

    @TempDir
    Path dir;
    Path out;

    private final List<String> rows = new ArrayList<>();

    private void obs(String iso3, int year, String indicator, String iccs, String dimension, String category, String sex,
                     Double value, String status) {
        rows.add("('" + iso3 + "', " + year + ", '" + indicator + "', " + (iccs == null ? "NULL::VARCHAR" : "'" + iccs + "'")
                + ", '" + dimension + "', '" + category + "', '" + sex + "', '_T', 'COUNT', " + (value == null ? "NULL::DOUBLE" : value)
                + ", '" + status + "')");
    }

    private void count(String indicator, String iccs, String dimension, String category, String sex, double value) {
        obs("AAA", 2020, indicator, iccs, dimension, category, sex, value, "A");
    }

    @BeforeEach
    void cycle() {
        String h = "victims_intentional_homicide";
        count(h, "0101", "Total", "Total", "_T", 50);
        count(h, "0101", "Total", "Total", "M", 35);
        count(h, "0101", "Total", "Total", "F", 13);
        count(h, "0101", "Total", "Total", "_U", 2);
        count(h, "0101", "by mechanism", "Firearms or explosives", "_T", 30);
        count(h, "0101", "by mechanism", "Unspecified means", "_T", 10);
        count(h, "0101", "by mechanism", "Another weapon", "_T", 10);
        obs("AAA", 2021, h, "0101", "Total", "Total", "_T", null, "O");
        obs("BBB", 2020, h, "0101", "Total", "Total", "_T", 10.0, "A");
        count("persons_held", null, "Total", "Total", "_T", 800);
        count("persons_held", null, "by sentence status", "Sentenced", "_T", 500);
        count("persons_held", null, "by sentence status", "Unsentenced", "_T", 300);
        count("prison_capacity", null, "Total", "Official capacity", "_T", 1000);
        count("persons_suspected", "0101", "Total", "Total", "_T", 100);
        count("persons_prosecuted", "0101", "Total", "Total", "_T", 80);
        count("persons_convicted", "0101", "Total", "Total", "_T", 40);
        count("offences_recorded", "0101", "Total", "Total", "_T", 45);
        count("criminal_justice_personnel", null, "Total", "Police personnel", "_T", 3000);

        Path obs = dir.resolve("obs.parquet");
        Duck.execute("COPY (SELECT *, concat_ws('|', country_iso3, indicator, coalesce(iccs_code, ''), dimension, category, sex, age, unit) "
                + "AS series_key FROM (VALUES " + String.join(", ", rows) + ") t(country_iso3, year, indicator, iccs_code, dimension, "
                + "category, sex, age, unit, value, obs_status)) TO '" + obs + "' (FORMAT parquet)");
        Path pop = dir.resolve("pop.parquet");
        Duck.execute("COPY (SELECT * FROM (VALUES ('AAA', 2020, '_T', 1000000.0, 'pop.csv', 'WPP test'), "
                + "('AAA', 2020, 'M', 490000.0, 'pop.csv', 'WPP test'), ('AAA', 2020, 'F', 510000.0, 'pop.csv', 'WPP test'), "
                + "('AAA', 2021, '_T', 1010000.0, 'pop.csv', 'WPP test')) "
                + "t(country_iso3, year, sex, population, source, edition)) TO '" + pop + "' (FORMAT parquet)");
        out = dir.resolve("indicators.parquet");
        DerivedIndicators.write(obs.toString(), pop.toString(), out, 7);
    }

    private double value(String formula, String where) {
        List<List<Object>> r = Duck.rows("SELECT value FROM read_parquet('" + out + "') WHERE formula_id = '" + formula + "' AND " + where);
        assertEquals(1, r.size(), formula + " " + where + ": " + r);
        return (Double) r.get(0).get(0);
    }

    @Test
    void ratesUseThePopulationOfTheSameSex() {
        String h = "base_indicator = 'victims_intentional_homicide' AND dimension = 'Total' AND country_iso3 = 'AAA' AND year = 2020";
        assertEquals(5.0, value("rate_per_100k", h + " AND sex = '_T'"), 1e-9);            // 100,000 x 50 / 1,000,000
        assertEquals(7.142857142857143, value("sdg_16_1_1", h + " AND sex = 'M'"), 1e-9);   // 100,000 x 35 / 490,000
        assertEquals(2.549019607843137, value("sdg_16_1_1", h + " AND sex = 'F'"), 1e-9);   // 100,000 x 13 / 510,000
        assertEquals(0, Duck.count("SELECT count(*) FROM read_parquet('" + out + "') WHERE sex = '_U' AND unit = 'per 100,000 population'"),
                "victims of unknown sex count in the total only");
        assertEquals(80.0, value("prison_population_rate", "sex = '_T'"), 1e-9);            // 100,000 x 800 / 1,000,000
        assertEquals(300.0, value("police_per_100k", "sex = '_T'"), 1e-9);                  // 100,000 x 3,000 / 1,000,000
    }

    @Test
    void aMissingDenominatorOrCountGivesAFlaggedMissingValueNotAWrongOne() {
        List<List<Object>> r = Duck.rows("SELECT value, obs_status, note FROM read_parquet('" + out + "') "
                + "WHERE formula_id = 'rate_per_100k' AND country_iso3 = 'BBB'");
        assertEquals(1, r.size());
        assertNull(r.get(0).get(0));
        assertEquals("O", r.get(0).get(1));
        assertEquals("no population for BBB, 2020, sex _T", r.get(0).get(2));
        List<List<Object>> missing = Duck.rows("SELECT value, note FROM read_parquet('" + out + "') "
                + "WHERE formula_id = 'rate_per_100k' AND country_iso3 = 'AAA' AND year = 2021");
        assertNull(missing.get(0).get(0));
        assertTrue(((String) missing.get(0).get(1)).startsWith("count not available"));
    }

    @Test
    void sharesOfTotalAndOfKnownCases() {
        assertEquals(26.0, value("share_female_of_total", "base_indicator = 'victims_intentional_homicide'"), 1e-9); // 13 / 50
        assertEquals(100.0 * 13 / 48, value("share_female_of_known", "base_indicator = 'victims_intentional_homicide'"), 1e-9); // 13 / (50 - 2)
        assertEquals(60.0, value("share_of_total", "category = 'Firearms or explosives'"), 1e-9);   // 30 / 50
        assertEquals(20.0, value("share_of_total", "category = 'Unspecified means'"), 1e-9);        // 10 / 50
        assertEquals(75.0, value("share_of_known", "category = 'Firearms or explosives'"), 1e-9);   // 30 / (50 - 10)
        assertEquals(0, Duck.count("SELECT count(*) FROM read_parquet('" + out + "') WHERE formula_id = 'share_of_known' "
                + "AND category = 'Unspecified means'"), "no share of known cases for the unknown category itself");
    }

    @Test
    void prisonsAndTheJusticeFunnel() {
        assertEquals(37.5, value("sdg_16_3_2", "country_iso3 = 'AAA'"), 1e-9);                 // 300 / 800
        assertEquals(80.0, value("occupancy_pct", "country_iso3 = 'AAA'"), 1e-9);              // 800 / 1,000
        assertEquals(80.0, value("prosecuted_per_100_suspected", "country_iso3 = 'AAA'"), 1e-9); // 80 / 100
        assertEquals(50.0, value("convicted_per_100_prosecuted", "country_iso3 = 'AAA'"), 1e-9); // 40 / 80
        assertEquals(40.0, value("convicted_per_100_suspected", "country_iso3 = 'AAA'"), 1e-9);  // 40 / 100
        assertEquals(100.0 * 40 / 45, value("convicted_per_100_offences", "country_iso3 = 'AAA'"), 1e-9);
        List<List<Object>> inputs = Duck.rows("SELECT numerator, denominator, numerator_series, denominator_source, series_id "
                + "FROM read_parquet('" + out + "') WHERE formula_id = 'sdg_16_3_2'");
        assertEquals(List.of(300.0, 800.0, "AAA|persons_held||by sentence status|Unsentenced|_T|_T|COUNT",
                "AAA|persons_held||Total|Total|_T|_T|COUNT", "sdg_16_3_2|AAA|persons_held||by sentence status|Unsentenced|_T|_T"),
                inputs.get(0));
    }
}
