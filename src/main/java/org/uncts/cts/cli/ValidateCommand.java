package org.uncts.cts.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.uncts.cts.ingest.ReturnFormatException;
import org.uncts.cts.reference.ReferenceDataException;
import org.uncts.cts.publish.Releases;
import org.uncts.cts.run.CtsApplication;
import org.uncts.cts.run.RunOutcome;
import org.uncts.cts.run.RunResources;
import org.uncts.cts.run.SurveyRunLauncher;
import org.uncts.cts.spec.JobSpecException;
import org.uncts.cts.spec.JobSpecLoader;
import org.uncts.cts.spec.SurveyRunPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Checks return files before they are submitted: the survey run's own job and rules on these
 * files, published into a validation folder (never the spec's output folder), then every
 * finding printed, errors first.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks return files before submitting them: runs the survey run's checks on FILE... with the",
            "cycle, reference years, reference files and rules of a job spec, and prints every finding, errors first.",
            "Nothing is written to the spec's output folder: the datasets and feedback reports go to --out."},
        footer = {"", "Exit codes: 0 no ERROR finding (warnings and infos are fine), 3 at least one ERROR finding,",
            "            1 the run itself failed, 2 bad input (a missing file, an unreadable header, a bad spec or --out).",
            "", "Examples:", "  ./cts validate sample-data/returns/cts2025_justice.csv",
            "  ./cts validate --template sample-data/templates/cts-homicide-v1.yml sample-data/returns-xlsx/cts2025_homicide_PRT.xlsx"})
public class ValidateCommand implements Callable<Integer> {

