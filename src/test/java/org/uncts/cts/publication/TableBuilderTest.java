package org.uncts.cts.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The table builder on a tiny hand-made release ({@link TinyRelease}): every expected cell can be
 * read off its inserts.
 */
class TableBuilderTest {

    private Connection db;

    private static final TableBuilder.Context CONTEXT = new TableBuilder.Context("UN-CTS 2025", 7);

    @BeforeEach
    void tinyRelease() throws Exception {
        db = DriverManager.getConnection("jdbc:duckdb:");
        TinyRelease.create(db);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private static TableDefinition.Cell rate() {
        return new TableDefinition.Cell("sdg_16_1_1", null, null, null, null, null, null, null, null, 1);
    }

    private static TableDefinition each(TableDefinition.Rows rows, TableDefinition.Years years) {
        return new TableDefinition("Homicide rate, {from}-{to}", "per 100,000", rows, years, "each",
                List.of(new TableDefinition.Column("{year}", null, rate())), List.of("A note about {cycle}."),
                "UNODC, {cycle} (run {run_id}); population: {population_edition}.");
    }

    private static TableDefinition.Rows countries(String groupBy, boolean aggregates) {
        return new TableDefinition.Rows("countries", groupBy, aggregates, null);
    }

    /** Each row's cells as "1.3 e,1": the printed figure, then its markers. */
    private static Map<String, List<String>> byLabel(PublicationTable t) {
        return t.rows().stream().collect(Collectors.toMap(TableRow::label,
                r -> r.cells().stream().map(c -> c.formatted() + (c.markers().isEmpty() ? "" : " " + String.join(",", c.markers()))).toList(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void yearColumnsWithRegionalRowsFlagsAndFootnotes() {
        PublicationTable t = TableBuilder.build("h", each(countries("subregion", true), new TableDefinition.Years(2019, 2021, null)),
                db, TableBuilder.Options.defaults(), CONTEXT);
        assertEquals("Homicide rate, 2019-2021", t.title());
        assertEquals(List.of("2019", "2020", "2021"), t.columns().stream().map(TableColumn::header).toList());
        // World first, then regions by name; Africa's subregion has no aggregate row of its own in the data (..),
        // Botswana (no figures) is left out
        assertEquals(List.of("World", "Africa", "Sub-Saharan Africa", "Kenya", "Europe", "Western Europe", "France", "Germany"),
                t.rows().stream().map(TableRow::label).toList());
        assertEquals(List.of(0, 0, 1, 2, 0, 1, 2, 2), t.rows().stream().map(TableRow::level).toList());
        Map<String, List<String>> rows = byLabel(t);
        // 2.1 for 2021 includes an imputed country: i; Africa 2020 is not published: .. c
        assertEquals(List.of("..", "2.0", "2.1 i"), rows.get("World"));
        assertEquals(List.of("..", ".. c", ".."), rows.get("Africa"));
        assertEquals(List.of("5.6 b", "..", ".."), rows.get("Kenya"), "5.55 rounds half up to 5.6; B is a break");
        // 1.26329 -> 1.3; 2021 is an estimate with a focal point's note: e and note 1
        assertEquals(List.of("..", "1.3", "1.3 e,1"), rows.get("France"));
        assertEquals(List.of("..", "1.5", ".."), rows.get("Germany"), "1.45 at 1 decimal, half up");
        assertEquals(TableRow.Kind.AGGREGATE, t.rows().get(0).kind());
        assertEquals(TableRow.Kind.COUNTRY, t.rows().get(3).kind());
        assertEquals(List.of("e", "b", "i", "c", "1"), t.footnotes().stream().map(Footnote::marker).toList(),
                "legend letters in their fixed order, then the notes");
        assertEquals("France, 2021: estimated from police data", t.footnotes().get(4).text());
        assertTrue(t.notes().contains("A note about UN-CTS 2025."));
        assertEquals("UNODC, UN-CTS 2025 (run 7); population: WPP 2024.", t.source());
    }

    @Test
    void numbersKeepFullPrecisionForFormatsThatStoreThem() {
        PublicationTable t = TableBuilder.build("h", each(countries("none", false), new TableDefinition.Years(2020, 2020, null)),
                db, TableBuilder.Options.defaults(), CONTEXT);
        TableCell france = t.rows().stream().filter(r -> r.label().equals("France")).findFirst().orElseThrow().cells().get(0);
        assertEquals(1.26329, france.number(), 0.0);
        assertEquals(1, france.decimals());
        assertEquals(List.of("France", "Germany"), t.rows().stream().map(TableRow::label).toList(), "flat list, by name");
    }

    @Test
    void regionOptionKeepsOneRegionAndDropsTheWorldRow() {
        PublicationTable t = TableBuilder.build("h", each(countries("subregion", true), null), db,
                new TableBuilder.Options(2020, 2021, "europe"), CONTEXT);
        assertEquals(List.of("Europe", "Western Europe", "France", "Germany"), t.rows().stream().map(TableRow::label).toList());
        TableException e = assertThrows(TableException.class, () -> TableBuilder.build("h", each(countries("subregion", true), null),
                db, new TableBuilder.Options(null, null, "Atlantis"), CONTEXT));
        assertTrue(e.getMessage().contains("no country in region 'Atlantis'"), e.getMessage());
        assertTrue(e.getMessage().contains("Western Europe"), "lists the valid regions: " + e.getMessage());
    }

    @Test
    void yearsComeFromTheDefinitionOrTheOptionsOrTheData() {
        PublicationTable last2 = TableBuilder.build("h", each(countries("none", false), new TableDefinition.Years(null, null, 2)),
                db, TableBuilder.Options.defaults(), CONTEXT);
        assertEquals(List.of("2020", "2021"), last2.columns().stream().map(TableColumn::header).toList(), "data end in 2021");
        PublicationTable all = TableBuilder.build("h", each(countries("none", false), null), db, TableBuilder.Options.defaults(), CONTEXT);
        assertEquals(List.of("2019", "2020", "2021"), all.columns().stream().map(TableColumn::header).toList());
        PublicationTable chosen = TableBuilder.build("h", each(countries("none", false), new TableDefinition.Years(null, null, 2)),
                db, new TableBuilder.Options(2019, 2019, null), CONTEXT);
        assertEquals(List.of("Kenya"), chosen.rows().stream().map(TableRow::label).toList());
        TableException e = assertThrows(TableException.class, () -> TableBuilder.build("h", each(countries("none", false), null),
                db, new TableBuilder.Options(2022, 2020, null), CONTEXT));
        assertTrue(e.getMessage().contains("first year 2022 is after the last year 2020"), e.getMessage());
        TableException none = assertThrows(TableException.class, () -> TableBuilder.build("h", each(countries("none", false), null),
                db, new TableBuilder.Options(2010, 2012, null), CONTEXT));
        assertTrue(none.getMessage().contains("no figures for 2010-2012"), none.getMessage());
    }

    @Test
    void latestYearPerRowWithCountsAndRates() {
        TableDefinition.Cell count = new TableDefinition.Cell(null, "victims", null, "Total", "Total", null, null, null, null, null);
        TableDefinition def = new TableDefinition("Latest", null, countries("region", true), null, "latest",
                List.of(new TableDefinition.Column("Victims", null, count), new TableDefinition.Column("Rate", null, rate())),
                List.of(), null);
        PublicationTable t = TableBuilder.build("l", def, db, TableBuilder.Options.defaults(), CONTEXT);
        assertEquals(List.of("Year", "Victims", "Rate"), t.columns().stream().map(TableColumn::header).toList());
        Map<String, List<String>> rows = byLabel(t);
        assertEquals(List.of("2021", "870 e,1", "1.3 e,1"), rows.get("France"), "France's latest year is 2021");
        assertEquals(List.of("2020", "1,234,567", "1.5"), rows.get("Germany"), "thousands separators, 0 decimals for counts");
        assertEquals(List.of("2019", "2,900", "5.6 b"), rows.get("Kenya"));
        // regional counts are the members' summed counts (numerator_sum), shown only when published
        assertEquals(List.of("2021", "110 i", "2.1 i"), rows.get("World"));
        assertEquals(List.of("..", "..", ".."), rows.get("Africa"), "nothing published for Africa");
    }

    @Test
    void aCellMatchingTwoSeriesIsRefusedWithBothNamed() {
        TableDefinition.Cell count = new TableDefinition.Cell(null, "victims", null, null, null, null, null, null, null, null);
        TableDefinition def = new TableDefinition("Ambiguous", null, countries("none", false), null, "each",
                List.of(new TableDefinition.Column("{year}", null, count)), List.of(), null);
        TableException e = assertThrows(TableException.class, () -> TableBuilder.build("a", def, db,
                new TableBuilder.Options(2019, 2019, null), CONTEXT));
        assertTrue(e.getMessage().contains("matches more than one figure for KEN 2019"), e.getMessage());
        assertTrue(e.getMessage().contains("KEN|victims|0101|Total|Total|_T|_T|COUNT")
                && e.getMessage().contains("KEN|victims|0101|by mechanism|Total|_T|_T|COUNT"), e.getMessage());
        assertTrue(e.getMessage().contains("Add iccs, dimension or category"), e.getMessage());
    }

    @Test
    void trendStatisticsByRegionWithTheMannKendallDirection() {
        java.util.function.Function<String, TableDefinition.Column> stat = s -> new TableDefinition.Column(s, null,
                new TableDefinition.Cell("sdg_16_1_1", null, null, null, null, null, null, s, "all", null));
        TableDefinition def = new TableDefinition("Trend", null, new TableDefinition.Rows("regions", null, null,
                List.of("world", "m49_region")), null, "period",
                List.of(stat.apply("first_year"), stat.apply("last_year"), stat.apply("ols_annual_pct"), stat.apply("mk_direction"),
                        stat.apply("mk_p")),
                List.of(), null);
        PublicationTable t = TableBuilder.build("t", def, db, TableBuilder.Options.defaults(), CONTEXT);
        Map<String, List<String>> rows = byLabel(t);
        // years print as 2015, not 2,015; the direction is the dataset's
        assertEquals(List.of("2015", "2024", "-2.3 i", "decreasing", "<0.001"), rows.get("World"), "2 of its years include imputed countries");
        assertEquals(List.of("2015", "2024", "0.4", "no significant trend", "0.5"), rows.get("Europe"), "p 0.52 at 1 decimal");
        assertEquals(List.of("..", "..", "..", "..", ".."), rows.get("Africa"), "Africa has aggregates but no trend");
        assertEquals(List.of("World", "Africa", "Europe"), t.rows().stream().map(TableRow::label).toList(),
                "one kind of region: no heading");
        TableDefinition two = new TableDefinition("Trend", null, new TableDefinition.Rows("regions", null, null,
                List.of("world", "m49_region", "m49_subregion")), null, "period", def.columns(), List.of(), null);
        assertEquals(List.of("World", "Regions (M49)", "Africa", "Europe", "Subregions (M49)", "Western Europe"),
                TableBuilder.build("t", two, db, TableBuilder.Options.defaults(), CONTEXT).rows().stream().map(TableRow::label).toList());
        assertNull(t.rows().get(0).cells().get(0).number());
    }
}
