package org.uncts.cts.spec;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.uncts.cts.ingest.ReadOptions;
import org.uncts.cts.ingest.ReturnLayout;
import org.uncts.cts.validate.ReferenceYears;
import org.uncts.cts.validate.catalogue.RuleCatalogue;
import org.uncts.cts.validate.catalogue.RuleCatalogueException;
import org.uncts.cts.validate.catalogue.RuleOverrides;

/** Reads a job spec, reports every problem in terms of the spec file, and resolves it to a plan. */
public final class JobSpecLoader {

    /** The format of Excel returns, read with a questionnaire template rather than a CSV layout. */
    public static final String XLSX = "xlsx";

    private JobSpecLoader() {
    }

    public static SurveyRunPlan load(Path specFile) {
        Path spec = specFile.toAbsolutePath().normalize();
        byte[] bytes = bytes(specFile, spec);
        return resolve(spec, read(specFile, bytes), bytes);
    }

    /**
     * The spec's {@code schedule} (a checked cron expression), or empty when it has none. Reads the
     * spec's shape but resolves no file: the inputs of a scheduled run may arrive later. What
     * {@code cts schedule} reads at start; each launch loads the whole spec again.
     *
     * @throws JobSpecException when the spec cannot be read, is malformed, or its schedule is not a cron expression
     */
    public static java.util.Optional<String> schedule(Path specFile) {
        Path spec = specFile.toAbsolutePath().normalize();
        byte[] bytes = bytes(specFile, spec);
        JobSpec js = read(specFile, bytes);
        String problem = scheduleProblem(js.schedule(), bytes);
        if (problem != null) {
            throw new JobSpecException(spec + " " + problem);
        }
        return java.util.Optional.ofNullable(js.schedule()).map(String::strip);
    }

    private static byte[] bytes(Path specFile, Path spec) {
        if (!Files.isRegularFile(spec)) {
            throw new JobSpecException("Job spec " + specFile + " does not exist. Give the path of a .yml file, e.g. jobs/sample-cycle.yml.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(spec);
        } catch (IOException e) {
            throw new JobSpecException("Cannot read job spec " + specFile + ": " + e.getMessage(), e);
        }
        return bytes;
    }

    private static JobSpec read(Path specFile, byte[] bytes) {
        JobSpec js;
        try {
            js = StrictYaml.read(bytes, JobSpec.class, specFile.toString());
        } catch (StrictYaml.Problem e) {
            throw new JobSpecException(e.getMessage(), e);
        }
        if (js == null) {
            throw new JobSpecException(specFile + ": the job spec is empty.");
        }
        return js;
    }

    /**
     * Why a schedule is not a cron expression Spring accepts ({@code CronExpression.parse}), with
     * the key's line, e.g. "line 3: schedule: ..."; null when it is one or is absent.
     */
    static String scheduleProblem(String schedule, byte[] yaml) {
        if (schedule == null) {
            return null;
        }
        String where = topLevelKeyLine(yaml, "schedule");
        if (schedule.isBlank()) {
            return where + "schedule: give a cron expression (e.g. \"0 0 2 * * *\" for 02:00 every day) or leave the key out";
        }
        try {
            org.springframework.scheduling.support.CronExpression.parse(schedule.strip());
            return null;
        } catch (IllegalArgumentException e) {
            return where + "schedule: '" + schedule + "' is not a cron expression (" + StrictYaml.firstLine(e.getMessage())
                    + "). Give six fields, second minute hour day-of-month month day-of-week, e.g. \"0 0 2 * * *\""
                    + " for 02:00 every day, or one of @yearly, @monthly, @weekly, @daily, @hourly";
        }
    }

    /** "line N: " of a top-level key, or "" when it is not found on a line of its own. */
    private static String topLevelKeyLine(byte[] yaml, String name) {
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("^[\"']?" + java.util.regex.Pattern.quote(name) + "[\"']?\\s*:");
        String[] lines = new String(yaml, java.nio.charset.StandardCharsets.UTF_8).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (key.matcher(lines[i]).find()) {
                return "line " + (i + 1) + ": ";
            }
        }
        return "";
    }

