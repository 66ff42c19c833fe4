package org.uncts.cts.publication.chart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.uncts.cts.validate.catalogue.YamlTree;

/**
 * The chart definitions in force: the built-in ones ({@code publication/charts/*.yml} on the
 * classpath) and then those of extra folders, where a file with the name of a built-in chart
 * replaces it. Every file is checked strictly and every problem of every file is reported
 * together, each naming the file, the line and the field (the schema: docs/charts.md).
 */
public final class ChartDefinitions {

    /** The classpath folder of the built-in definitions. */
    public static final String BUILT_IN_FOLDER = "publication/charts/";
    /** Every built-in file, also inside the executable jar (as the publication tables are found). */
    private static final String BUILT_IN_PATTERN = "classpath*:" + BUILT_IN_FOLDER + "*.yml";

    /** The keys a definition may have. */
    public static final List<String> KEYS = List.of("title", "subtitle", "y_axis", "series", "lines", "grouping",
            "world", "region", "small_multiples", "years", "decimals", "source");
    /** The keys of {@code series}. */
    public static final List<String> SERIES_KEYS = List.of("formula", "indicator", "iccs_code", "dimension", "category",
            "sex", "age");
    public static final List<String> YEARS_KEYS = List.of("from", "to");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    private final Map<String, ChartDefinition> byName;

