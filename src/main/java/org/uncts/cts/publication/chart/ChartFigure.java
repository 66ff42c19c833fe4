package org.uncts.cts.publication.chart;

import java.util.List;

/**
 * A chart ready to draw: its texts, the years of its horizontal axis and the lines of each panel
 * (one panel, or one per region for small multiples). What {@link ChartRenderer} turns into an image.
 *
 * @param notes lines printed under the source (regions not shown, what hollow markers are)
 */
public record ChartFigure(String name, String title, String subtitle, String yAxisLabel, String source,
                          List<String> notes, int from, int to, int decimals, boolean smallMultiples,
                          List<Panel> panels) {

    /** One plot: a title (the region, in small multiples; null for a single chart) and its lines. */
    public record Panel(String title, List<ChartData.Line> lines) {
    }

    public ChartFigure {
        notes = List.copyOf(notes);
        panels = List.copyOf(panels);
    }
}
