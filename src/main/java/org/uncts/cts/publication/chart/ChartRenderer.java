package org.uncts.cts.publication.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a {@link ChartFigure} with JFreeChart, headless: one line chart, or small multiples (one
 * chart per region in a grid, on the same scales, under one title). Years are whole-number ticks;
 * every year of the range is an item of each series, null where the line has no value, so a
 * missing year is a gap and nothing is interpolated across it.
 */
public final class ChartRenderer {

    static {
        headless();
    }

    /** A single chart. */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 540;
    /** One panel of small multiples, without its legend. */
    public static final int PANEL_WIDTH = 440;
    public static final int PANEL_HEIGHT = 300;
    /** The height of a row of the legend of a single chart, with its padding. */
    private static final int LEGEND_ROW = 22;

    private static final String FONT = Font.SANS_SERIF;
    private static final int PAD = 16;

    private ChartRenderer() {
    }

    /**
     * No display is needed to draw: the property must be set before AWT first starts, so every
     * entry point of the charts calls this (a caller that set it either way is left alone).
     */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** A drawn chart: its name, size, the JFreeChart of each panel (for tests), and how to paint it. */
    public record Image(String name, int width, int height, List<JFreeChart> charts, Consumer<Graphics2D> painter) {
        public void paint(Graphics2D g2) {
            painter.accept(g2);
        }
    }

    public static Image draw(ChartFigure f) {
        return f.smallMultiples() ? smallMultiples(f) : single(f);
    }

    // --- one chart ------------------------------------------------------------------------------

