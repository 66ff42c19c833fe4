package org.uncts.cts.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.testing.ConsoleCapture;
import org.uncts.cts.testing.Duck;

/** ./cts chart on a hand-made release folder: what is written, and what a wrong name or region says. */
class ChartCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err;
    private final ByteArrayOutputStream out = console.out;

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A release folder with the three datasets charts read, as Parquet. */
    Path release() throws Exception {
        Path r = dir.resolve("release");
        for (String d : List.of("countries", "indicators", "regional_aggregates")) {
            Files.createDirectories(r.resolve(d));
        }
        String f = r.toString().replace("'", "''");
        Duck.execute("COPY (SELECT * FROM (VALUES ('FRA', '250', 'France', '150', 'Europe', '155', 'Western Europe',"
                + " NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR), ('BRA', '076', 'Brazil', '019', 'Americas', '419',"
                + " 'Latin America and the Caribbean', '005', 'South America', NULL)) t(iso3, m49, name, region_code, region,"
                + " subregion_code, subregion, intermediate_region_code, intermediate_region, parent_iso3))"
                + " TO '" + f + "/countries/countries.parquet' (FORMAT parquet)");
        Duck.execute("COPY (SELECT 'sdg_16_1_1' AS formula_id, c AS country_iso3, y::INTEGER AS year,"
                + " 'victims_intentional_homicide' AS base_indicator, '0101' AS iccs_code, 'Total' AS dimension,"
                + " 'Total' AS category, '_T' AS sex, '_T' AS age, (y - 2000) / 10.0 AS value,"
                + " 'per 100,000 population' AS unit, 'A' AS obs_status"
                + " FROM (VALUES ('FRA'), ('BRA')) a(c), range(2018, 2023) r(y))"
                + " TO '" + f + "/indicators/indicators.parquet' (FORMAT parquet)");
        Duck.execute("COPY (SELECT g AS grouping, code AS region_code, n AS region_name, 'sdg_16_1_1' AS formula_id,"
                + " 'victims_intentional_homicide' AS base_indicator, '0101' AS iccs_code, 'Total' AS dimension,"
                + " 'Total' AS category, '_T' AS sex, '_T' AS age, y::INTEGER AS year, 5.0 AS value,"
                + " 'per 100,000 population' AS unit, true AS published"
                + " FROM (VALUES ('world', '001', 'World'), ('m49_region', '150', 'Europe')) a(g, code, n), range(2018, 2023) r(y))"
                + " TO '" + f + "/regional_aggregates/regional_aggregates.parquet' (FORMAT parquet)");
        return r;
    }

    @Test
    void listShowsEveryChartWithItsTitle() {
        assertEquals(ExitCodes.OK, Main.run("chart", "--list"));
        assertTrue(out().contains("homicide-rate-regions"), out());
        assertTrue(out().contains("Intentional homicide rate by region"), out());
        assertTrue(out().contains("prison-population-rate-regions"), out());
    }

    @Test
    void drawsAChartOfARelease() throws Exception {
        Path release = release();
        Path charts = dir.resolve("charts");
        assertEquals(ExitCodes.OK, Main.run("chart", "homicide-rate-regions", "--release", release.toString(),
                "--out", charts.toString()), err());
        byte[] png = Files.readAllBytes(charts.resolve("homicide-rate-regions.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertTrue(Files.readString(charts.resolve("homicide-rate-regions.svg")).contains("Intentional homicide rate by region"));
        assertTrue(out().contains("homicide-rate-regions.png"), out());

        Path file = dir.resolve("brazil.png");
        assertEquals(ExitCodes.OK, Main.run("chart", "homicide-rate-countries", "--release", release.toString(),
                "--region", "americas", "--from", "2019", "--format", "png", "--out", file.toString()), err());
        assertTrue(Files.size(file) > 1000);
        assertFalse(Files.exists(dir.resolve("brazil.svg")));
    }

    @Test
    void anUnknownChartOrRegionIsBadInputAndListsWhatThereIs() throws Exception {
        assertEquals(ExitCodes.BAD_INPUT, Main.run("chart", "homicide-rates"));
        assertTrue(err().contains("unknown chart 'homicide-rates'. Charts: homicide-rate-countries, homicide-rate-regions"), err());

        Path release = release();
        assertEquals(ExitCodes.BAD_INPUT, Main.run("chart", "homicide-rate-countries", "--release", release.toString(),
                "--region", "Atlantis", "--out", dir.toString()));
        assertTrue(err().contains("unknown region 'Atlantis'. Regions of this release: World: World; M49 regions: Americas, Europe"),
                err());
        assertEquals(ExitCodes.BAD_INPUT, Main.run("chart", "homicide-rate-regions", "--release", release.toString(),
                "--region", "Europe", "--out", dir.toString()));
        assertEquals(ExitCodes.BAD_INPUT, Main.run("chart", "prison-population-rate-regions", "--release", release.toString(),
                "--out", dir.toString()));
        assertTrue(err().contains("has no published regional values"), err());
        assertEquals(ExitCodes.BAD_INPUT, Main.run("chart", "homicide-rate-regions", "--release",
                dir.resolve("no-such-release").toString()));
        assertTrue(err().contains("run `./cts run` first"), err());
    }

    @Test
    void aDefinitionsFolderAddsChartsAndItsErrorsAreBadInput() throws Exception {
        Path defs = Files.createDirectories(dir.resolve("defs"));
        Files.writeString(defs.resolve("europe-only.yml"), "title: Europe\nseries: {formula: sdg_16_1_1}\nlines: countries\n"
                + "region: Europe\n");
        assertEquals(ExitCodes.OK, Main.run("chart", "--list", "--definitions", defs.toString()));
        assertTrue(out().contains("europe-only") && out().contains("from " + defs.resolve("europe-only.yml")), out());

        Files.writeString(defs.resolve("broken.yml"), "title: Broken\nseries: {formula: sdg_16_1_1}\nlines: regions\nlegend: no\n");
        assertEquals(ExitCodes.BAD_INPUT, Main.run("chart", "--list", "--definitions", defs.toString()));
        assertTrue(err().contains(defs.resolve("broken.yml") + " line 4: field 'legend': unknown key"), err());
    }

    @Test
    void theSpecsChartFoldersAddCharts() throws Exception {
        Path defs = Files.createDirectories(dir.resolve("jobs/publication/charts"));
        Files.writeString(defs.resolve("americas.yml"), "title: Americas\nseries: {formula: sdg_16_1_1}\nlines: countries\n"
                + "region: Americas\n");
        String spec = Files.readString(Path.of("jobs/sample-cycle.yml"))
                .replace("../sample-data", Path.of("sample-data").toAbsolutePath().toString())
                .replace("output: ../out/sample-cycle", "output: " + dir.resolve("out"))
                + "\npublication:\n  charts: [publication/charts]\n";
        Path specFile = dir.resolve("jobs/cycle.yml");
        Files.writeString(specFile, spec);
        assertEquals(ExitCodes.OK, Main.run("chart", "--list", "--spec", specFile.toString()), err());
        assertTrue(out().contains("americas") && out().contains("from " + defs.resolve("americas.yml")), out());
        assertEquals(ExitCodes.OK, Main.run("chart", "americas", "--spec", specFile.toString(), "--release", release().toString(),
                "--out", dir.resolve("charts").toString()), err());
        assertTrue(Files.exists(dir.resolve("charts/americas.png")));
        // no run of that spec yet: said so
        assertEquals(ExitCodes.BAD_INPUT, Main.run("chart", "americas", "--spec", specFile.toString()));
        assertTrue(err().contains("run `./cts run` first"), err());
    }

    @Test
    void outputFilesFollowOutAndFormat() {
        Path[] both = ChartCommand.outputs("c", Path.of("x"), ChartCommand.Format.BOTH);
        assertEquals(Path.of("x/c.png"), both[0]);
        assertEquals(Path.of("x/c.svg"), both[1]);
        Path[] file = ChartCommand.outputs("c", Path.of("figs/fig1.svg"), ChartCommand.Format.BOTH);
        assertEquals(Path.of("figs/fig1.png"), file[0]);
        assertEquals(Path.of("figs/fig1.svg"), file[1]);
        Path[] png = ChartCommand.outputs("c", null, ChartCommand.Format.PNG);
        assertEquals(Path.of("c.png"), png[0]);
        assertNull(png[1]);
        assertThrows(IllegalArgumentException.class, () -> ChartCommand.outputs("c", Path.of("a.svg"), ChartCommand.Format.PNG));
    }
}
