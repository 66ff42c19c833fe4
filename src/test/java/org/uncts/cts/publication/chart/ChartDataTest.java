package org.uncts.cts.publication.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChartDataTest {

    Connection db;

    @BeforeEach
    void open() throws SQLException {
        db = ChartFixture.open();
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    /** country|year -> value, straight from SQL. */
    Map<String, Double> direct(String sql) throws SQLException {
        Map<String, Double> out = new TreeMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1) + "|" + rs.getInt(2), rs.getDouble(3));
            }
        }
        return out;
    }

    @Test
    void countryValuesAreThoseOfADirectQuery() throws SQLException {
        ChartData.CountryValues v = ChartData.countryValues(db, SeriesSelection.of("sdg_16_1_1"));
        Map<String, Double> got = new TreeMap<>();
        v.byCountry().forEach((c, points) -> points.forEach(p -> got.put(c + "|" + p.year(), p.value())));
        Map<String, Double> expected = direct("SELECT country_iso3, year, value FROM indicators WHERE formula_id = 'sdg_16_1_1'"
                + " AND sex = '_T' AND age = '_T' AND dimension = 'Total' AND category = 'Total' AND value IS NOT NULL");
        assertEquals(expected, got);
        assertEquals(24, got.size(), "5 areas x 5 years, less FRA 2020");
        assertFalse(got.containsKey("FRA|2020"));
        assertFalse(got.containsKey("DEU|2023"), "a missing value is no point");
        assertEquals("per 100,000 population", v.unit());
        assertTrue(v.byCountry().get("DEU").stream().filter(p -> p.year() == 2019).findFirst().orElseThrow().estimated());
        assertFalse(v.byCountry().get("DEU").stream().filter(p -> p.year() == 2018).findFirst().orElseThrow().estimated());

        // another cell of the breakdown: the male rates
        ChartData.CountryValues male = ChartData.countryValues(db,
                new SeriesSelection("sdg_16_1_1", null, null, null, null, "M", null));
        assertEquals(ChartFixture.rate("BRA", 2021) * 1.8,
                male.byCountry().get("BRA").stream().filter(p -> p.year() == 2021).findFirst().orElseThrow().value(), 1e-9);
    }

    @Test
    void regionValuesArePublishedValuesOnlyWorldFirst() throws SQLException {
        ChartData.RegionValues v = ChartData.regionValues(db, SeriesSelection.of("sdg_16_1_1"), Grouping.M49_REGION, true);
        List<String> labels = v.lines().stream().map(ChartData.Line::label).toList();
        assertEquals(List.of("World", "Africa", "Americas", "Europe", "Oceania"), labels);
        Map<String, Double> got = new TreeMap<>();
        for (ChartData.Line l : v.lines()) {
            l.points().forEach(p -> got.put(l.key() + "|" + p.year(), p.value()));
        }
        Map<String, Double> expected = direct("SELECT grouping || '|' || region_code, year, value FROM regional_aggregates"
                + " WHERE formula_id = 'sdg_16_1_1' AND sex = '_T' AND published");
        assertEquals(expected, got);
        assertFalse(got.containsKey("world|001|2019"), "not published: a gap");
        assertTrue(v.lines().get(4).points().isEmpty(), "Oceania has rows but no published value");

        List<String> withoutWorld = ChartData.regionValues(db, SeriesSelection.of("sdg_16_1_1"), Grouping.M49_REGION, false)
                .lines().stream().map(ChartData.Line::label).toList();
        assertEquals(List.of("Africa", "Americas", "Europe", "Oceania"), withoutWorld);
    }

    @Test
    void aSelectionThatMatchesTwoSeriesIsRefused() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("CREATE OR REPLACE VIEW indicators AS SELECT * FROM indicator_rows UNION ALL"
                    + " SELECT * REPLACE ('victims_other' AS base_indicator) FROM indicator_rows");
        }
        ChartException e = assertThrows(ChartException.class, () -> ChartData.countryValues(db, SeriesSelection.of("sdg_16_1_1")));
        assertTrue(e.getMessage().contains("matches more than one value"), e.getMessage());
        assertTrue(e.getMessage().contains("Add series.indicator"), e.getMessage());
        ChartData.CountryValues one = ChartData.countryValues(db,
                new SeriesSelection("sdg_16_1_1", "victims_other", null, null, null, null, null));
        assertEquals(24, one.byCountry().values().stream().mapToInt(List::size).sum());
    }

    @Test
    void regionsComeFromTheCountriesDatasetWithSdgRegionsFromSubregions() throws SQLException {
        Regions regions = Regions.read(db);
        assertEquals(List.of("Africa", "Americas", "Europe"), names(regions.of(Grouping.M49_REGION)));
        Regions.Region europe = regions.find("europe", Grouping.M49_REGION).orElseThrow();
        assertEquals(List.of("England and Wales", "France", "Germany"),
                europe.areas().stream().map(Regions.Area::name).toList(), "sub-national areas are drawn too");
        assertEquals("150", europe.code());
        assertEquals(Grouping.M49_REGION, regions.find("150", Grouping.M49_REGION).orElseThrow().grouping());
        // Western Europe and Northern Europe are in the SDG region Europe and Northern America
        Regions.Region sdg = regions.find("Europe and Northern America", Grouping.M49_REGION).orElseThrow();
        assertEquals(Grouping.SDG_REGION, sdg.grouping());
        assertEquals(3, sdg.areas().size());
        // Sub-Saharan Africa is a sub-region and an SDG region: the grouping asked for wins
        assertEquals(Grouping.SDG_REGION, regions.find("Sub-Saharan Africa", Grouping.SDG_REGION).orElseThrow().grouping());
        assertEquals(Grouping.M49_SUBREGION, regions.find("Sub-Saharan Africa", Grouping.M49_REGION).orElseThrow().grouping());
        assertTrue(regions.find("Atlantis", Grouping.M49_REGION).isEmpty());
        assertTrue(regions.describe().startsWith("World: World; M49 regions: Africa, Americas, Europe; M49 sub-regions:"),
                regions.describe());
    }

    @Test
    void linesClipToYearsAndSpanTheirPoints() {
        ChartData.Line l = new ChartData.Line("FRA", "France", List.of(new ChartData.Point(2020, 2, false),
                new ChartData.Point(2018, 1, false), new ChartData.Point(2022, 3, true)));
        assertEquals(List.of(2018, 2020, 2022), l.points().stream().map(ChartData.Point::year).toList(), "sorted by year");
        assertEquals(List.of(2020), l.clip(2019, 2021).points().stream().map(ChartData.Point::year).toList());
        assertTrue(l.at(2019).isEmpty());
        assertEquals(List.of(2018, 2022), toList(ChartData.span(List.of(l)).orElseThrow()));
        assertTrue(ChartData.span(List.of(l.clip(2030, 2031))).isEmpty());
    }

    static List<String> names(List<Regions.Region> rs) {
        return rs.stream().map(Regions.Region::name).toList();
    }

    static List<Integer> toList(int[] a) {
        List<Integer> out = new ArrayList<>();
        for (int i : a) {
            out.add(i);
        }
        return out;
    }
}
