package org.uncts.cts.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.uncts.cts.aggregate.AggregateSchemas;
import org.uncts.cts.store.DuckDbCatalog;
import org.uncts.cts.store.StagingSchemas;
import org.uncts.cts.trends.TrendsSchemas;

/**
 * The datasets of one release (or of a run's scratch folder before it is published), as DuckDB
 * views with the dataset names: what publication tables, charts and exports read, so that they
 * see exactly the figures of that run and never a later one.
 */
public final class ReleaseData {

    private ReleaseData() {
    }

    /** The datasets a release folder holds, each with its schema (an empty dataset is a typed, empty view). */
    public static List<DuckDbCatalog.Dataset> datasets(Path release) {
        String r = release.toAbsolutePath().toString();
        return List.of(
                new DuckDbCatalog.Dataset("observations", r + "/observations/**/*.parquet", PublishedSchemas.OBSERVATION),
                new DuckDbCatalog.Dataset("rejected_rows", r + "/rejected_rows/*.parquet", StagingSchemas.REJECTED_ROW),
                new DuckDbCatalog.Dataset("validation_issues", r + "/validation_issues/*.parquet", PublishedSchemas.VALIDATION_ISSUE),
                new DuckDbCatalog.Dataset("countries", r + "/countries/*.parquet", CountriesDataset.COUNTRY),
                new DuckDbCatalog.Dataset("population", r + "/population/*.parquet", PublishedSchemas.POPULATION),
                new DuckDbCatalog.Dataset("indicators", r + "/indicators/*.parquet", PublishedSchemas.INDICATOR),
                new DuckDbCatalog.Dataset("trends", r + "/trends/*.parquet", TrendsSchemas.TRENDS),
                new DuckDbCatalog.Dataset("trend_years", r + "/trend_years/*.parquet", TrendsSchemas.TREND_YEARS),
                new DuckDbCatalog.Dataset("regional_aggregates", r + "/regional_aggregates/*.parquet",
                        AggregateSchemas.REGIONAL_AGGREGATE),
                new DuckDbCatalog.Dataset("regional_imputations", r + "/regional_imputations/*.parquet",
                        AggregateSchemas.REGIONAL_IMPUTATION),
                new DuckDbCatalog.Dataset("regional_trends", r + "/regional_trends/*.parquet",
                        TrendsSchemas.REGIONAL_TRENDS),
                new DuckDbCatalog.Dataset("regional_trend_years", r + "/regional_trend_years/*.parquet",
                        TrendsSchemas.REGIONAL_TREND_YEARS));
    }

    /**
     * An in-memory DuckDB connection with one view per dataset of {@code release}. The caller
     * closes it.
     *
     * @throws IOException when the folder does not exist or the views cannot be made
     */
    public static Connection open(Path release) throws IOException {
        if (!Files.isDirectory(release)) {
            throw new IOException("No release folder " + release + ": run `./cts run` first, or give an existing release");
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:");
            try {
                DuckDbCatalog.createViews(connection, datasets(release));
                return connection;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException("Cannot read the datasets of " + release + ": " + e.getMessage(), e);
        }
    }
}