    private ChartDefinitions(Map<String, ChartDefinition> byName) {
        this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    /** The built-in definitions only. */
    public static ChartDefinitions builtIn() {
        return load(List.of());
    }

    /**
     * The built-in definitions, then every {@code *.yml} (or {@code *.yaml}) file of each folder in
     * order: a file named like a chart already loaded replaces it.
     *
     * @throws ChartDefinitionException listing every problem of every file
     */
    public static ChartDefinitions load(List<Path> extraFolders) {
        List<String> problems = new ArrayList<>();
        Map<String, ChartDefinition> byName = new LinkedHashMap<>();
        for (Resource r : builtInResources()) {
            String resource = BUILT_IN_FOLDER + r.getFilename();
            addParsed(byName, problems, read(r), nameOf(r.getFilename()), "built-in " + resource);
        }
        for (Path folder : extraFolders == null ? List.<Path>of() : extraFolders) {
            if (!Files.isDirectory(folder)) {
                problems.add(folder + ": no such folder. Give a folder that holds chart definitions (NAME.yml).");
                continue;
            }
            Map<String, Path> seen = new TreeMap<>();
            for (Path file : yamlFiles(folder)) {
                String name = nameOf(file.getFileName().toString());
                Path first = seen.putIfAbsent(name, file);
                if (first != null) {
                    problems.add(file + ": chart '" + name + "' is defined twice in " + folder + " (also " + first.getFileName()
                            + "). Keep one of the two files.");
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    problems.add(file + ": cannot be read: " + e.getMessage());
                    continue;
                }
                addParsed(byName, problems, bytes, name, file.toString());
            }
        }
        if (!problems.isEmpty()) {
            throw new ChartDefinitionException(problems);
        }
        return new ChartDefinitions(byName);
    }

    private static void addParsed(Map<String, ChartDefinition> byName, List<String> problems, byte[] yaml, String name,
                                  String source) {
        try {
            byName.put(name, parse(yaml, name, source));
        } catch (ChartDefinitionException e) {
            problems.addAll(e.problems());
        }
    }

    /** Every definition, by name. */
    public List<ChartDefinition> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Optional<ChartDefinition> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name.strip()));
    }

    // ------------------------------------------------------------------------------------------

    /**
     * One definition from its YAML text.
     *
     * @param name   the chart's name (its file name without .yml)
     * @param source the file, for messages
     * @throws ChartDefinitionException listing every problem of the file
     */
    public static ChartDefinition parse(byte[] yaml, String name, String source) {
        YamlTree.Node doc;
        try {
            doc = YamlTree.read(yaml);
        } catch (YamlTree.SyntaxException e) {
            throw new ChartDefinitionException(List.of(source + (e.line() > 0 ? " line " + e.line() : "") + ": "
                    + e.getMessage() + ". Fix the YAML (indentation, quotes, colons)."));
        }
        return new Check(source, name).run(doc);
    }

    public static ChartDefinition parse(String yaml, String name, String source) {
        return parse(yaml.getBytes(StandardCharsets.UTF_8), name, source);
    }

    /** Checks one definition, collecting its problems. */
    private static final class Check {
        private final String source;
        private final String name;
        private final List<String> problems = new ArrayList<>();

        Check(String source, String name) {
            this.source = source;
            this.name = name;
        }

        private void problem(int line, String field, String what) {
            problems.add(source + (line > 0 ? " line " + line : "") + ": " + (field == null ? "" : "field '" + field + "': ")
                    + what);
        }

        ChartDefinition run(YamlTree.Node doc) {
            if (!NAME.matcher(name).matches()) {
                problem(0, null, "the file name '" + name + "' cannot name a chart: use lower-case letters, digits and"
                        + " hyphens, e.g. homicide-rate-regions.yml (it also names the PNG and SVG files).");
            }
            if (!(doc instanceof YamlTree.Mapping m)) {
                problem(doc == null ? 0 : doc.line(), null, doc == null ? "the file is empty. A chart needs at least"
                        + " title, series (formula) and lines." : "expected a mapping of keys (title: ..., series: ...).");
                throw new ChartDefinitionException(problems);
            }
            unknownKeys(m, "", KEYS);

            String title = text(m, "title", true);
            String subtitle = text(m, "subtitle", false);
            String yAxis = text(m, "y_axis", false);
            String source = text(m, "source", false);
            SeriesSelection series = series(m);
            ChartDefinition.Lines lines = lines(m);
            Grouping grouping = grouping(m);
            Boolean world = bool(m, "world");
            String region = text(m, "region", false);
            boolean smallMultiples = smallMultiples(m);
            Integer[] years = years(m);
            int decimals = decimals(m);

            if (lines == ChartDefinition.Lines.REGIONS) {
                if (smallMultiples) {
                    problem(m.keyLine("small_multiples"), "small_multiples", "only for lines: countries (one panel per"
                            + " region, each with its countries). Remove it, or write lines: countries.");
                }
                if (region != null) {
                    problem(m.keyLine("region"), "region", "only for lines: countries (the region whose countries are"
                            + " drawn). A chart with lines: regions draws every region of its grouping; remove region.");
                }
            }
            if (lines == ChartDefinition.Lines.COUNTRIES && world != null) {
                problem(m.keyLine("world"), "world", "only for lines: regions (adds the World line). Remove it.");
            }
            if (smallMultiples && region != null) {
                problem(m.keyLine("region"), "region", "small multiples draw every region of the grouping; remove region.");
            }
            if (smallMultiples && grouping == Grouping.WORLD) {
                problem(m.keyLine("grouping"), "grouping", "small multiples of the world would be one panel: use"
                        + " m49_region, sdg_region, ... or lines: countries without small_multiples.");
            }
            boolean regionAllowed = lines == ChartDefinition.Lines.COUNTRIES && !smallMultiples;
            placeholders(m, "title", title, regionAllowed);
            placeholders(m, "subtitle", subtitle, regionAllowed);
            if (!problems.isEmpty() || title == null || series == null || lines == null) {
                throw new ChartDefinitionException(problems);
            }
            return new ChartDefinition(name, title, subtitle, yAxis, series, lines,
                    grouping == null ? Grouping.M49_REGION : grouping, Boolean.TRUE.equals(world), region, smallMultiples,
                    years[0], years[1], decimals, source == null ? ChartDefinition.DEFAULT_SOURCE : source, this.source);
        }

        private void unknownKeys(YamlTree.Mapping m, String prefix, List<String> known) {
            for (var e : m.entries().entrySet()) {
                if (!known.contains(e.getKey())) {
                    String hint = prefix.isEmpty() && e.getKey().equals("name")
                            ? " A chart is named by its file: " + name + ".yml is chart '" + name + "'."
                            : prefix.isEmpty() && SERIES_KEYS.contains(e.getKey())
                            ? " Put it under series: (series: {formula: ..., " + e.getKey() + ": ...})." : "";
                    problem(e.getValue().keyLine(), prefix + e.getKey(), "unknown key. The keys "
                            + (prefix.isEmpty() ? "of a chart" : "of " + prefix.substring(0, prefix.length() - 1))
                            + " are: " + String.join(", ", known) + "." + hint);
                }
            }
        }

        private static Object plain(YamlTree.Mapping m, String key) {
            YamlTree.Node n = m.get(key);
            return n == null ? null : n.plain();
        }

        private String text(YamlTree.Mapping m, String key, boolean required) {
            return text(m, key, key, required);
        }

        private String text(YamlTree.Mapping m, String key, String field, boolean required) {
            if (!m.entries().containsKey(key)) {
                if (required) {
                    problem(m.line(), field, "missing. " + requiredHint(field));
                }
                return null;
            }
            Object v = plain(m, key);
            if (v instanceof String s && !s.isBlank()) {
                return s.strip();
            }
            if (v instanceof Number || v instanceof Boolean) {
                problem(m.keyLine(key), field, "must be text: write it in quotes, '" + v + "'.");
                return null;
            }
            problem(m.keyLine(key), field, "must be text, not " + describe(v) + ".");
            return null;
        }

        private static String requiredHint(String field) {
            return switch (field) {
                case "title" -> "Give the chart a title, e.g. title: Intentional homicide rate by region.";
                case "series" -> "Say what is drawn, e.g. series: {formula: sdg_16_1_1}.";
                case "series.formula" -> "Name the formula of the indicators dataset, e.g. formula: sdg_16_1_1"
                        + " (docs/indicators.md lists them).";
                case "lines" -> "Write lines: countries (one line per country of a region) or lines: regions"
                        + " (one line per region of a grouping).";
                default -> "";
            };
        }

        private SeriesSelection series(YamlTree.Mapping m) {
            YamlTree.Node n = m.get("series");
            if (n == null) {
                problem(m.line(), "series", "missing. " + requiredHint("series"));
                return null;
            }
            if (!(n instanceof YamlTree.Mapping s)) {
                problem(n.line(), "series", "must be a mapping, e.g. series: {formula: sdg_16_1_1, sex: _T}, not "
                        + describe(n.plain()) + ".");
                return null;
            }
            int before = problems.size();
            unknownKeys(s, "series.", SERIES_KEYS);
            String formula = text(s, "formula", "series.formula", true);
            String indicator = text(s, "indicator", "series.indicator", false);
            String iccs = text(s, "iccs_code", "series.iccs_code", false);
            String dimension = text(s, "dimension", "series.dimension", false);
            String category = text(s, "category", "series.category", false);
            String sex = text(s, "sex", "series.sex", false);
            String age = text(s, "age", "series.age", false);
            if (problems.size() > before || formula == null) {
                return null;
            }
            return new SeriesSelection(formula, indicator, iccs, dimension, category, sex, age);
        }

        private ChartDefinition.Lines lines(YamlTree.Mapping m) {
            if (!m.entries().containsKey("lines")) {
                problem(m.line(), "lines", "missing. " + requiredHint("lines"));
                return null;
            }
            Object v = plain(m, "lines");
            for (ChartDefinition.Lines l : ChartDefinition.Lines.values()) {
                if (v instanceof String s && s.strip().toLowerCase(Locale.ROOT).equals(l.id())) {
                    return l;
                }
            }
            problem(m.keyLine("lines"), "lines", "unknown value " + describe(v) + ". " + requiredHint("lines"));
            return null;
        }

        private Grouping grouping(YamlTree.Mapping m) {
            if (!m.entries().containsKey("grouping")) {
                return null;
            }
            Object v = plain(m, "grouping");
            Optional<Grouping> g = v instanceof String s ? Grouping.byId(s) : Optional.empty();
            if (g.isEmpty()) {
                problem(m.keyLine("grouping"), "grouping", "unknown grouping " + describe(v) + ". Groupings: "
                        + String.join(", ", Grouping.ids()) + ".");
                return null;
            }
            return g.get();
        }

        private Boolean bool(YamlTree.Mapping m, String key) {
            if (!m.entries().containsKey(key)) {
                return null;
            }
            Object v = plain(m, key);
            if (v instanceof Boolean b) {
                return b;
            }
            problem(m.keyLine(key), key, "must be true or false, not " + describe(v) + ".");
            return null;
        }

        private boolean smallMultiples(YamlTree.Mapping m) {
            if (!m.entries().containsKey("small_multiples")) {
                return false;
            }
            Object v = plain(m, "small_multiples");
            if (v instanceof String s && s.strip().equalsIgnoreCase("region")) {
                return true;
            }
            problem(m.keyLine("small_multiples"), "small_multiples", "the only value is 'region' (one panel per region"
                    + " of the grouping), not " + describe(v) + ". Remove the key for a single chart.");
            return false;
        }

        private Integer[] years(YamlTree.Mapping m) {
            Integer[] out = new Integer[2];
            YamlTree.Node n = m.get("years");
            if (n == null || n instanceof YamlTree.Scalar sc && sc.value() == null) {
                return out;
            }
            if (!(n instanceof YamlTree.Mapping y)) {
                problem(n.line(), "years", "must be a mapping, e.g. years: {from: 2015, to: 2024}, not "
                        + describe(n.plain()) + ".");
                return out;
            }
            unknownKeys(y, "years.", YEARS_KEYS);
            out[0] = year(y, "from");
            out[1] = year(y, "to");
            if (out[0] != null && out[1] != null && out[0] > out[1]) {
                problem(y.keyLine("from"), "years.from", "from " + out[0] + " is after to " + out[1] + ". Swap them.");
            }
            return out;
        }

        private Integer year(YamlTree.Mapping y, String key) {
            if (!y.entries().containsKey(key)) {
                return null;
            }
            Object v = plain(y, key);
            if (v instanceof Integer i && i >= 1900 && i <= 2100) {
                return i;
            }
            problem(y.keyLine(key), "years." + key, "must be a year such as 2015, not " + describe(v) + ".");
            return null;
        }

        private int decimals(YamlTree.Mapping m) {
            if (!m.entries().containsKey("decimals")) {
                return ChartDefinition.DEFAULT_DECIMALS;
            }
            Object v = plain(m, "decimals");
            if (v instanceof Integer i && i >= 0 && i <= 3) {
                return i;
            }
            problem(m.keyLine("decimals"), "decimals", "must be a whole number from 0 to 3 (decimals of the value axis),"
                    + " not " + describe(v) + ".");
            return ChartDefinition.DEFAULT_DECIMALS;
        }

        private void placeholders(YamlTree.Mapping m, String key, String text, boolean regionAllowed) {
            if (text == null) {
                return;
            }
            Matcher p = PLACEHOLDER.matcher(text);
            while (p.find()) {
                if (!p.group().equals(ChartDefinition.REGION_PLACEHOLDER)) {
                    problem(m.keyLine(key), key, "unknown placeholder " + p.group() + ". The only one is {region}"
                            + " (charts of the countries of one region).");
                } else if (!regionAllowed) {
                    problem(m.keyLine(key), key, "{region} is only for charts of the countries of one region"
                            + " (lines: countries, no small_multiples).");
                }
            }
        }
    }

    static String describe(Object v) {
        return YamlTree.describe(v);
    }

    // ------------------------------------------------------------------------------------------

    private static String nameOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".yml") || n.endsWith(".yaml")) && Files.isRegularFile(p);
    }

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(ChartDefinitions::isYaml).sorted().toList();
        } catch (IOException e) {
            throw new ChartDefinitionException(List.of(folder + ": cannot be listed: " + e.getMessage()));
        }
    }

    /** The built-in definition files, by file name. */
    static List<Resource> builtInResources() {
        try {
            return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(BUILT_IN_PATTERN))
                    .sorted(Comparator.comparing(Resource::getFilename)).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the built-in chart definitions (" + BUILT_IN_PATTERN + "): "
                    + e.getMessage(), e);
        }
    }

    private static byte[] read(Resource r) {
        try (InputStream in = r.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the built-in chart definition " + r.getFilename() + ": "
                    + e.getMessage(), e);
        }
    }
}
