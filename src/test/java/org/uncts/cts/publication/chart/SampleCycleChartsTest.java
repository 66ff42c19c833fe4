package org.uncts.cts.publication.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.uncts.cts.publish.ReleaseData;
import org.uncts.cts.testing.TestCycle;
import org.uncts.cts.publish.Releases;
import org.uncts.cts.run.CtsApplication;
import org.uncts.cts.run.RunOutcome;
import org.uncts.cts.run.SurveyRunLauncher;

/** The shipped charts over the sample cycle's release: every one is drawn, from the release's own figures. */
@SpringBootTest(classes = CtsApplication.class, properties = "spring.datasource.url=jdbc:h2:mem:sample-charts-test;DB_CLOSE_DELAY=-1")
class SampleCycleChartsTest {

    @Autowired
    SurveyRunLauncher launcher;

    @TempDir
    Path dir;

    @Test
    void everyShippedChartIsDrawnFromTheSampleRelease() throws Exception {
        Path specFile = TestCycle.sampleSpec(dir);
        RunOutcome run = launcher.launch(specFile);
        assertEquals(BatchStatus.COMPLETED, run.status(), String.valueOf(run.reason()));

        List<ChartDefinition> defs = ChartDefinitions.builtIn().all();
        try (Connection db = ReleaseData.open(Releases.current(dir.resolve("out")))) {
            Charts.Written w = Charts.writeAll(defs, db, dir.resolve("charts"));
            assertEquals(List.of(), w.skipped());
            assertEquals(defs.size() * 2, w.files().size());
            for (ChartDefinition d : defs) {
                BufferedImage img = ImageIO.read(dir.resolve("charts/" + d.name() + ".png").toFile());
                assertNotNull(img, d.name());
                assertTrue(img.getWidth() >= ChartRenderer.WIDTH, d.name());
            }

            // the World line is the release's published world value, year by year
            ChartDefinition regions = ChartDefinitions.builtIn().find("homicide-rate-regions").orElseThrow();
            XYDataset data = ChartRenderer.draw(Charts.figure(regions, db, ChartOptions.DEFAULTS)).charts().get(0)
                    .getXYPlot().getDataset();
            assertEquals("World", data.getSeriesKey(0));
            int checked = 0;
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT year, value FROM regional_aggregates"
                    + " WHERE grouping = 'world' AND formula_id = 'sdg_16_1_1' AND sex = '_T' AND age = '_T'"
                    + " AND dimension = 'Total' AND category = 'Total' AND published ORDER BY year")) {
                while (rs.next()) {
                    int year = rs.getInt(1);
                    for (int i = 0; i < data.getItemCount(0); i++) {
                        if (data.getXValue(0, i) == year) {
                            assertEquals(rs.getDouble(2), data.getYValue(0, i), 1e-9, "World " + year);
                            checked++;
                        }
                    }
                }
            }
            assertTrue(checked >= 5, "published world values compared: " + checked);

            ChartFigure small = Charts.figure(ChartDefinitions.builtIn().find("homicide-rate-small-multiples").orElseThrow(),
                    db, ChartOptions.DEFAULTS);
            assertEquals(List.of("Africa", "Americas", "Asia", "Europe", "Oceania"),
                    small.panels().stream().map(ChartFigure.Panel::title).toList());
        }
    }
}
