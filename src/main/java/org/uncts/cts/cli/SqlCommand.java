package org.uncts.cts.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.uncts.cts.query.CatalogQuery;
import org.uncts.cts.query.OutputFormat;
import org.uncts.cts.run.PublishTasklet;
import org.uncts.cts.spec.JobSpecException;
import org.uncts.cts.spec.JobSpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Runs read-only SQL over the published datasets (observations, rejected_rows, validation_issues, countries, runs).",
            "With no query, reads SQL from standard input."})
public class SqlCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "table", converter = FormatConverter.class,
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--spec", defaultValue = "jobs/sample-cycle.yml",
            description = "Query the outputs of this job spec (default: ${DEFAULT-VALUE}).")
    Path spec;

    @Option(names = "--catalog", description = "A catalog.duckdb file to query instead of the spec's.")
    Path catalog;

    @Parameters(arity = "0..*", paramLabel = "SQL", description = "The query.")
    List<String> sql;

    @Override
    public Integer call() throws Exception {
        String query = sql == null || sql.isEmpty() ? readStdin() : String.join(" ", sql);
        if (query.isBlank()) {
            System.err.println("cts sql: no query given. Example: ./cts sql \"select count(*) from observations\"");
            return ExitCodes.BAD_INPUT;
        }
        Path db = catalog;
        if (db == null) {
            try {
                db = PublishTasklet.catalogPath(JobSpecLoader.load(spec));
            } catch (JobSpecException e) {
                System.err.println("cts sql: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
        try {
            new CatalogQuery(db).print(query, format, System.out);
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            System.err.println("cts sql: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.parse(value);
        }
    }

    private static String readStdin() throws java.io.IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            return r.lines().collect(Collectors.joining("\n"));
        }
    }
}
