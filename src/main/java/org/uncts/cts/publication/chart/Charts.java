package org.uncts.cts.publication.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Publication charts from the datasets of a release: {@link #render} draws one chart as PNG
 * and/or SVG, {@link #writeAll} every chart of a list with its defaults (the run's publish step).
 * The connection is one of {@link org.uncts.cts.publish.ReleaseData#open}: views
 * {@code indicators}, {@code regional_aggregates} and {@code countries}.
 */
public final class Charts {

    static {
        ChartRenderer.headless();
    }

    private Charts() {
    }

    /** What {@link #writeAll} did: the files written, and a message for each chart it could not draw. */
    public record Written(List<Path> files, List<String> skipped) {
    }

    /**
     * Draws one chart.
     *
     * @param outPng the PNG file to write, or null for none
     * @param outSvg the SVG file to write, or null for none
     * @throws ChartException        when the chart cannot be drawn as asked (unknown region, ...)
     * @throws NoChartDataException  when there is nothing to draw
     */
    public static ChartFigure render(ChartDefinition def, Connection db, ChartOptions options, Path outPng, Path outSvg)
            throws IOException {
        ChartFigure figure = figure(def, db, options);
        ChartRenderer.Image image = ChartRenderer.draw(figure);
        if (outPng != null) {
            ChartRenderer.writePng(image, outPng);
        }
        if (outSvg != null) {
            ChartRenderer.writeSvg(image, outSvg);
        }
        return figure;
    }

    /**
     * Writes NAME.png and NAME.svg into {@code folder} for every definition, with its defaults. A
     * chart that cannot be drawn (no data, no region) writes nothing and is reported in
     * {@link Written#skipped()}; the others are still written.
     */
    public static Written writeAll(List<ChartDefinition> definitions, Connection db, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ChartDefinition def : definitions) {
            Path png = folder.resolve(def.name() + ".png");
            Path svg = folder.resolve(def.name() + ".svg");
            try {
                render(def, db, ChartOptions.DEFAULTS, png, svg);
                files.add(png);
                files.add(svg);
            } catch (ChartException e) {
                skipped.add("chart " + def.name() + " not drawn: " + e.getMessage());
            }
        }
        return new Written(files, skipped);
    }

    /**
     * The chart's texts and lines, from the data and the options.
     *
     * @throws ChartException       when the options do not fit the chart, or the series is ambiguous
     * @throws NoChartDataException when nothing is left to draw
     */
    public static ChartFigure figure(ChartDefinition def, Connection db, ChartOptions options) {
        try {
            return def.lines() == ChartDefinition.Lines.REGIONS ? regionsFigure(def, db, options)
                    : countriesFigure(def, db, options);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the data of chart " + def.name() + ": " + e.getMessage(), e);
        }
    }

    private static ChartFigure regionsFigure(ChartDefinition def, Connection db, ChartOptions options) throws SQLException {
        if (options.region() != null) {
            throw new ChartException("chart " + def.name() + " draws one line per region (" + def.grouping().label()
                    + "); --region is for charts of the countries of one region ("
                    + "e.g. homicide-rate-countries).");
        }
        ChartData.RegionValues values = ChartData.regionValues(db, def.series(), def.grouping(), def.world());
        int[] years = years(def, options, values.lines(), db, "published regional values");
        // a region has the same colour in every chart of its grouping: its place among the grouping's regions
        List<String> keys = Regions.read(db).of(def.grouping()).stream().map(r -> r.grouping().id() + "|" + r.code()).toList();
        List<ChartData.Line> drawn = new ArrayList<>();
        List<String> notShown = new ArrayList<>();
        for (ChartData.Line l : values.lines()) {
            int style = keys.indexOf(l.key());
            ChartData.Line c = (style < 0 ? l : l.styled(style)).clip(years[0], years[1]);
            if (c.points().isEmpty()) {
                notShown.add(c.label());
            } else {
                drawn.add(c);
            }
        }
        if (drawn.isEmpty()) {
            throw new NoChartDataException(noData(def, "published regional values", years));
        }
        List<String> notes = new ArrayList<>();
        if (!notShown.isEmpty()) {
            notes.add("No published value in " + yearsText(years) + ": " + String.join(", ", notShown) + ".");
        }
        ChartFigure.Panel panel = new ChartFigure.Panel(null, drawn);
        return figure(def, null, values.unit(), notes, years, false, List.of(panel));
    }

    private static ChartFigure countriesFigure(ChartDefinition def, Connection db, ChartOptions options) throws SQLException {
        Regions regions = Regions.read(db);
        if (def.smallMultiples() && options.region() != null) {
            throw new ChartException("chart " + def.name() + " draws one panel per region (" + def.grouping().label()
                    + "); --region is for charts of the countries of one region (e.g. homicide-rate-countries).");
        }
        ChartData.CountryValues values = ChartData.countryValues(db, def.series());
        List<ChartFigure.Panel> panels = new ArrayList<>();
        Regions.Region region = null;
        if (def.smallMultiples()) {
            for (Regions.Region r : regions.of(def.grouping())) {
                panels.add(new ChartFigure.Panel(r.name(), ChartData.countryLines(values, r.areas())));
            }
        } else {
            String wanted = options.region() != null ? options.region() : def.region();
            if (wanted == null) {
                throw new ChartException("chart " + def.name() + " draws the countries of one region: give one with"
                        + " --region. " + regions.describe() + ".");
            }
            Optional<Regions.Region> found = regions.find(wanted, def.grouping());
            if (found.isEmpty()) {
                throw new ChartException("unknown region '" + wanted + "'. Regions of this release: "
                        + regions.describe() + ".");
            }
            region = found.get();
            panels.add(new ChartFigure.Panel(null, ChartData.countryLines(values, region.areas())));
        }
        List<ChartData.Line> all = panels.stream().flatMap(p -> p.lines().stream()).toList();
        String what = region == null ? "country values" : "values for the countries of " + region.name();
        int[] years = years(def, options, all, db, what);
        List<ChartFigure.Panel> clipped = new ArrayList<>();
        for (ChartFigure.Panel p : panels) {
            List<ChartData.Line> lines = p.lines().stream().map(l -> l.clip(years[0], years[1]))
                    .filter(l -> !l.points().isEmpty()).toList();
            if (!lines.isEmpty()) {
                clipped.add(new ChartFigure.Panel(p.title(), lines));
            }
        }
        if (clipped.isEmpty()) {
            throw new NoChartDataException(noData(def, what, years));
        }
        List<String> notes = new ArrayList<>();
        boolean estimates = clipped.stream().flatMap(p -> p.lines().stream()).flatMap(l -> l.points().stream())
                .anyMatch(ChartData.Point::estimated);
        if (estimates) {
            notes.add("Hollow markers: estimates.");
        }
        return figure(def, region == null ? null : region.name(), values.unit(), notes, years, def.smallMultiples(), clipped);
    }

    private static ChartFigure figure(ChartDefinition def, String region, String unit, List<String> notes, int[] years,
                                      boolean smallMultiples, List<ChartFigure.Panel> panels) {
        String yLabel = def.yAxis() != null ? def.yAxis() : unit;
        return new ChartFigure(def.name(), fill(def.title(), region), fill(def.subtitle(), region), yLabel, def.source(),
                notes, years[0], years[1], def.decimals(), smallMultiples, panels);
    }

    private static String fill(String text, String region) {
        return text == null || region == null ? text : text.replace(ChartDefinition.REGION_PLACEHOLDER, region);
    }

    /**
     * The years drawn: the option's, else the definition's, else those of the data. Throws when
     * there is no data at all (with the formulas the release has, when the formula has none).
     */
    private static int[] years(ChartDefinition def, ChartOptions options, List<ChartData.Line> lines, Connection db,
                               String what) throws SQLException {
        Integer from = options.from() != null ? options.from() : def.from();
        Integer to = options.to() != null ? options.to() : def.to();
        if (from != null && to != null && from > to) {
            throw new ChartException("the first year " + from + " is after the last year " + to + ".");
        }
        Optional<int[]> span = ChartData.span(lines);
        if (span.isEmpty()) {
            List<String> formulas = ChartData.formulas(db);
            String hint = formulas.contains(def.series().formula()) ? ""
                    : " This release has no value of formula " + def.series().formula() + "; its formulas are: "
                    + String.join(", ", formulas) + ".";
            throw new NoChartDataException("chart " + def.name() + " has no " + what + " for " + def.series().describe()
                    + "." + hint);
        }
        return new int[] {from != null ? from : span.get()[0], to != null ? to : span.get()[1]};
    }

    private static String noData(ChartDefinition def, String what, int[] years) {
        return "chart " + def.name() + " has no " + what + " in " + yearsText(years) + " for " + def.series().describe() + ".";
    }

    static String yearsText(int[] years) {
        return years[0] == years[1] ? String.valueOf(years[0]) : years[0] + "\u2013" + years[1];
    }

    /** For --list: "name  title  (what it draws)". */
    public static String describe(List<ChartDefinition> definitions) {
        int w = definitions.stream().mapToInt(d -> d.name().length()).max().orElse(0);
        return definitions.stream().map(d -> String.format("%-" + w + "s  %s  (%s)%s", d.name(), d.title(), d.kind(),
                        d.origin().startsWith("built-in") ? "" : "  from " + d.origin()))
                .collect(Collectors.joining("\n"));
    }
}