    private static Image single(ChartFigure f) {
        ChartFigure.Panel panel = f.panels().get(0);
        JFreeChart chart = chart(f, panel, valueRange(List.of(panel)), f.yAxisLabel(), 1.0f);
        chart.setTitle(title(f.title(), 19));
        chart.getTitle().setPadding(new RectangleInsets(0, 4, 2, 4));
        int position = 0;
        if (f.subtitle() != null) {
            chart.addSubtitle(position++, text(f.subtitle(), 13, Font.PLAIN, Palette.MUTED, RectangleEdge.TOP,
                    new RectangleInsets(0, 4, 8, 4)));
        }
        // bottom titles stack from the edge inwards: notes and source at the very bottom, then the legend
        List<String> foot = footLines(f);
        for (int i = foot.size() - 1; i >= 0; i--) {
            chart.addSubtitle(position++, text(foot.get(i), 11, Font.PLAIN, Palette.MUTED, RectangleEdge.BOTTOM,
                    new RectangleInsets(i == 0 ? 8 : 1, 4, 0, 4)));
        }
        LegendTitle legend = legend(chart.getXYPlot(), 12);
        chart.addSubtitle(position, legend);
        // a legend of more than two rows makes the image taller rather than the plot smaller
        Graphics2D m = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        double legendHeight = height(m, legend, WIDTH - 2.0 * PAD);
        m.dispose();
        int height = HEIGHT + (int) Math.max(0, Math.ceil(legendHeight - 2 * LEGEND_ROW));
        return new Image(f.name(), WIDTH, height, List.of(chart), g2 -> {
            fillWhite(g2, WIDTH, height);
            chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, height));
        });
    }

    // --- small multiples ------------------------------------------------------------------------

    private static Image smallMultiples(ChartFigure f) {
        List<ChartFigure.Panel> panels = f.panels();
        int cols = panels.size() <= 1 ? 1 : panels.size() <= 4 ? 2 : 3;
        int rows = (panels.size() + cols - 1) / cols;
        Range values = valueRange(panels);
        List<JFreeChart> charts = new ArrayList<>();
        List<LegendTitle> legends = new ArrayList<>();
        for (ChartFigure.Panel panel : panels) {
            // no axis label in the panels: it is printed once, above them, so every plot has the same width
            JFreeChart c = chart(f, panel, values, null, 0.85f);
            c.setTitle(title(panel.title(), 14));
            c.getTitle().setPadding(new RectangleInsets(2, 4, 4, 4));
            c.setPadding(new RectangleInsets(6, 4, 2, 10));
            charts.add(c);
            legends.add(legend(c.getXYPlot(), 10));
        }
        int width = PAD * 2 + cols * PANEL_WIDTH;
        double textWidth = width - 2.0 * PAD;
        TextTitle title = text(f.title(), 19, Font.BOLD, Palette.TEXT, RectangleEdge.TOP, new RectangleInsets(0, 0, 2, 0));
        List<TextTitle> head = new ArrayList<>(List.of(title));
        if (f.subtitle() != null) {
            head.add(text(f.subtitle(), 13, Font.PLAIN, Palette.MUTED, RectangleEdge.TOP, new RectangleInsets(0, 0, 4, 0)));
        }
        if (f.yAxisLabel() != null) {
            head.add(text(f.yAxisLabel(), 12, Font.PLAIN, Palette.TEXT, RectangleEdge.TOP, new RectangleInsets(6, 0, 0, 0)));
        }
        List<TextTitle> foot = footLines(f).stream()
                .map(s -> text(s, 11, Font.PLAIN, Palette.MUTED, RectangleEdge.BOTTOM, new RectangleInsets(1, 0, 0, 0)))
                .toList();
        // sizes are measured with a Graphics2D; any will do, the fonts are the same
        Graphics2D m = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        double headHeight = head.stream().mapToDouble(t -> height(m, t, textWidth)).sum();
        double footHeight = foot.stream().mapToDouble(t -> height(m, t, textWidth)).sum();
        // every panel's legend gets the height of the tallest, so that the plots of a row line up
        double legendHeight = legends.stream().mapToDouble(l -> height(m, l, PANEL_WIDTH - 16)).max().orElse(0);
        m.dispose();
        double panelHeight = PANEL_HEIGHT + legendHeight;
        int height = (int) Math.ceil(PAD + headHeight + 4 + rows * panelHeight + 8 + footHeight + PAD);
        return new Image(f.name(), width, height, List.copyOf(charts), g2 -> {
            fillWhite(g2, width, height);
            double y = PAD;
            for (TextTitle t : head) {
                y += place(g2, t, PAD, y, textWidth);
            }
            y += 4;
            for (int i = 0; i < charts.size(); i++) {
                double x = PAD + (i % cols) * PANEL_WIDTH;
                double top = y + (i / cols) * panelHeight;
                charts.get(i).draw(g2, new Rectangle2D.Double(x, top, PANEL_WIDTH, PANEL_HEIGHT));
                place(g2, legends.get(i), x + 8, top + PANEL_HEIGHT, PANEL_WIDTH - 16);
            }
            double fy = y + rows * panelHeight + 8;
            for (TextTitle t : foot) {
                fy += place(g2, t, PAD, fy, textWidth);
            }
        });
    }

    /** The value range every panel shares: from zero (or the lowest value, if negative) to the highest. */
    static Range valueRange(List<ChartFigure.Panel> panels) {
        double min = 0;
        double max = 0;
        for (ChartFigure.Panel p : panels) {
            for (ChartData.Line l : p.lines()) {
                for (ChartData.Point pt : l.points()) {
                    min = Math.min(min, pt.value());
                    max = Math.max(max, pt.value());
                }
            }
        }
        double span = max - min;
        return new Range(min < 0 ? min - span * 0.03 : 0, max + (span == 0 ? 1 : span * 0.03));
    }

    // --- the parts --------------------------------------------------------------------------------

    /**
     * The chart of one panel, with no title yet.
     *
     * @param range the values shown (all panels of small multiples share one)
     * @param scale 1 for a chart alone, less for a panel of small multiples
     */
    private static JFreeChart chart(ChartFigure f, ChartFigure.Panel panel, Range range, String yLabel, float scale) {
        XYSeriesCollection data = dataset(panel.lines(), f.from(), f.to());
        NumberAxis years = new NumberAxis(null);
        years.setRange(f.from() - 0.5, f.to() + 0.5); // half a year either side: the end markers are not cut
        years.setStandardTickUnits(yearTicks());
        years.setAutoTickUnitSelection(true);
        years.setTickLabelFont(new Font(FONT, Font.PLAIN, Math.round(12 * scale)));
        years.setTickLabelPaint(Palette.TEXT);
        years.setAxisLinePaint(Palette.MUTED);
        years.setTickMarkPaint(Palette.MUTED);
        years.setMinorTickMarksVisible(false);

        // about six steps, the axis ending on a tick: JFreeChart's own choice of ticks crowds the axis
        NumberTickUnit step = valueStep(range, f.decimals());
        NumberAxis values = new NumberAxis(yLabel);
        values.setRange(new Range(range.getLowerBound(), Math.ceil(range.getUpperBound() / step.getSize() - 1e-9) * step.getSize()));
        values.setTickUnit(step);
        values.setLabelFont(new Font(FONT, Font.PLAIN, Math.round(12 * scale)));
        values.setLabelPaint(Palette.TEXT);
        values.setTickLabelFont(new Font(FONT, Font.PLAIN, Math.round(12 * scale)));
        values.setTickLabelPaint(Palette.TEXT);
        values.setAxisLineVisible(false);
        values.setTickMarksVisible(false);

        XYPlot plot = new XYPlot(data, years, values, renderer(panel.lines(), f.from(), f.to(), scale));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setRangeGridlineStroke(new java.awt.BasicStroke(0.8f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(4, 4, 4, 10));

        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(14, 14, 10, 18));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /** One series per line, with an item for every year of the range: null where the line has no value. */
    static XYSeriesCollection dataset(List<ChartData.Line> lines, int from, int to) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<String> labels = new ArrayList<>();
        for (ChartData.Line line : lines) {
            // series keys must differ; two areas of the same name (unlikely) keep their codes
            String label = labels.contains(line.label()) ? line.label() + " (" + line.key() + ")" : line.label();
            labels.add(label);
            XYSeries s = new XYSeries(label, false, false);
            for (int year = from; year <= to; year++) {
                Double v = line.at(year).map(ChartData.Point::value).orElse(null);
                s.add(year, v);
            }
            data.addSeries(s);
        }
        return data;
    }

    private static XYLineAndShapeRenderer renderer(List<ChartData.Line> lines, int from, int to, float scale) {
        boolean[][] estimated = new boolean[lines.size()][to - from + 1];
        for (int s = 0; s < lines.size(); s++) {
            for (ChartData.Point p : lines.get(s).points()) {
                estimated[s][p.year() - from] = p.estimated();
            }
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true) {
            @Override
            public Paint getItemFillPaint(int series, int item) {
                return estimated[series][item] ? Color.WHITE : lookupSeriesPaint(series);
            }
        };
        r.setUseFillPaint(true);
        r.setDrawOutlines(true);
        r.setUseOutlinePaint(false);
        r.setDefaultOutlineStroke(new java.awt.BasicStroke(1.4f * scale));
        r.setLegendLine(new Line2D.Double(-12, 0, 12, 0));
        int next = 0;
        for (int s = 0; s < lines.size(); s++) {
            ChartData.Line line = lines.get(s);
            boolean world = line.key().startsWith(Grouping.WORLD.id() + "|");
            int style = line.style() >= 0 ? line.style() : next;
            Color c = world ? Palette.WORLD : Palette.colour(style);
            r.setSeriesPaint(s, c);
            r.setSeriesFillPaint(s, c); // the legend's marker is filled
            r.setSeriesStroke(s, world ? Palette.worldStroke(2.2f * scale) : Palette.stroke(style, 2.2f * scale));
            r.setSeriesShape(s, Palette.shape(world ? 0 : style, 7 * scale));
            if (!world) {
                next++;
            }
        }
        return r;
    }

    private static LegendTitle legend(XYPlot plot, int size) {
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(new Font(FONT, Font.PLAIN, size));
        legend.setItemPaint(Palette.TEXT);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
        legend.setMargin(new RectangleInsets(6, 0, 0, 0));
        return legend;
    }

    private static TextTitle title(String text, int size) {
        TextTitle t = new TextTitle(text, new Font(FONT, Font.BOLD, size));
        t.setPaint(Palette.TEXT);
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        t.setTextAlignment(HorizontalAlignment.LEFT);
        return t;
    }

    private static TextTitle text(String text, int size, int style, Color colour, RectangleEdge edge,
                                  RectangleInsets padding) {
        TextTitle t = new TextTitle(text, new Font(FONT, style, size), colour, edge, HorizontalAlignment.LEFT,
                VerticalAlignment.CENTER, padding);
        t.setTextAlignment(HorizontalAlignment.LEFT);
        return t;
    }

    /** The source, then the notes, each its own line under the chart. */
    private static List<String> footLines(ChartFigure f) {
        List<String> out = new ArrayList<>();
        if (f.source() != null) {
            out.add(f.source());
        }
        out.addAll(f.notes());
        return out;
    }

    private static double height(Graphics2D g2, org.jfree.chart.title.Title t, double width) {
        return t.arrange(g2, new RectangleConstraint(new Range(0, width), new Range(0, 1000))).getHeight();
    }

    private static double place(Graphics2D g2, org.jfree.chart.title.Title t, double x, double y, double width) {
        Size2D size = t.arrange(g2, new RectangleConstraint(new Range(0, width), new Range(0, 1000)));
        t.draw(g2, new Rectangle2D.Double(x, y, width, size.getHeight()));
        return size.getHeight();
    }

    private static void fillWhite(Graphics2D g2, int width, int height) {
        g2.setPaint(Color.WHITE);
        g2.fill(new Rectangle2D.Double(0, 0, width, height));
    }

    /** Whole years only: 1, 2, 5, 10... years between ticks, printed without a thousands separator. */
    static TickUnits yearTicks() {
        DecimalFormat f = new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        TickUnits units = new TickUnits();
        for (int size : new int[] {1, 2, 5, 10, 20, 50, 100}) {
            units.add(new NumberTickUnit(size, f, 0));
        }
        return units;
    }

    /**
     * Tick sizes of 1, 2, 2.5 and 5 times a power of ten, none finer than the decimals shown (so no
     * two ticks print the same label), with a thousands separator.
     */
    static TickUnits valueTicks(int decimals) {
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        TickUnits units = new TickUnits();
        for (int exp = -decimals; exp <= 9; exp++) {
            for (String m : new String[] {"1", "2", "2.5", "5"}) {
                if (m.equals("2.5") && exp == -decimals) {
                    continue; // would need one more decimal
                }
                units.add(new NumberTickUnit(new BigDecimal(m).scaleByPowerOfTen(exp).doubleValue(), f, 0));
            }
        }
        return units;
    }

    /** The tick unit of {@link #valueTicks} that cuts the range into the number of steps nearest to six. */
    static NumberTickUnit valueStep(Range range, int decimals) {
        TickUnits units = valueTicks(decimals);
        NumberTickUnit best = (NumberTickUnit) units.get(0);
        for (int i = 0; i < units.size(); i++) {
            NumberTickUnit u = (NumberTickUnit) units.get(i);
            if (Math.abs(range.getLength() / u.getSize() - 6) < Math.abs(range.getLength() / best.getSize() - 6)) {
                best = u;
            }
        }
        return best;
    }

    // --- files ------------------------------------------------------------------------------------

    public static void writePng(Image image, Path out) throws IOException {
        BufferedImage img = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            image.paint(g2);
        } finally {
            g2.dispose();
        }
        createParent(out);
        try (OutputStream o = Files.newOutputStream(out)) {
            ChartUtils.writeBufferedImageAsPNG(o, img);
        }
    }

    public static void writeSvg(Image image, Path out) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(image.width(), image.height());
        // ids of clip paths named after the chart, not a clock: the same chart gives the same file, and two
        // charts can be inlined in one HTML page
        g2.setDefsKeyPrefix("chart-" + image.name() + "-");
        image.paint(g2);
        createParent(out);
        Files.writeString(out, g2.getSVGDocument(), StandardCharsets.UTF_8);
    }

    private static void createParent(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