    @Option(names = "--spec", paramLabel = "JOB_SPEC", defaultValue = "jobs/sample-cycle.yml",
            description = "The job spec whose cycle, reference years, reference files, rules and previous vintage apply; "
                    + "its inputs and output are not used (default: ${DEFAULT-VALUE}).")
    Path spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "validation",
            description = "Where the validation's datasets, catalog and feedback reports go, replaced on every validate "
                    + "(default: ${DEFAULT-VALUE}, under the current folder). Never the spec's output folder.")
    Path out;

    @Option(names = "--template", paramLabel = "TEMPLATE",
            description = "The questionnaire template (YAML) of the Excel (.xlsx) files given; without it an .xlsx file "
                    + "named by an input of the spec is read with that input's template.")
    Path template;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The return files to check (CSV: canonical, dataUNODC or"
            + " SDMX-CSV layout; Excel .xlsx with a questionnaire template).")
    List<Path> files;

    /** What is checked before anything runs. */
    record Prepared(SurveyRunPlan plan, List<SurveyRunPlan.InputReturn> inputs, Path output) {
    }

    @Override
    public Integer call() throws Exception {
        Prepared prepared = prepare(System.err);
        if (prepared == null) {
            return ExitCodes.BAD_INPUT;
        }
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CtsApplication.class).run()) {
            return run(prepared, ctx.getBean(SurveyRunLauncher.class), System.out, System.err);
        }
    }

    /** The whole command with a given launcher (tests give theirs). */
    int call(SurveyRunLauncher launcher) throws Exception {
        Prepared prepared = prepare(System.err);
        return prepared == null ? ExitCodes.BAD_INPUT : run(prepared, launcher, System.out, System.err);
    }

    /** The spec, the files and the output folder, checked; null (and the problems printed) when one is wrong. */
    Prepared prepare(PrintStream err) {
        SurveyRunPlan specPlan;
        try {
            specPlan = JobSpecLoader.load(spec);
        } catch (JobSpecException e) {
            err.println("cts validate: " + e.getMessage());
            return null;
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        List<String> missing = new ArrayList<>();
        List<SurveyRunPlan.InputReturn> inputs = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            if (!Files.isRegularFile(abs)) {
                missing.add(f + (Files.isDirectory(abs) ? " is a folder, not a file" : " does not exist (looked for " + abs + ")"));
            } else if (seen.add(abs)) {
                inputs.add(input(abs, displayName(f, cwd), specPlan));
            }
        }
        if (template != null && !Files.isRegularFile(template)) {
            missing.add("--template " + template + " does not exist (looked for " + template.toAbsolutePath().normalize() + ")");
        }
        if (!missing.isEmpty()) {
            err.println("cts validate: nothing was checked:\n  - " + String.join("\n  - ", missing));
            return null;
        }
        if (RunResources.encodeInputs(inputs).length() > SurveyRunLauncher.MAX_PARAMETER_LENGTH) {
            err.println("cts validate: " + SurveyRunLauncher.tooManyFiles(inputs.size()));
            return null;
        }
        Path output = out.toAbsolutePath().normalize();
        String outProblem = outputProblem(output, specPlan);
        if (outProblem != null) {
            err.println("cts validate: " + outProblem);
            return null;
        }
        SurveyRunPlan plan = specPlan.withInputs(inputs, output);
        try {
            PreFlight.check(plan);
        } catch (ReturnFormatException | ReferenceDataException | JobSpecException e) {
            err.println("cts validate: nothing was checked: " + e.getMessage());
            return null;
        }
        return new Prepared(plan, List.copyOf(inputs), output);
    }

    /**
     * A file to check: with --template, read with it when it is a workbook; else as the spec's input
     * naming the same file declares it (its format and template), else recognised from its content.
     */
    private SurveyRunPlan.InputReturn input(Path abs, String displayName, SurveyRunPlan specPlan) {
        if (template != null && isZip(abs)) {
            return new SurveyRunPlan.InputReturn(abs, displayName, null,
                    new org.uncts.cts.ingest.ReadOptions(template.toAbsolutePath().normalize(), null, null, null));
        }
        return specPlan.inputs().stream().filter(in -> in.path().toAbsolutePath().normalize().equals(abs)).findFirst()
                .map(in -> new SurveyRunPlan.InputReturn(abs, displayName, in.layout(), in.options()))
                .orElseGet(() -> new SurveyRunPlan.InputReturn(abs, displayName, null));
    }

    private static boolean isZip(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * How findings name a file: as given on the command line, relative to the current folder
     * when it is inside it, with '/' separators.
     */
    static String displayName(Path given, Path cwd) {
        Path abs = given.toAbsolutePath().normalize();
        Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : given.isAbsolute() ? abs : given.normalize();
        return shown.toString().replace('\\', '/');
    }

    /**
     * Why the output folder cannot be used, or null: it must not be (or be inside) the spec's
     * output folder or the previous vintage, and an existing folder must be empty or hold an
     * earlier validation (each validation adds a release and replaces the catalog).
     */
    static String outputProblem(Path output, SurveyRunPlan specPlan) {
        Path specOut = specPlan.outputDir().toAbsolutePath().normalize();
        if (output.startsWith(specOut)) {
            return "--out " + output + (output.equals(specOut) ? " is" : " is inside") + " the output folder of "
                    + specPlan.specFile().getFileName() + " (" + specOut + "): validate never writes there. "
                    + "Give another folder, e.g. --out validation";
        }
        Path previous = specPlan.previousVintage();
        if (previous != null && output.startsWith(previous.toAbsolutePath().normalize())) {
            return "--out " + output + " is the previous vintage of " + specPlan.specFile().getFileName()
                    + " (validation.previous_vintage): validate never writes there. Give another folder";
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            return "--out " + output + " is a file, not a folder";
        }
        if (Files.isDirectory(output)) {
            boolean empty;
            try (Stream<Path> s = Files.list(output)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                return "--out " + output + " cannot be listed: " + e.getMessage();
            }
            boolean ours = Files.exists(output.resolve("catalog.duckdb")) || Files.isDirectory(output.resolve("runs"))
                    || Files.isDirectory(output.resolve("_staging")) || Files.isDirectory(output.resolve(Releases.RELEASES));
            if (!empty && !ours) {
                return "--out " + output + " is a folder with other things in it; validate writes its catalog.duckdb, "
                        + "current, releases/, runs/ and _staging/ there. "
                        + "Give an empty or new folder, or one an earlier validate wrote";
            }
        }
        return null;
    }

    int run(Prepared p, SurveyRunLauncher launcher, PrintStream out, PrintStream err) throws Exception {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        out.printf("Validating %d file(s) for %s (reference years %s, rules of %s): %s%n", p.inputs().size(),
                p.plan().cycle(), p.plan().years(), shown(p.plan().specFile(), cwd),
                String.join(", ", p.inputs().stream().map(SurveyRunPlan.InputReturn::displayName).toList()));
        RunOutcome outcome;
        try {
            outcome = launcher.launchValidation(p.plan().specFile(), p.inputs(), p.output());
        } catch (org.uncts.cts.run.RunLock.AlreadyRunningException e) {
            err.println("cts validate: " + e.getMessage());
            return ExitCodes.ALREADY_RUNNING;
        }
        if (!outcome.completed()) {
            err.printf("cts validate: the check (run %d) FAILED: %s%n  Fix the cause and run the same command again: "
                    + "it resumes where it stopped. Details: var/cts.log%n", outcome.runId(), outcome.reason());
            return ExitCodes.FAILED;
        }
        Path release = Releases.of(p.output(), outcome.runId());
        long[] counts = printFindings(out, release, outcome.runId());
        Path reports = release.resolve("reports");
        List<String> csvs = new ArrayList<>();
        if (Files.isDirectory(reports)) {
            try (Stream<Path> s = Files.list(reports)) {
                s.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().forEach(f -> csvs.add(shown(f, cwd)));
            }
        }
        out.printf(Locale.ROOT, "%n%,d ERROR, %,d WARNING, %,d INFO in %d file(s) (run %d).%n", counts[0], counts[1], counts[2],
                p.inputs().size(), outcome.runId());
        out.printf("  report: %s%n", shown(reports.resolve("index.html"), cwd));
        if (!csvs.isEmpty()) {
            out.printf("  per country (CSV): %s%n", String.join(", ", csvs));
        }
        out.printf("  datasets: %s   (./cts sql --catalog %s \"select * from validation_issues\")%n", shown(release, cwd),
                shown(p.output().resolve("catalog.duckdb"), cwd));
        if (counts[0] > 0) {
            out.println("  The files have ERRORs: the rows named above would be rejected. Fix them before submitting.");
            return ExitCodes.ERRORS_FOUND;
        }
        return ExitCodes.OK;
    }

    /**
     * Prints every finding of the run, grouped by severity (ERROR, WARNING, INFO); returns the counts.
     *
     * @param output the folder holding the validation_issues dataset (the run's release)
     */
    static long[] printFindings(PrintStream out, Path output, long runId) throws SQLException {
        String issues = output.resolve("validation_issues").toAbsolutePath() + "/*.parquet";
        String sql = "SELECT severity, rule_id, country_iso3, series_key, years, field, value, expected, imbalance, message, "
                + "source_file, source_line, source_cell, source_lines FROM read_parquet('" + issues.replace("'", "''") + "') "
                + "WHERE run_id = " + runId + " ORDER BY CASE severity WHEN 'ERROR' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, "
                + "source_file NULLS LAST, source_line NULLS LAST, source_cell NULLS LAST, rule_id, series_key, years";
        long[] counts = new long[3];
        String current = null;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String severity = rs.getString(1);
                int idx = switch (severity) {
                    case "ERROR" -> 0;
                    case "WARNING" -> 1;
                    default -> 2;
                };
                counts[idx]++;
                if (!severity.equals(current)) {
                    out.printf("%n%s%n", severity);
                    current = severity;
                }
                out.println(finding(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), (Double) rs.getObject(9), rs.getString(10), rs.getString(11),
                        (Long) rs.getObject(12) == null ? null : rs.getLong(12), rs.getString(13), rs.getString(14)));
            }
        }
        if (current == null) {
            out.printf("%nNo findings.%n");
        }
        return counts;
    }

    /**
     * One finding, on one line, or two when it spans several lines or files.
     *
     * @param cell the Excel cell or wide CSV year column of a row finding (source_cell), or null
     */
    static String finding(String ruleId, String country, String seriesKey, String years, String field, String value,
                          String expected, Double imbalance, String message, String file, Long line, String cell,
                          String lines) {
        StringBuilder sb = new StringBuilder("  ");
        if (file != null) {
            sb.append(file);
            if (line != null) {
                sb.append(" line ").append(line);
                if (cell != null) {
                    sb.append(", ").append(org.uncts.cts.model.Provenance.describeCell(cell));
                }
            }
        } else if (country != null) {
            sb.append(country);
        } else {
            sb.append("(all files)");
        }
        sb.append("  ").append(ruleId).append("  ");
        StringBuilder what = new StringBuilder();
        if (value != null) {
            what.append(field == null ? "value" : field).append(' ').append(value);
        }
        // a long expectation the message already spells out (e.g. every copy of a duplicate) is not repeated
        if (expected != null && (expected.length() <= 40 || message == null || !message.contains(expected))) {
            what.append(what.isEmpty() ? "" : " ").append("(expected ").append(expected).append(')');
        }
        if (imbalance != null) {
            what.append(what.isEmpty() ? "" : " ").append("off by " + org.uncts.cts.validate.checks.Figures.signed(Math.round(imbalance * 10_000) / 10_000.0));
        }
        if (file == null && years != null) {
            what.append(what.isEmpty() ? "" : " ").append("years ").append(years);
        }
        if (!what.isEmpty()) {
            sb.append(what).append(": ");
        }
        sb.append(message);
        boolean oneLine = file != null && line != null && (file + ": " + line).equals(lines);
        if (lines != null && !lines.isBlank() && !oneLine) {
            sb.append(System.lineSeparator()).append("      lines: ").append(lines);
        } else if (file == null && lines == null && seriesKey != null && (message == null || !message.contains(seriesKey))) {
            sb.append(System.lineSeparator()).append("      series: ").append(seriesKey);
        }
        return sb.toString();
    }

    private static String shown(Path p, Path cwd) {
        Path abs = p.toAbsolutePath().normalize();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
