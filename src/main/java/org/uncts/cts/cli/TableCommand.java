package org.uncts.cts.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.Callable;
import org.uncts.cts.publication.PublicationTable;
import org.uncts.cts.publication.TableBuilder;
import org.uncts.cts.publication.TableDefinition;
import org.uncts.cts.publication.TableDefinitions;
import org.uncts.cts.publication.TableException;
import org.uncts.cts.publication.TableFormat;
import org.uncts.cts.publish.ReleaseData;
import org.uncts.cts.publish.Releases;
import org.uncts.cts.spec.JobSpecException;
import org.uncts.cts.spec.SurveyRunPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "table", mixinStandardHelpOptions = true,
        description = {"Makes a publication table from the current release of a job spec (or a given release).",
            "Tables are defined in YAML: the shipped ones (./cts table --list) and the spec's publication.tables folders.",
            "Examples:  ./cts table homicide-rate-by-country --from 2020 --region Europe",
            "           ./cts table prisons --format xlsx --out prisons.xlsx"})
public class TableCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The table (see --list).")
    String name;

    @Option(names = "--list", description = "List the tables that can be made, with their titles.")
    boolean list;

    @Option(names = "--from", description = "First year (default: the definition's).")
    Integer from;

    @Option(names = "--to", description = "Last year (default: the definition's, else the latest year of the data).")
    Integer to;

    @Option(names = "--region", description = "Only this region or subregion, by name or M49 code (e.g. Europe, 202).")
    String region;

    @Option(names = "--format", defaultValue = "md", description = "md, csv, xlsx or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", description = "Write to this file (needed for xlsx) instead of standard output.")
    Path out;

    @Mixin
    ReleaseChoice source;

    @Override
    public Integer call() {
        SurveyRunPlan plan;
        try {
            plan = source.plan();
        } catch (JobSpecException e) {
            System.err.println("cts table: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Map<String, TableDefinition> definitions;
        try {
            definitions = TableDefinitions.load(plan.tableFolders());
        } catch (TableException e) {
            System.err.println("cts table: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (list || name == null) {
            if (!list) {
                System.err.println("cts table: name a table. The tables:");
            }
            definitions.forEach((n, d) -> (list ? System.out : System.err).printf("  %-32s %s%n", n, d.title()));
            return list ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
        TableDefinition definition = definitions.get(name);
        if (definition == null) {
            System.err.println("cts table: no table called '" + name + "'. The tables: " + String.join(", ", definitions.keySet()));
            return ExitCodes.BAD_INPUT;
        }
        TableFormat tableFormat;
        try {
            tableFormat = TableFormat.of(format);
        } catch (IllegalArgumentException e) {
            System.err.println("cts table: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (tableFormat == TableFormat.XLSX && out == null) {
            System.err.println("cts table: an XLSX workbook is not printed to the terminal; give --out FILE.xlsx");
            return ExitCodes.BAD_INPUT;
        }
        Path folder = source.folder(plan);
        long runId = Releases.runId(folder.toAbsolutePath().normalize().getFileName().toString()).orElse(0L);
        try (Connection db = ReleaseData.open(folder)) {
            PublicationTable table = TableBuilder.build(name, definition, db, new TableBuilder.Options(from, to, region),
                    new TableBuilder.Context(plan.cycle(), runId));
            if (out == null) {
                tableFormat.write(table, (OutputStream) System.out);
                System.out.flush();
            } else {
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                tableFormat.write(table, out);
                System.err.println("cts table: wrote " + out + " (" + table.dataRows().size() + " rows, "
                        + table.columns().size() + " columns)");
            }
            return ExitCodes.OK;
        } catch (TableException e) {
            System.err.println("cts table: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IOException | java.sql.SQLException e) {
            System.err.println("cts table: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
