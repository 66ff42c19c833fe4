package org.uncts.cts.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.uncts.cts.run.IngestJobConfiguration;
import org.uncts.cts.spec.JobSpecLoader;

/**
 * Findings by severity of completed runs, as their runs dataset ({@code <output>/runs/*.parquet})
 * recorded them at publish time. A run that did not complete, or whose output folder is gone or
 * whose spec no longer loads, has none.
 */
final class RunFindings {

    record Counts(long errors, long warnings, long infos) {
        String brief() {
            return errors + "/" + warnings + "/" + infos;
        }
    }

    private final Map<Path, Map<Long, Counts>> byOutput = new HashMap<>();
    private final Map<String, Path> outputBySpec = new HashMap<>();

    /** The run's output folder, from its job parameters (and its spec), or null when it cannot be told. */
    Path outputOf(JobParameters params) {
        String output = params.getString(IngestJobConfiguration.OUTPUT_PARAM);
        if (output != null) {
            return Path.of(output);
        }
        String spec = params.getString(IngestJobConfiguration.SPEC_PARAM);
        if (spec == null) {
            return null;
        }
        return outputBySpec.computeIfAbsent(spec, s -> {
            try {
                return JobSpecLoader.load(Path.of(s)).outputDir();
            } catch (RuntimeException e) {
                return null;
            }
        });
    }

    Counts of(long runId, JobParameters params) {
        Path out = outputOf(params);
        if (out == null) {
            return null;
        }
        return byOutput.computeIfAbsent(out, RunFindings::read).get(runId);
    }

    private static Map<Long, Counts> read(Path output) {
        Map<Long, Counts> counts = new HashMap<>();
        Path runs = output.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return counts;
        }
        String glob = runs.toAbsolutePath().toString().replace("'", "''") + "/*.parquet";
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("select run_id, issues_error, issues_warning, issues_info from read_parquet('"
                     + glob + "')")) {
            while (rs.next()) {
                counts.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
        } catch (SQLException e) {
            // no runs file yet, or unreadable: no findings to show
        }
        return counts;
    }
}