    private static SurveyRunPlan resolve(Path spec, JobSpec js, byte[] bytes) {
        String sha = sha256(bytes);
        Path base = spec.getParent();
        // inputs are named relative to the project folder (the spec's folder's parent, as in jobs/x.yml)
        Path project = base.getParent() == null ? base : base.getParent();
        List<String> problems = new ArrayList<>();
        if (js.referenceYears().from() > js.referenceYears().to()) {
            problems.add("reference_years: 'from' " + js.referenceYears().from() + " is after 'to' " + js.referenceYears().to());
        }
        List<SurveyRunPlan.InputReturn> inputs = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (JobSpec.Input in : js.inputs()) {
            ReturnLayout layout = null;
            String format = in.format() == null ? "auto" : in.format().strip().toLowerCase(Locale.ROOT);
            if (format.equals(XLSX)) {
                // an Excel return has no CSV layout: ReturnReaders reads a workbook with its template
                if (in.template() == null) {
                    problems.add("inputs: " + in.path() + " has format xlsx but no template: add `template: <file>.yml`, the"
                            + " questionnaire template that says which cells hold which figures (e.g."
                            + " ../sample-data/templates/cts-homicide-v1.yml; docs/input-formats.md, \"Excel returns\")");
                }
            } else if (!format.equals("auto")) {
                layout = ReturnLayout.bySpecName(format).orElse(null);
                if (layout == null) {
                    problems.add("inputs: format '" + in.format() + "' of " + in.path() + " is not one of auto, "
                            + String.join(", ", java.util.Arrays.stream(ReturnLayout.values()).map(ReturnLayout::specName).toList())
                            + ", " + XLSX);
                }
            }
            ReadOptions options = readOptions(base, in, problems);
            List<Path> matched = expand(base, in.path());
            if (matched.isEmpty()) {
                problems.add("inputs: " + in.path() + " matches no file (looked in " + base.resolve(in.path()).getParent() + ")");
            }
            for (Path p : matched) {
                if (seen.add(p)) {
                    String display = p.startsWith(project) ? project.relativize(p).toString() : p.toString();
                    inputs.add(new SurveyRunPlan.InputReturn(p, display.replace('\\', '/'), layout, options));
                }
            }
        }
        List<Path> countries = files(base, js.reference().countries(), "reference.countries", problems);
        List<Path> population = files(base, js.reference().population(), "reference.population", problems);
        String edition = js.reference().populationEdition();
        if (edition != null) {
            edition = edition.strip();
            if (edition.isEmpty()) {
                problems.add("reference.population_edition: give the edition of the population figures"
                        + " (e.g. \"WPP 2024\"), or leave the key out");
            } else if (population.isEmpty() && (js.reference().population() == null
                    || js.reference().population().isEmpty())) {
                problems.add("reference.population_edition: '" + edition
                        + "' is given but reference.population names no population file");
            }
        }
        Path crimeCodes = js.reference().crimeCodes() == null ? null
                : file(base, js.reference().crimeCodes(), "reference.crime_codes", problems);
        Path indicators = js.reference().indicators() == null ? null
                : file(base, js.reference().indicators(), "reference.indicators", problems);
        if (countries.isEmpty() && js.reference().countries().isEmpty()) {
            problems.add("reference.countries: name at least one country code file");
        }
        RuleCatalogue rules = RuleCatalogue.builtIn();
        Path previousVintage = null;
        JobSpec.Validation validation = js.validation();
        if (validation != null) {
            rules = rules(spec, base, bytes, validation, problems);
            previousVintage = validation.previousVintage() == null ? null
                    : previousVintage(base, validation.previousVintage(), problems);
        }
        List<Path> tableFolders = folders(base, js.publication() == null ? null : js.publication().tables(), "publication.tables", problems);
        List<Path> chartFolders = folders(base, js.publication() == null ? null : js.publication().charts(), "publication.charts", problems);
        String scheduleProblem = scheduleProblem(js.schedule(), bytes);
        if (scheduleProblem != null) {
            problems.add(scheduleProblem);
        }
        if (!problems.isEmpty()) {
            throw new JobSpecException(spec + " cannot run:\n  - " + String.join("\n  - ", problems));
        }
        Path output = base.resolve(js.output() == null ? "../out/" + js.name() : js.output()).normalize();
        return new SurveyRunPlan(spec, sha, js.name(), js.cycle(),
                new ReferenceYears(js.referenceYears().from(), js.referenceYears().to()), List.copyOf(inputs),
                countries, population, crimeCodes, indicators, output, rules, previousVintage, edition,
                js.schedule() == null ? null : js.schedule().strip(), tableFolders, chartFolders);
    }

    /** The reading options of an input, each checked: a template that exists, one-character marks. */
    private static ReadOptions readOptions(Path base, JobSpec.Input in, List<String> problems) {
        Path template = null;
        if (in.template() != null) {
            template = base.resolve(in.template()).normalize();
            if (!Files.isRegularFile(template)) {
                problems.add("inputs: template " + in.template() + " of " + in.path() + " does not exist (looked for " + template + ")");
            }
        }
        Character delimiter = mark(in.delimiter(), Map.of(",", ',', ";", ';', "tab", '\t', "|", '|'),
                "delimiter", in.path(), problems);
        Character decimal = mark(in.decimalMark(), Map.of(".", '.', ",", ','), "decimal_mark", in.path(), problems);
        Character thousands = mark(in.thousandsSeparator(), Map.of(".", '.', ",", ',', "space", ' ', "nbsp", '\u00A0',
                "none", '\0'), "thousands_separator", in.path(), problems);
        if (decimal != null && decimal.equals(thousands)) {
            problems.add("inputs: " + in.path() + " has the same decimal_mark and thousands_separator '" + decimal + "'");
        }
        return new ReadOptions(template, delimiter, decimal, thousands);
    }

