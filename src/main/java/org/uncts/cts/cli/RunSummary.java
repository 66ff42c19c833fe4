package org.uncts.cts.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.uncts.cts.publish.Releases;
import org.uncts.cts.run.PublishTasklet;
import org.uncts.cts.run.RunOutcome;

/** The end-of-run summary, read back from the published runs dataset so it shows what was published. */
final class RunSummary {

    private RunSummary() {
    }

    static void print(PrintStream out, RunOutcome outcome, double seconds) throws SQLException {
        Path outDir = outcome.plan().outputDir();
        Path runFile = outDir.resolve("runs").resolve(String.format("run-%06d.parquet", outcome.runId()));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT rows_read, rows_accepted, rows_rejected, issues_error, issues_warning, "
                    + "issues_info, len(input_files) FROM read_parquet('" + runFile.toString().replace("'", "''") + "')")) {
                rs.next();
                out.printf(Locale.ROOT, "%nRun %d of %s (%s, reference years %s) %s in %.1f s%n", outcome.runId(),
                        outcome.plan().name(), outcome.plan().cycle(), outcome.plan().years(),
                        outcome.resumed() ? "resumed and COMPLETED" : "COMPLETED", seconds);
                out.printf(Locale.ROOT, "  files: %d   rows read: %,d   accepted: %,d   rejected: %,d%n",
                        rs.getLong(7), rs.getLong(1), rs.getLong(2), rs.getLong(3));
                out.printf(Locale.ROOT, "  findings: %,d ERROR, %,d WARNING, %,d INFO (row and cross-row rules; ./cts sql \"select * from validation_issues\")%n",
                        rs.getLong(4), rs.getLong(5), rs.getLong(6));
            }
            out.println("  per file:");
            try (ResultSet rs = st.executeQuery("SELECT f.file, f.format, f.encoding, f.rows_read, f.rows_accepted, f.rows_rejected "
                    + "FROM (SELECT unnest(input_files) AS f FROM read_parquet('" + runFile.toString().replace("'", "''") + "'))")) {
                while (rs.next()) {
                    out.printf(Locale.ROOT, "    %-52s %-9s %-16s read %,8d = accepted %,8d + rejected %,6d%n",
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
                }
            }
        }
        Path release = Releases.of(outDir, outcome.runId());
        out.printf("  outputs: %s%n", outDir);
        out.printf("    release: %s  (also %s)%n", release, outDir.resolve(Releases.CURRENT));
        out.println("      observations/ rejected_rows/ validation_issues/ countries/ indicators/ ...  (Parquet)");
        out.printf("      reports/index.html  (feedback per country, HTML and CSV, for the focal points)%n");
        if (java.nio.file.Files.isDirectory(release.resolve("publication"))) {
            out.println("      publication/  tables/ (md, csv, xlsx, html)  charts/ (png, svg)  sdmx/ (SDMX-CSV)   run.html lists them");
        }
        out.println("    runs/ (one file per run)   catalog.duckdb (views: the current release, and all_* over every release)");
        out.println("  next:");
        out.println("    ./cts sql \"select rule_id, severity, count(*) from validation_issues group by all order by 3 desc\"");
        out.println("    duckdb " + PublishTasklet.catalogPath(outcome.plan()) + " \"select * from rejected_rows\"");
        out.println("    ./cts table --list    ./cts chart --list");
    }
}
