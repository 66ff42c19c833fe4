package org.uncts.cts.publication.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartsTest {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static final ChartDefinition REGIONS = ChartDefinitions.parse("""
            title: Homicide rate by region
            subtitle: Victims per 100,000 population
            series: {formula: sdg_16_1_1}
            lines: regions
            grouping: m49_region
            world: true
            source: "Source: UNODC, UN-CTS test."
            """, "regions", "test");
    static final ChartDefinition COUNTRIES = ChartDefinitions.parse("""
            title: Homicide rate in {region}
            series: {formula: sdg_16_1_1}
            lines: countries
            region: Europe
            """, "countries", "test");
    static final ChartDefinition SMALL = ChartDefinitions.parse("""
            title: Homicide rate by country
            series: {formula: sdg_16_1_1}
            lines: countries
            small_multiples: region
            """, "small", "test");

    @TempDir
    Path dir;

    Connection db;

    @BeforeEach
    void open() throws SQLException {
        db = ChartFixture.open();
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    static XYDataset dataset(ChartRenderer.Image image, int panel) {
        return image.charts().get(panel).getXYPlot().getDataset();
    }

    static int series(XYDataset d, String key) {
        for (int s = 0; s < d.getSeriesCount(); s++) {
            if (d.getSeriesKey(s).equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no series " + key);
    }

    /** The y value of a series at a year; null for a gap. */
    static Number at(XYDataset d, String key, int year) {
        int s = series(d, key);
        for (int i = 0; i < d.getItemCount(s); i++) {
            if (d.getXValue(s, i) == year) {
                return d.getY(s, i);
            }
        }
        throw new AssertionError(key + " has no item for " + year);
    }

    @Test
    void theRegionsChartDrawsPublishedRegionalValuesWithGapsWhereNotPublished() {
        ChartFigure f = Charts.figure(REGIONS, db, ChartOptions.DEFAULTS);
        assertEquals(2018, f.from());
        assertEquals(2022, f.to());
        assertEquals(List.of("No published value in 2018\u20132022: Oceania."), f.notes());
        XYDataset d = dataset(ChartRenderer.draw(f), 0);
        List<String> keys = new ArrayList<>();
        for (int s = 0; s < d.getSeriesCount(); s++) {
            keys.add((String) d.getSeriesKey(s));
            assertEquals(5, d.getItemCount(s), "one item per year 2018-2022");
            for (int i = 0; i < 5; i++) {
                assertEquals(2018 + i, d.getXValue(s, i), "whole years on x");
            }
        }
        assertEquals(List.of("World", "Africa", "Americas", "Europe"), keys);
        assertEquals(ChartFixture.WORLD_2020, at(d, "World", 2020).doubleValue(), 0, "World 2020 is regional_aggregates' value");
        assertNull(at(d, "World", 2019), "not published in 2019: a gap, not interpolated");
        assertEquals(ChartFixture.regionRate("019", 2021), at(d, "Americas", 2021).doubleValue(), 1e-12);
    }

    @Test
    void theCountriesChartDrawsTheAreasOfTheRegionWithAGapForAMissingYear() {
        ChartFigure f = Charts.figure(COUNTRIES, db, ChartOptions.DEFAULTS);
        assertEquals("Homicide rate in Europe", f.title());
        assertEquals("per 100,000 population", f.yAxisLabel(), "no y_axis: the unit of the data");
        assertEquals(List.of("Hollow markers: estimates."), f.notes(), "DEU 2019 is an estimate");
        XYDataset d = dataset(ChartRenderer.draw(f), 0);
        assertEquals(3, d.getSeriesCount());
        assertEquals(List.of("England and Wales", "France", "Germany"),
                List.of(d.getSeriesKey(0), d.getSeriesKey(1), d.getSeriesKey(2)));
        assertNull(at(d, "France", 2020), "FRA has no 2020 value");
        assertEquals(ChartFixture.rate("FRA", 2021), at(d, "France", 2021).doubleValue(), 1e-12);
        assertEquals(ChartFixture.rate("DEU", 2019), at(d, "Germany", 2019).doubleValue(), 1e-12);

        ChartFigure americas = Charts.figure(COUNTRIES, db, new ChartOptions("Americas", 2019, 2021));
        assertEquals("Homicide rate in Americas", americas.title());
        XYDataset a = dataset(ChartRenderer.draw(americas), 0);
        assertEquals(1, a.getSeriesCount());
        assertEquals(3, a.getItemCount(0), "--from 2019 --to 2021");
        assertEquals(2019, a.getXValue(0, 0));
        // a sub-region, by code
        assertEquals("Homicide rate in Western Europe",
                Charts.figure(COUNTRIES, db, new ChartOptions("155", null, null)).title());
    }

    @Test
    void optionsThatDoNotFitSayWhatFits() {
        ChartException unknown = assertThrows(ChartException.class,
                () -> Charts.figure(COUNTRIES, db, new ChartOptions("Atlantis", null, null)));
        assertTrue(unknown.getMessage().startsWith("unknown region 'Atlantis'. Regions of this release: World: World;"
                + " M49 regions: Africa, Americas, Europe;"), unknown.getMessage());
        ChartException notHere = assertThrows(ChartException.class,
                () -> Charts.figure(REGIONS, db, new ChartOptions("Europe", null, null)));
        assertTrue(notHere.getMessage().contains("--region is for charts of the countries of one region"), notHere.getMessage());
        assertThrows(ChartException.class, () -> Charts.figure(SMALL, db, new ChartOptions("Europe", null, null)));
        ChartException years = assertThrows(ChartException.class,
                () -> Charts.figure(REGIONS, db, new ChartOptions(null, 2022, 2018)));
        assertTrue(years.getMessage().contains("the first year 2022 is after the last year 2018"), years.getMessage());
        NoChartDataException none = assertThrows(NoChartDataException.class,
                () -> Charts.figure(REGIONS, db, new ChartOptions(null, 2000, 2005)));
        assertTrue(none.getMessage().contains("has no published regional values in 2000\u20132005"), none.getMessage());
        ChartDefinition typo = ChartDefinitions.parse("title: T\nseries: {formula: sdg_1611}\nlines: regions\n", "typo", "test");
        NoChartDataException formula = assertThrows(NoChartDataException.class, () -> Charts.figure(typo, db, ChartOptions.DEFAULTS));
        assertTrue(formula.getMessage().contains("its formulas are: prison_population_rate, sdg_16_1_1"), formula.getMessage());
    }

    @Test
    void smallMultiplesHaveOnePanelPerRegionOnTheSameScale() {
        ChartFigure f = Charts.figure(SMALL, db, ChartOptions.DEFAULTS);
        assertTrue(f.smallMultiples());
        assertEquals(List.of("Africa", "Americas", "Europe"), f.panels().stream().map(ChartFigure.Panel::title).toList());
        ChartRenderer.Image image = ChartRenderer.draw(f);
        assertEquals(3, image.charts().size(), "one panel per region, in one image");
        assertEquals(List.of("Europe"), List.of(image.charts().get(2).getTitle().getText()));
        assertEquals(3, dataset(image, 2).getSeriesCount(), "Europe's panel has its three areas");
        assertEquals("Brazil", dataset(image, 1).getSeriesKey(0));
        double top = image.charts().get(0).getXYPlot().getRangeAxis().getUpperBound();
        for (JFreeChart c : image.charts()) {
            assertEquals(top, c.getXYPlot().getRangeAxis().getUpperBound(), 0, "same scale in every panel");
        }
        assertTrue(top >= ChartFixture.rate("BRA", 2022), "the scale holds the highest value");
        assertTrue(image.width() > ChartRenderer.WIDTH, "small multiples are larger than a single chart");
    }

    @Test
    void yearsAreWholeNumberTicksAndValueTicksNeverRepeatALabel() {
        TickUnits years = ChartRenderer.yearTicks();
        for (int i = 0; i < years.size(); i++) {
            NumberTickUnit u = (NumberTickUnit) years.get(i);
            assertEquals(Math.rint(u.getSize()), u.getSize(), 0);
            assertEquals("2015", u.valueToString(2015), "no thousands separator, no decimals");
        }
        ChartRenderer.Image image = ChartRenderer.draw(Charts.figure(REGIONS, db, ChartOptions.DEFAULTS));
        NumberAxis x = (NumberAxis) image.charts().get(0).getXYPlot().getDomainAxis();
        assertEquals(2017.5, x.getLowerBound(), 0);
        assertEquals(2022.5, x.getUpperBound(), 0);
        TickUnits values = ChartRenderer.valueTicks(0);
        assertEquals(1.0, values.get(0).getSize(), 0, "decimals 0: no tick finer than 1");
        assertEquals(0.1, ChartRenderer.valueTicks(1).get(0).getSize(), 1e-12);
        NumberAxis y = (NumberAxis) image.charts().get(0).getXYPlot().getRangeAxis();
        assertEquals(0, y.getLowerBound(), 0, "from zero");
        double steps = y.getUpperBound() / y.getTickUnit().getSize();
        assertTrue(steps >= 4 && steps <= 9, "a readable number of ticks: " + steps);
        assertEquals(Math.rint(steps), steps, 1e-9, "the axis ends on a tick");
    }

    @Test
    void renderWritesAPngOfTheExpectedSizeAndAWellFormedSvgWithTheTitle() throws Exception {
        Path png = dir.resolve("out/regions.png");
        Path svg = dir.resolve("out/regions.svg");
        Charts.render(REGIONS, db, ChartOptions.DEFAULTS, png, svg);

        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(img);
        assertEquals(ChartRenderer.WIDTH, img.getWidth());
        assertEquals(ChartRenderer.HEIGHT, img.getHeight());
        assertEquals(0xFFFFFF, img.getRGB(2, 2) & 0xFFFFFF, "white background");

        Document doc = parseXml(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName() == null ? doc.getDocumentElement().getTagName()
                : doc.getDocumentElement().getLocalName());
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("Homicide rate by region"), "the title is text in the SVG");
        assertTrue(text.contains("Source: UNODC, UN-CTS test."));
        assertTrue(text.contains("2020") && !text.contains("2,020") && !text.contains("2020.5"), "whole years only");

        Path png2 = dir.resolve("again/regions.png");
        Path svg2 = dir.resolve("again/regions.svg");
        Charts.render(REGIONS, db, ChartOptions.DEFAULTS, png2, svg2);
        assertArrayEquals(Files.readAllBytes(svg), Files.readAllBytes(svg2), "the same chart gives the same SVG");
        assertArrayEquals(bytes, Files.readAllBytes(png2), "and the same PNG");
        assertTrue(Files.readString(svg).contains("id='chart-regions-"), "ids named after the chart");

        Path onlySvg = dir.resolve("only.svg");
        Charts.render(SMALL, db, ChartOptions.DEFAULTS, null, onlySvg);
        assertTrue(Files.size(onlySvg) > 0);
        assertFalse(Files.exists(dir.resolve("only.png")));
    }

    @Test
    void writeAllWritesEveryChartItCanAndSaysWhichItCouldNot() throws Exception {
        ChartDefinition noData = ChartDefinitions.parse("title: Police\nseries: {formula: police_per_100k}\nlines: regions\n",
                "police", "test");
        Charts.Written w = Charts.writeAll(List.of(REGIONS, noData, SMALL), db, dir.resolve("charts"));
        assertEquals(List.of("regions.png", "regions.svg", "small.png", "small.svg"),
                w.files().stream().map(p -> p.getFileName().toString()).toList());
        for (Path p : w.files()) {
            assertTrue(Files.size(p) > 1000, p.toString());
        }
        assertEquals(1, w.skipped().size());
        assertTrue(w.skipped().get(0).startsWith("chart police not drawn: chart police has no published regional values"),
                w.skipped().get(0));
        assertFalse(Files.exists(dir.resolve("charts/police.png")));
        BufferedImage small = ImageIO.read(dir.resolve("charts/small.png").toFile());
        assertEquals(ChartRenderer.draw(Charts.figure(SMALL, db, ChartOptions.DEFAULTS)).height(), small.getHeight());
    }

    static Document parseXml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // never fetch a DTD over the network
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(file.toFile());
    }
}
