package org.uncts.cts.store;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the DuckDB catalog: a small database file holding one VIEW per published dataset over its
 * Parquet files. It holds no data, so it is cheap to rebuild after every run, and users only ever
 * see stable dataset names rather than file layouts.
 *
 * <p>The catalog is built in a temp file next to the target and renamed over it, so a concurrent
 * reader sees either the old catalog or the new one, never a partial one. One writer at a time.
 *
 * <p>Empty datasets: DuckDB cannot create a view over a glob that matches no files (it binds the
 * view at creation). If the dataset has a schema, the view is created with the same columns and
 * types the Parquet files would have (learnt by having DuckDB read an empty part written with that
 * schema) and returns no rows; Hive partition columns, which only exist in directory names, are
 * absent from it. Without a schema the view is skipped with a warning. Either way the view starts
 * reading real files the next time the catalog is written.
 */
public final class DuckDbCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbCatalog.class);

    private DuckDbCatalog() {
    }

    /**
     * One dataset: a view name, a Parquet glob (relative globs are resolved against the working
     * directory) and, optionally, the Avro schema its parts are written with, used only to give an
     * empty dataset a typed empty view.
     */
    public record Dataset(String view, String glob, Schema schema, String releaseColumn) {

        public Dataset {
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(glob, "glob");
            if (view.isBlank()) {
                throw new IllegalArgumentException("View name must not be blank");
            }
        }

        public Dataset(String view, String glob, Schema schema) {
            this(view, glob, schema, null);
        }

        public Dataset(String view, String glob) {
            this(view, glob, null, null);
        }

        /**
         * A view over the same dataset in every release: {@code glob} goes through the release
         * folders ({@code .../releases/*&#47;observations/**&#47;*.parquet}), and the view has a first
         * column {@code releaseColumn} (BIGINT), the run id in the name of the release folder
         * ({@code releases/run-000042/} is 42) each row was read from.
         */
        public static Dataset acrossReleases(String view, String glob, Schema schema, String releaseColumn) {
            return new Dataset(view, glob, schema, Objects.requireNonNull(releaseColumn, "releaseColumn"));
        }
    }

    /**
     * Writes a catalog with one view per map entry (view name to Parquet glob).
     *
     * @return the views created, in map order; datasets without files are skipped with a warning
     */
    public static List<String> writeCatalog(Path dbFile, Map<String, String> viewToParquetGlob) throws IOException {
        List<Dataset> datasets = new ArrayList<>();
        viewToParquetGlob.forEach((view, glob) -> datasets.add(new Dataset(view, glob)));
        return writeCatalog(dbFile, datasets);
    }

    /**
     * Writes a catalog with one view per dataset.
     *
     * @return the views created, in list order
     */
    public static List<String> writeCatalog(Path dbFile, List<Dataset> datasets) throws IOException {
        return writeCatalog(dbFile, datasets, "tmp");
    }

    /**
     * Writes a catalog with one view per dataset, built under the temporary name
     * {@code <dbFile>.<tmpSuffix>} (e.g. {@code catalog.duckdb.tmp-42}) and renamed over
     * {@code dbFile} in one atomic move. A reader that opened the old file keeps reading it (on
     * Linux and macOS the open file lives on until closed); the next reader opens the new one.
     *
     * @return the views created, in list order
     */
    public static List<String> writeCatalog(Path dbFile, List<Dataset> datasets, String tmpSuffix) throws IOException {
        requireDistinctNames(datasets);
        Path target = dbFile.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + "." + tmpSuffix);
        deleteDatabase(tmp);
        List<String> created = new ArrayList<>();
        try {
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + tmp)) {
                for (Dataset dataset : datasets) {
                    if (createView(connection, dataset)) {
                        created.add(dataset.view());
                    }
                }
                execute(connection, "CHECKPOINT");
            }
            // A stale WAL next to the target would be replayed against the new file.
            Files.deleteIfExists(walOf(target));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return created;
        } catch (IOException | SQLException | RuntimeException e) {
            deleteDatabaseQuietly(tmp, e);
            throw new IOException("Cannot write DuckDB catalog " + target + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Creates one view per dataset on an open connection (an in-memory database, say), the same
     * views a catalog file gets: typed empty views for datasets without files.
     *
     * @return the views created, in list order
     */
    public static List<String> createViews(Connection connection, List<Dataset> datasets) throws SQLException, IOException {
        requireDistinctNames(datasets);
        List<String> created = new ArrayList<>();
        for (Dataset dataset : datasets) {
            if (createView(connection, dataset)) {
                created.add(dataset.view());
            }
        }
        return created;
    }

    /** DuckDB identifier: double-quoted, embedded quotes doubled. */
    public static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** DuckDB string literal: single-quoted, embedded quotes doubled. */
    public static String quoteLiteral(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    /*
     * A typed dataset's files carry all of its columns (the partition column too), so its view reads
     * no folder names: a release without rows has one unpartitioned empty file, which DuckDB refuses
     * to mix with year=... folders when it reads them as columns. An untyped glob gets its
     * key=value folders as columns.
     */
    private static boolean createView(Connection connection, Dataset dataset) throws SQLException, IOException {
        String glob = absoluteGlob(dataset.glob());
        String hive = "hive_partitioning = " + (dataset.schema() == null);
        String view = quoteIdentifier(dataset.view());
        String release = dataset.releaseColumn();
        if (matchesFiles(connection, glob)) {
            if (release == null) {
                execute(connection, "CREATE VIEW " + view + " AS SELECT * FROM read_parquet(" + quoteLiteral(glob)
                        + ", " + hive + ", union_by_name = true)");
            } else {
                // the last releases/run-<id> in the file's path (greedy .*), whatever the output folder is called
                execute(connection, "CREATE VIEW " + view + " AS SELECT CAST(regexp_extract(filename, "
                        + quoteLiteral(".*[/\\\\]releases[/\\\\]run-0*([0-9]+)[/\\\\]") + ", 1) AS BIGINT) AS "
                        + quoteIdentifier(release) + ", * EXCLUDE (filename) FROM read_parquet(" + quoteLiteral(glob)
                        + ", " + hive + ", union_by_name = true, filename = true)");
            }
            return true;
        }
        if (dataset.schema() == null) {
            LOG.warn("No Parquet files match {} yet; dataset '{}' will not be queryable until the next run"
                    + " that produces it", glob, dataset.view());
            return false;
        }
        LOG.info("No Parquet files match {} yet; '{}' is an empty view with the dataset's columns",
                glob, dataset.view());
        String empty = emptySelect(connection, dataset.schema());
        if (release != null) {
            empty = empty.replaceFirst("^SELECT ", "SELECT CAST(NULL AS BIGINT) AS " + quoteIdentifier(release).replace("$", "\\$") + ", ");
        }
        execute(connection, "CREATE VIEW " + view + " AS " + empty);
        return true;
    }

    private static boolean matchesFiles(Connection connection, String glob) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM glob(" + quoteLiteral(glob) + ")");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /**
     * {@code SELECT CAST(NULL AS type) AS "col", ... LIMIT 0} with exactly the types DuckDB reads
     * from a part written with {@code schema}: an empty part is the ground truth, no Avro-to-SQL type
     * mapping to keep in sync.
     */
    private static String emptySelect(Connection connection, Schema schema) throws SQLException, IOException {
        Path probeDir = Files.createTempDirectory("cts-catalog-");
        Path probe = probeDir.resolve("empty.parquet");
        try {
            ParquetPart.write(probe, schema, List.of());
            List<String> columns = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                            "DESCRIBE SELECT * FROM read_parquet(" + quoteLiteral(probe.toString()) + ")");
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add("CAST(NULL AS " + rs.getString("column_type") + ") AS "
                            + quoteIdentifier(rs.getString("column_name")));
                }
            }
            return "SELECT " + String.join(", ", columns) + " LIMIT 0";
        } finally {
            Files.deleteIfExists(probe);
            Files.deleteIfExists(probeDir);
        }
    }

    private static String absoluteGlob(String glob) {
        // Not Path.of(glob): '*' and '?' are not valid path characters on every OS.
        return new File(glob).isAbsolute() ? glob : new File("").getAbsolutePath() + File.separator + glob;
    }

    private static void requireDistinctNames(List<Dataset> datasets) {
        Set<String> seen = new HashSet<>();
        for (Dataset dataset : datasets) {
            // DuckDB identifiers are case-insensitive.
            if (!seen.add(dataset.view().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Duplicate view name: " + dataset.view());
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        // Prepared rather than plain statements: DuckDB's JDBC driver then reports errors without a
        // generic "unsuccessful pending query" line in front of the real one.
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static Path walOf(Path db) {
        return db.resolveSibling(db.getFileName() + ".wal");
    }

    private static void deleteDatabase(Path db) throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(walOf(db));
    }

    private static void deleteDatabaseQuietly(Path db, Exception cause) {
        try {
            deleteDatabase(db);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
