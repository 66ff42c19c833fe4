package org.uncts.cts.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.uncts.cts.publication.chart.ChartDefinition;
import org.uncts.cts.publication.chart.ChartDefinitionException;
import org.uncts.cts.publication.chart.ChartDefinitions;
import org.uncts.cts.publication.chart.ChartException;
import org.uncts.cts.publication.chart.ChartOptions;
import org.uncts.cts.publication.chart.Charts;
import org.uncts.cts.publish.ReleaseData;
import org.uncts.cts.spec.JobSpecException;
import org.uncts.cts.spec.SurveyRunPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "chart", mixinStandardHelpOptions = true,
        description = {"Draws a publication chart (PNG and/or SVG) from the current release of a job spec's outputs.",
            "Charts are YAML definitions (docs/charts.md); --list shows them."},
        footer = {"", "Examples:", "  ./cts chart --list",
            "  ./cts chart homicide-rate-regions",
            "  ./cts chart homicide-rate-countries --region \"Latin America and the Caribbean\" --from 2018 --format png",
            "  ./cts chart homicide-rate-small-multiples --out charts/"})
public class ChartCommand implements Callable<Integer> {

    enum Format { PNG, SVG, BOTH }

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The chart to draw (see --list).")
    String name;

    @Option(names = "--list", description = "List the chart definitions with their titles.")
    boolean list;

    @Mixin
    ReleaseChoice source;

    @Option(names = "--region", paramLabel = "R",
            description = "For charts of the countries of one region: the region (name or M49/SDG code).")
    String region;

    @Option(names = "--from", paramLabel = "YEAR", description = "First year drawn (default: the definition's, else the first with data).")
    Integer from;

    @Option(names = "--to", paramLabel = "YEAR", description = "Last year drawn (default: the definition's, else the last with data).")
    Integer to;

    @Option(names = "--format", defaultValue = "both", converter = FormatConverter.class,
            description = "png, svg or both (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE|DIR",
            description = "Where to write: a folder (NAME.png, NAME.svg in it), or a file NAME.png / NAME.svg. Default: the current folder.")
    Path out;

    @Option(names = "--definitions", paramLabel = "DIR",
            description = "A folder of chart definitions (NAME.yml) to add, after the spec's publication.charts folders; a file named like a chart already defined replaces it. Repeatable.")
    List<Path> definitions = new ArrayList<>();

    @Override
    public Integer call() {
        SurveyRunPlan plan;
        try {
            plan = source.plan();
        } catch (JobSpecException e) {
            System.err.println("cts chart: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        ChartDefinitions defs;
        try {
            // the spec's publication.charts folders, then those of the command line
            List<Path> folders = new ArrayList<>(plan.chartFolders());
            folders.addAll(definitions);
            defs = ChartDefinitions.load(folders);
        } catch (ChartDefinitionException e) {
            System.err.println("cts chart: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (list) {
            System.out.println(Charts.describe(defs.all()));
            return ExitCodes.OK;
        }
        if (name == null || name.isBlank()) {
            System.err.println("cts chart: name the chart to draw. Charts: " + String.join(", ", defs.names())
                    + " (./cts chart --list).");
            return ExitCodes.BAD_INPUT;
        }
        Optional<ChartDefinition> def = defs.find(name);
        if (def.isEmpty()) {
            System.err.println("cts chart: unknown chart '" + name + "'. Charts: " + String.join(", ", defs.names())
                    + " (./cts chart --list).");
            return ExitCodes.BAD_INPUT;
        }
        Path[] files;
        try {
            files = outputs(def.get().name(), out, format);
        } catch (IllegalArgumentException e) {
            System.err.println("cts chart: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Path folder = source.folder(plan);
        Connection db;
        try {
            db = ReleaseData.open(folder);
        } catch (IOException e) {
            System.err.println("cts chart: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        try (db) {
            Charts.render(def.get(), db, new ChartOptions(region, from, to), files[0], files[1]);
        } catch (ChartException e) {
            System.err.println("cts chart: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IOException | SQLException e) {
            System.err.println("cts chart: " + Errors.oneLine(e));
            return ExitCodes.FAILED;
        }
        for (Path f : files) {
            if (f != null) {
                System.out.println(f);
            }
        }
        return ExitCodes.OK;
    }

    /**
     * The PNG and SVG files to write (null for a format not asked for): a file named by --out,
     * with the other format beside it, or NAME.png / NAME.svg in the --out folder.
     */
    static Path[] outputs(String name, Path out, Format format) {
        boolean png = format != Format.SVG;
        boolean svg = format != Format.PNG;
        if (out == null) {
            out = Path.of("");
        }
        String file = out.getFileName() == null ? "" : out.getFileName().toString();
        String lower = file.toLowerCase(Locale.ROOT);
        boolean isFile = !Files.isDirectory(out) && (lower.endsWith(".png") || lower.endsWith(".svg"));
        if (!isFile) {
            return new Path[] {png ? out.resolve(name + ".png") : null, svg ? out.resolve(name + ".svg") : null};
        }
        String stem = file.substring(0, file.length() - 4);
        boolean givenPng = lower.endsWith(".png");
        if (format != Format.BOTH && givenPng != png) {
            throw new IllegalArgumentException("--out " + out + " is a ." + (givenPng ? "png" : "svg") + " file but --format is "
                    + format.name().toLowerCase(Locale.ROOT) + ". Name a ." + (png ? "png" : "svg")
                    + " file, or a folder.");
        }
        return new Path[] {png ? out.resolveSibling(stem + ".png") : null, svg ? out.resolveSibling(stem + ".svg") : null};
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format: use png, svg or both.");
            }
        }
    }
}
