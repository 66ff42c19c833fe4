package org.uncts.cts.publication.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartDefinitionsTest {

    static final String MINIMAL = """
            title: A chart
            series:
              formula: sdg_16_1_1
            lines: regions
            """;

    @TempDir
    Path dir;

    static ChartDefinitionException problems(String yaml) {
        return assertThrows(ChartDefinitionException.class, () -> ChartDefinitions.parse(yaml, "my-chart", "charts/my-chart.yml"));
    }

    @Test
    void everyFileOfTheBuiltInFolderLoads() throws IOException {
        Set<String> files;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/publication/charts"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
                    .map(n -> n.substring(0, n.length() - 4)).collect(Collectors.toCollection(TreeSet::new));
        }
        ChartDefinitions defs = ChartDefinitions.builtIn();
        assertEquals(files, new TreeSet<>(defs.names()));
        assertTrue(defs.names().containsAll(List.of("homicide-rate-regions", "homicide-rate-countries",
                "homicide-rate-small-multiples", "prison-population-rate-regions")), defs.names().toString());
        ChartDefinition regions = defs.find("homicide-rate-regions").orElseThrow();
        assertEquals(ChartDefinition.Lines.REGIONS, regions.lines());
        assertEquals(Grouping.M49_REGION, regions.grouping());
        assertTrue(regions.world());
        assertEquals(SeriesSelection.of("sdg_16_1_1"), regions.series());
        ChartDefinition countries = defs.find("homicide-rate-countries").orElseThrow();
        assertEquals("Europe", countries.region());
        assertTrue(countries.oneRegion());
        assertTrue(defs.find("homicide-rate-small-multiples").orElseThrow().smallMultiples());
        assertEquals("prison_population_rate", defs.find("prison-population-rate-regions").orElseThrow().series().formula());
    }

    @Test
    void defaultsOfAMinimalDefinition() {
        ChartDefinition d = ChartDefinitions.parse(MINIMAL, "my-chart", "charts/my-chart.yml");
        assertEquals("my-chart", d.name());
        assertEquals(new SeriesSelection("sdg_16_1_1", null, null, "Total", "Total", "_T", "_T"), d.series());
        assertEquals(Grouping.M49_REGION, d.grouping());
        assertFalse(d.world());
        assertNull(d.from());
        assertNull(d.to());
        assertEquals(ChartDefinition.DEFAULT_DECIMALS, d.decimals());
        assertEquals(ChartDefinition.DEFAULT_SOURCE, d.source());
    }

    @Test
    void anUnknownKeyIsReportedWithItsFileLineAndField() {
        ChartDefinitionException e = problems(MINIMAL + "colour: red\n");
        assertEquals(1, e.problems().size(), e.getMessage());
        String p = e.problems().get(0);
        assertTrue(p.startsWith("charts/my-chart.yml line 5: field 'colour': unknown key."), p);
        assertTrue(p.contains("title, subtitle, y_axis, series"), "lists the keys: " + p);
    }

    @Test
    void anUnknownKeyOfTheSeriesIsNamedWithItsPath() {
        ChartDefinitionException e = problems("""
                title: A chart
                series:
                  formula: sdg_16_1_1
                  gender: F
                lines: regions
                """);
        assertTrue(e.getMessage().contains("charts/my-chart.yml line 4: field 'series.gender': unknown key"), e.getMessage());
    }

    @Test
    void aMissingFieldIsReportedWithItsFileAndField() {
        ChartDefinitionException e = problems("""
                series:
                  indicator: victims_intentional_homicide
                lines: regions
                """);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("charts/my-chart.yml line 1: field 'title': missing."), e.getMessage());
        assertTrue(e.problems().get(1).startsWith("charts/my-chart.yml line 2: field 'series.formula': missing."), e.getMessage());
        assertTrue(problems("title: A chart\nseries: {formula: sdg_16_1_1}\n").getMessage()
                .contains("field 'lines': missing. Write lines: countries"));
    }

    @Test
    void wrongValuesAndCombinationsSayWhatToWrite() {
        assertTrue(problems(MINIMAL + "grouping: continents\n").getMessage()
                .contains("field 'grouping': unknown grouping 'continents'. Groupings: world, m49_region"));
        assertTrue(problems(MINIMAL + "region: Europe\n").getMessage().contains("field 'region': only for lines: countries"));
        assertTrue(problems(MINIMAL + "decimals: 1.5\n").getMessage().contains("field 'decimals': must be a whole number"));
        assertTrue(problems(MINIMAL + "years: {from: 2024, to: 2015}\n").getMessage()
                .contains("field 'years.from': from 2024 is after to 2015"));
        assertTrue(problems(MINIMAL.replace("lines: regions", "lines: countries\nworld: true")).getMessage()
                .contains("field 'world': only for lines: regions"));
        assertTrue(problems(MINIMAL.replace("formula: sdg_16_1_1", "formula: rate_per_100k\n  iccs_code: 101")).getMessage()
                .contains("field 'series.iccs_code': must be text: write it in quotes, '101'."));
        assertEquals("0101", ChartDefinitions.parse(MINIMAL.replace("formula: sdg_16_1_1", "formula: rate_per_100k\n  iccs_code: '0101'"),
                "my-chart", "test").series().iccsCode());
        assertTrue(problems(MINIMAL.replace("title: A chart", "title: Rates in {region}")).getMessage()
                .contains("field 'title': {region} is only for charts of the countries of one region"));
        assertTrue(problems(MINIMAL + "name: other\n").getMessage().contains("A chart is named by its file"));
        assertTrue(problems("title: a: b\n").getMessage().startsWith("Chart definitions cannot be used: charts/my-chart.yml line"));
    }

    @Test
    void aFolderAddsChartsAndReplacesBuiltInOnesOfTheSameName() throws IOException {
        Files.writeString(dir.resolve("homicide-rate-regions.yml"), MINIMAL.replace("A chart", "Our own homicide chart"));
        Files.writeString(dir.resolve("police-rate.yml"), MINIMAL.replace("sdg_16_1_1", "police_per_100k"));
        Files.writeString(dir.resolve("notes.txt"), "not a chart");
        ChartDefinitions defs = ChartDefinitions.load(List.of(dir));
        assertEquals("Our own homicide chart", defs.find("homicide-rate-regions").orElseThrow().title());
        assertEquals(dir.resolve("homicide-rate-regions.yml").toString(), defs.find("homicide-rate-regions").orElseThrow().origin());
        assertEquals("police_per_100k", defs.find("police-rate").orElseThrow().series().formula());
        assertTrue(defs.find("homicide-rate-countries").isPresent(), "the other built-in charts stay");
        assertFalse(defs.names().contains("notes"));
    }

    @Test
    void everyProblemOfEveryFileIsReportedTogether() throws IOException {
        Files.writeString(dir.resolve("a.yml"), MINIMAL + "colour: red\n");
        Files.writeString(dir.resolve("b.yml"), "title: B\nlines: regions\n");
        ChartDefinitionException e = assertThrows(ChartDefinitionException.class,
                () -> ChartDefinitions.load(List.of(dir, dir.resolve("missing"))));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(dir.resolve("a.yml") + " line 5: field 'colour'"), e.getMessage());
        assertTrue(e.problems().get(1).startsWith(dir.resolve("b.yml") + " line 1: field 'series': missing"), e.getMessage());
        assertTrue(e.problems().get(2).contains("missing: no such folder"), e.getMessage());
    }
}
