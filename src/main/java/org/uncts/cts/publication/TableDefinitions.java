package org.uncts.cts.publication;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.uncts.cts.spec.StrictYaml;

/**
 * The publication tables a run writes: the shipped definitions (classpath
 * publication/tables/*.yml) and those in the folders a job spec names, where a file with the same
 * name replaces the shipped one. Every definition is checked when loaded, and every problem is
 * reported with its file.
 */
public final class TableDefinitions {

    static final String BUILT_IN = "classpath*:publication/tables/*.yml";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** The statistics a cell can take from trends / regional_trends. */
    public static final Set<String> STATISTICS = Set.of("first_year", "last_year", "n_points", "first_value",
            "last_value", "pct_change", "index_last", "cagr_pct", "ols_annual_pct", "ols_ci_low", "ols_ci_high",
            "theil_sen_slope", "theil_sen_pct_of_median", "mk_s", "mk_z", "mk_p", "mk_direction");

    static final Set<String> GROUPINGS = Set.of("world", "m49_region", "m49_subregion", "m49_intermediate_region", "sdg_region");

    private TableDefinitions() {
    }

    /** The shipped definitions, then those of {@code folders} (later ones replace earlier ones), by name. */
    public static Map<String, TableDefinition> load(List<Path> folders) {
        Map<String, TableDefinition> byName = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(BUILT_IN)) {
                try (InputStream in = r.getInputStream()) {
                    read(r.getFilename(), in.readAllBytes(), "publication/tables/" + r.getFilename(), byName, problems);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the shipped table definitions: " + e.getMessage(), e);
        }
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                problems.add(folder + ": no such folder of table definitions. Fix publication.definitions in the job spec.");
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                    read(f.getFileName().toString(), Files.readAllBytes(f), f.toString(), byName, problems);
                }
            } catch (IOException e) {
                problems.add(folder + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new TableException("Table definitions with problems:\n  - " + String.join("\n  - ", problems));
        }
        return byName;
    }

    private static void read(String fileName, byte[] yaml, String source, Map<String, TableDefinition> into, List<String> problems) {
        String name = fileName.substring(0, fileName.length() - ".yml".length());
        if (!NAME.matcher(name).matches()) {
            problems.add(source + ": the file name must be lower-case letters, digits and '-' (it is the table's name)");
            return;
        }
        TableDefinition def;
        try {
            def = StrictYaml.read(yaml, TableDefinition.class, source);
        } catch (StrictYaml.Problem e) {
            problems.add(e.getMessage());
            return;
        }
        if (def == null) {
            problems.add(source + ": the file is empty");
            return;
        }
        int before = problems.size();
        check(def, source, problems);
        if (problems.size() == before) {
            into.put(name, def);
        }
    }

    static void check(TableDefinition d, String source, List<String> problems) {
        TableDefinition.Rows rows = d.rows();
        if (!Set.of("countries", "regions").contains(rows.kind())) {
            problems.add(source + ": rows.kind is '" + rows.kind() + "'; write countries or regions");
        }
        if (!Set.of("none", "region", "subregion").contains(rows.groupBy())) {
            problems.add(source + ": rows.group_by is '" + rows.groupBy() + "'; write none, region or subregion");
        }
        for (String g : rows.groupings()) {
            if (!GROUPINGS.contains(g)) {
                problems.add(source + ": rows.groupings has '" + g + "'; the groupings are "
                        + String.join(", ", new java.util.TreeSet<>(GROUPINGS)));
            }
        }
        if (!Set.of(TableDefinition.EACH, TableDefinition.LATEST, TableDefinition.PERIOD).contains(d.year())) {
            problems.add(source + ": year is '" + d.year() + "'; write each (a column per year), latest (each row at its"
                    + " latest year) or period (trend statistics over a period)");
        }
        TableDefinition.Years y = d.years();
        if (y != null) {
            if (y.last() != null && (y.from() != null || y.to() != null)) {
                problems.add(source + ": years has last and from/to; give one or the other");
            }
            if (y.last() != null && y.last() < 1) {
                problems.add(source + ": years.last must be 1 or more");
            }
            if (y.from() != null && y.to() != null && y.from() > y.to()) {
                problems.add(source + ": years.from " + y.from() + " is after years.to " + y.to());
            }
        }
        if (d.columns().isEmpty()) {
            problems.add(source + ": no columns; write columns: followed by a list of - header: ... cell: ...");
        }
        for (int i = 0; i < d.columns().size(); i++) {
            TableDefinition.Column c = d.columns().get(i);
            String where = source + ": columns[" + (i + 1) + "]" + (c.header() == null ? "" : " '" + c.header() + "'");
            TableDefinition.Cell cell = c.cell();
            if (cell.formula() == null && cell.indicator() == null && cell.statistic() == null) {
                problems.add(where + ": the cell needs a formula (indicators), an indicator (reported counts) or a statistic (trends)");
            }
            if (cell.statistic() != null) {
                if (!STATISTICS.contains(cell.statistic())) {
                    problems.add(where + ": statistic '" + cell.statistic() + "' is not one of " + String.join(", ", new java.util.TreeSet<>(STATISTICS)));
                }
                if (cell.formula() == null) {
                    problems.add(where + ": a statistic needs the formula of the series it is about (e.g. formula: sdg_16_1_1)");
                }
                if (!d.year().equals(TableDefinition.PERIOD)) {
                    problems.add(where + ": a statistic is about a period, not a year; write year: period (and only statistic columns)");
                }
            }
            if (cell.statistic() == null && d.year().equals(TableDefinition.PERIOD)) {
                problems.add(where + ": with year: period every column is a trend statistic (statistic: ols_annual_pct, ...)");
            }
            if (!cell.period().matches("all|last[1-9][0-9]*")) {
                problems.add(where + ": period '" + cell.period() + "' must be all or lastN (e.g. last10)");
            }
            if (cell.decimals() != null && (cell.decimals() < 0 || cell.decimals() > 6)) {
                problems.add(where + ": decimals must be between 0 and 6");
            }
            if (c.header() == null && !d.year().equals(TableDefinition.EACH)) {
                problems.add(where + ": a header is needed (e.g. header: Rate per 100,000)");
            }
        }
    }
}