    /** A declared mark by its name in the spec; '\0' stands for "none". */
    private static Character mark(String given, Map<String, Character> allowed, String key, String path, List<String> problems) {
        if (given == null) {
            return null;
        }
        Character c = allowed.get(given.strip().toLowerCase(Locale.ROOT));
        if (c == null) {
            problems.add("inputs: " + key + " '" + given + "' of " + path + " is not one of "
                    + String.join(", ", new java.util.TreeSet<>(allowed.keySet())));
        }
        return c;
    }

    private static List<Path> folders(Path base, List<String> names, String key, List<String> problems) {
        List<Path> out = new ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            Path p = base.resolve(name).normalize();
            if (Files.isDirectory(p)) {
                out.add(p);
            } else {
                problems.add(key + ": " + name + " is not a folder (looked for " + p + ")");
            }
        }
        return out;
    }

    /**
     * The shipped catalogue changed by validation.rules (a file), then validation.overrides
     * (inline, read again from the spec's text so problems carry the spec's line numbers). When
     * the file is missing or wrong the inline overrides are not checked: they may change rules
     * the file adds.
     */
    private static RuleCatalogue rules(Path spec, Path base, byte[] bytes, JobSpec.Validation v, List<String> problems) {
        RuleCatalogue rules = RuleCatalogue.builtIn();
        if (v.rules() != null) {
            Path file = file(base, v.rules(), "validation.rules", problems);
            if (file == null) {
                return rules;
            }
            try {
                rules = rules.overriddenBy(file);
            } catch (RuleCatalogueException e) {
                e.problems().forEach(p -> problems.add("validation.rules: " + p));
                return rules;
            }
        }
        if (v.overrides() != null && !v.overrides().isEmpty()) {
            try {
                rules = rules.overriddenBy(RuleOverrides.within(bytes, spec.toString(), "validation", "overrides"));
            } catch (RuleCatalogueException e) {
                e.problems().forEach(p -> problems.add("validation.overrides: " + p));
            }
        }
        return rules;
    }

    /**
     * A previous run's output folder (its current release is read), a release folder or any folder
     * with observations/**&#47;*.parquet, or a .parquet or .csv file.
     */
    private static Path previousVintage(Path base, String name, List<String> problems) {
        String key = "validation.previous_vintage";
        Path p = base.resolve(name).normalize();
        if (Files.isDirectory(p)) {
            Path observations = org.uncts.cts.publish.Releases.current(p).resolve("observations");
            boolean hasParquet = false;
            if (Files.isDirectory(observations)) {
                try (Stream<Path> s = Files.walk(observations)) {
                    hasParquet = s.anyMatch(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".parquet"));
                } catch (IOException e) {
                    problems.add(key + ": cannot list " + observations + ": " + e.getMessage());
                    return null;
                }
            }
            if (!hasParquet) {
                problems.add(key + ": folder " + name + " has no observations/**/*.parquet (looked in " + observations
                        + "); give the output folder of a previous run (its current release is read), a release folder "
                        + "(releases/run-<id>), or a .parquet or .csv file of observations");
                return null;
            }
            return p;
        }
        if (!Files.isRegularFile(p)) {
            problems.add(key + ": " + name + " does not exist (looked for " + p + ")");
            return null;
        }
        String file = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!file.endsWith(".parquet") && !file.endsWith(".csv")) {
            problems.add(key + ": " + name + " is neither a folder nor a .parquet or .csv file of observations");
            return null;
        }
        return p;
    }

    /** A path or a glob (*, ?, **, {a,b}) relative to the spec's folder, expanded in sorted order. */
    static List<Path> expand(Path base, String pattern) {
        Path direct = base.resolve(pattern).normalize();
        if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("{")) {
            return Files.isRegularFile(direct) ? List.of(direct) : List.of();
        }
        // walk from the deepest folder without wildcards
        String normalized = pattern.replace('\\', '/');
        boolean absolute = Path.of(normalized.split("[*?{\\[]", 2)[0].isEmpty() ? "." : normalized.split("[*?{\\[]", 2)[0]).isAbsolute();
        Path root = absolute ? Path.of("/") : base;
        String[] parts = (absolute ? normalized.substring(1) : normalized).split("/");
        int i = 0;
        for (; i < parts.length - 1 && !parts[i].matches(".*[*?{\\[].*"); i++) {
            root = root.resolve(parts[i]);
        }
        root = root.normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        Path walkRoot = root;
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(walkRoot.relativize(p)))
                    .map(Path::normalize)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new JobSpecException("Cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> files(Path base, List<String> names, String key, List<String> problems) {
        List<Path> out = new ArrayList<>();
        if (names == null) {
            return out;
        }
        for (String n : names) {
            Path p = file(base, n, key, problems);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static Path file(Path base, String name, String key, List<String> problems) {
        Path p = base.resolve(name).normalize();
        if (!Files.isRegularFile(p)) {
            problems.add(key + ": file " + name + " does not exist (looked for " + p + ")");
            return null;
        }
        return p;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
