package org.uncts.cts.query;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Runs one SQL statement against the published catalog (the DuckDB file of dataset views) and
 * prints the result. The catalog is opened read-only, so a query can never change it; note that
 * this protects the catalog, it is not a sandbox (DuckDB can still read and write files).
 */
public record CatalogQuery(Path catalog) {

    private static final String RUN_FIRST = "Run `./cts run` first to build it.";

    private static final long RETRY_PAUSE_MS = 200;

    /** DuckDB's JDBC driver sometimes puts this line in front of the real error. */
    private static final String PENDING_WRAPPER = "Attempting to execute an unsuccessful or closed pending query result";

    private static final Pattern MISSING_TABLE = Pattern.compile("Catalog Error: Table with name .+ does not exist.*");

    public CatalogQuery {
        catalog = catalog.toAbsolutePath();
    }

    /**
     * Runs {@code sql} and prints its result to {@code out}.
     *
     * @return the number of rows printed
     * @throws QueryException with a one-line message if the catalog is missing or the SQL fails
     */
    public long print(String sql, OutputFormat format, PrintStream out) {
        if (sql == null || sql.isBlank()) {
            throw new QueryException("No SQL statement given.");
        }
        ResultPrinter printer = format.printer();
        try (Connection connection = open()) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (!statement.execute()) {
                    printer.printNoResult(out);
                    return 0;
                }
                try (ResultSet rows = statement.getResultSet()) {
                    return printer.print(rows, out);
                }
            } catch (SQLException e) {
                throw new QueryException(explain(connection, e), e);
            }
        } catch (SQLException e) {
            throw new QueryException("Cannot use catalog " + catalog + ": " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new QueryException("Cannot write the query result: " + e.getMessage(), e);
        }
    }

    /** The catalog's datasets (views and any tables), sorted by name. */
    public List<String> datasets() {
        try (Connection connection = open()) {
            return datasets(connection);
        } catch (SQLException e) {
            throw new QueryException("Cannot read catalog " + catalog + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Opens the catalog read-only. A run publishes by renaming a new catalog over this file: a
     * connection opened before the rename goes on reading the old file (and so the previous
     * release) until it is closed, one opened after reads the new one (each connection opens its own
     * DuckDB instance, so this holds within one process too). The file is never missing
     * with a rename, but a catalog replaced by other means (a copy, a restore) may be for a moment,
     * so a missing file or a failed open is tried once more after a short pause.
     */
    private Connection open() throws SQLException {
        try {
            return openOnce();
        } catch (QueryException | SQLException e) {
            pause();
            try {
                return openOnce();
            } catch (QueryException | SQLException again) {
                again.addSuppressed(e);
                throw again;
            }
        }
    }

    private Connection openOnce() throws SQLException {
        if (!Files.isRegularFile(catalog)) {
            throw new QueryException("No catalog found at " + catalog + ". " + RUN_FIRST);
        }
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        // a database instance of its own: DuckDB's JDBC driver otherwise hands a new connection the
        // instance already open on this path in the process, i.e. the catalog as it was before a run
        // renamed a new one over it, for as long as any connection to it stays open
        properties.setProperty("jdbc_instance_cache", "false");
        return DriverManager.getConnection("jdbc:duckdb:" + catalog, properties);
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** DuckDB's first line, plus what to do about it where we can tell. */
    private static String explain(Connection connection, SQLException error) {
        String message = firstLine(error.getMessage());
        if (MISSING_TABLE.matcher(message).matches()) {
            try {
                List<String> datasets = datasets(connection);
                return datasets.isEmpty()
                        ? message + " The catalog has no datasets yet. " + RUN_FIRST
                        : message + " Available datasets: " + String.join(", ", datasets);
            } catch (SQLException listing) {
                error.addSuppressed(listing);
                return message;
            }
        }
        if (message.contains("read-only mode")) {
            return message + " The catalog is read-only: only queries such as SELECT, DESCRIBE or SUMMARIZE can run.";
        }
        return message;
    }

    private static List<String> datasets(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT table_name FROM information_schema.tables"
                                + " WHERE table_catalog = current_database() AND table_schema = 'main'"
                                + " ORDER BY table_name");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /** The first meaningful line of a DuckDB message, without the driver's generic wrapper line. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "Unknown error";
        }
        for (String line : message.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.contains(PENDING_WRAPPER)) {
                continue;
            }
            return trimmed.startsWith("Error: ") ? trimmed.substring("Error: ".length()) : trimmed;
        }
        return message.strip();
    }
}
