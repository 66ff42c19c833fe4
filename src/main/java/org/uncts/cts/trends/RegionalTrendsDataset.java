package org.uncts.cts.trends;

import java.nio.file.Path;
import java.util.List;
import org.uncts.cts.store.DuckDbCatalog;

/**
 * Trends of the regional aggregates: reads a regional_aggregates dataset (AggregateSchemas.REGIONAL_AGGREGATE
 * columns) and writes {@code regional_trends} ({@link TrendsSchemas#REGIONAL_TRENDS}, one row per series and period)
 * and {@code regional_trend_years} ({@link TrendsSchemas#REGIONAL_TREND_YEARS}, one row per series and published
 * year), with the same statistics, periods and row-building code as the country trends ({@link SeriesTrendWriter}).
 *
 * <ul>
 *   <li>A series is one grouping, region, formula and breakdown; its points are the years whose value is published.
 *       An unpublished year (value null: coverage below the threshold) is a gap, never a zero.</li>
 *   <li>Regional aggregates carry no break status, so a series is never split: it is one segment, whose
 *       {@code segment_start} is its first published year. (A break in a member country's series is not carried to
 *       the region.)</li>
 *   <li>{@code n_points_imputed} counts the points of a period whose aggregate includes imputed countries (its
 *       {@code imputation} is not null), so that a table can footnote them.</li>
 * </ul>
 */
public final class RegionalTrendsDataset {

    /** Folder and file names in a release, as for the other datasets. */
    public static final String TRENDS_DIR = "regional_trends";
    public static final String YEARS_DIR = "regional_trend_years";

    /** The key of a regional series, as in regional_aggregates (region_name and unit follow region and formula). */
    private static final List<String> KEY_COLUMNS = List.of("grouping", "region_code", "region_name", "formula_id",
            "base_indicator", "iccs_code", "dimension", "category", "sex", "age", "unit");

    private RegionalTrendsDataset() {
    }

    /** {@code <dir>/regional_trends/regional_trends.parquet}. */
    public static Path trendsFile(Path dir) {
        return dir.resolve(TRENDS_DIR).resolve(TRENDS_DIR + ".parquet");
    }

    /** {@code <dir>/regional_trend_years/regional_trend_years.parquet}. */
    public static Path yearsFile(Path dir) {
        return dir.resolve(YEARS_DIR).resolve(YEARS_DIR + ".parquet");
    }

    /**
     * Computes the trends of the regional series of {@code aggregatesGlob} whose formula is selected in
     * {@code config} (the same selection and windows as the country trends) and writes the two files.
     */
    public static TrendsDataset.Result write(String aggregatesGlob, Path trendsFile, Path yearsFile, long runId,
                                             TrendsDataset.Config config) {
        String key = String.join(", ", KEY_COLUMNS);
        String sql = "SELECT " + key + ", year, value, imputation "
                + "FROM read_parquet(" + DuckDbCatalog.quoteLiteral(aggregatesGlob) + ") "
                + "WHERE formula_id IN (" + TrendsDataset.formulaList(config) + ") "
                + "ORDER BY " + key + ", year";
        SeriesTrendWriter.Layout layout = new SeriesTrendWriter.Layout("the regional aggregates", KEY_COLUMNS, sql,
                TrendsSchemas.REGIONAL_TRENDS, TrendsSchemas.REGIONAL_TREND_YEARS,
                imputation -> false,
                (row, series, part) -> row.put("n_points_imputed", imputedPoints(part, series)),
                (row, series, year) -> row.put("imputation", series.tag(year)));
        return SeriesTrendWriter.write(layout, trendsFile, yearsFile, runId, config.windowYears());
    }

    /** How many points of the part have an aggregate with imputed countries. */
    static int imputedPoints(TrendPeriods.Part part, SeriesTrendWriter.Series series) {
        return (int) part.points().stream().filter(p -> series.tag(p.year()) != null).count();
    }
}
