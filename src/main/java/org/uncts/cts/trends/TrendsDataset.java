package org.uncts.cts.trends;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.uncts.cts.store.DuckDbCatalog;

/**
 * Reads an indicators dataset (PublishedSchemas.INDICATOR columns) with DuckDB, one series at a time in
 * (series_id, year) order, and writes two Parquet files: {@code trends} (one row per series, period and segment,
 * {@link TrendsSchemas#TRENDS}) and {@code trend_years} (one row per series and year with a value,
 * {@link TrendsSchemas#TREND_YEARS}). Only one series is held in memory ({@link SeriesTrendWriter}).
 *
 * <p>Rows with a null value are gaps: they give no point, but a B status on them still breaks the series.
 */
public final class TrendsDataset {

    /** Default formulas: rates per 100,000 and the SDG indicators for which a trend is meaningful. */
    public static final Set<String> DEFAULT_FORMULAS =
            Set.of("rate_per_100k", "sdg_16_1_1", "sdg_16_3_2", "prison_population_rate");

    /** Default windows: the last 5 and the last 10 years. */
    public static final List<Integer> DEFAULT_WINDOWS = List.of(5, 10);

    /**
     * What to compute.
     *
     * @param formulaIds the formula_id values whose series get trends; must not be empty
     * @param windowYears lengths of the "last N years" periods, besides the whole span
     */
    public record Config(Set<String> formulaIds, List<Integer> windowYears) {
        public Config {
            formulaIds = Set.copyOf(new LinkedHashSet<>(Objects.requireNonNull(formulaIds, "formulaIds")));
            windowYears = List.copyOf(Objects.requireNonNull(windowYears, "windowYears"));
            if (formulaIds.isEmpty()) {
                throw new IllegalArgumentException("no formula_id selected for the trends");
            }
            for (int w : windowYears) {
                if (w < 1) {
                    throw new IllegalArgumentException("a window must be at least 1 year long: " + w);
                }
            }
            if (new LinkedHashSet<>(windowYears).size() != windowYears.size()) {
                throw new IllegalArgumentException("window lengths repeat: " + windowYears);
            }
        }

        public static Config defaults() {
            return new Config(DEFAULT_FORMULAS, DEFAULT_WINDOWS);
        }
    }

    /** Counts of what was written. */
    public record Result(long series, long trendRows, long yearRows) {
    }

    /** The series' key columns, copied from the indicators rows: series_id first, it orders the rows. */
    private static final List<String> KEY_COLUMNS = List.of("series_id", "formula_id", "country_iso3", "base_indicator",
            "iccs_code", "dimension", "category", "sex", "age", "unit");

    private TrendsDataset() {
    }

    /**
     * Computes the trends of the selected series of {@code indicatorsGlob} (a Parquet file, folder glob or list
     * DuckDB's read_parquet accepts as one string) and writes {@code trendsFile} and {@code trendYearsFile}.
     */
    public static Result write(String indicatorsGlob, Path trendsFile, Path trendYearsFile, long runId, Config config) {
        String sql = "SELECT " + String.join(", ", KEY_COLUMNS) + ", year, value, obs_status "
                + "FROM read_parquet(" + DuckDbCatalog.quoteLiteral(indicatorsGlob) + ") "
                + "WHERE formula_id IN (" + formulaList(config) + ") "
                + "ORDER BY series_id, year";
        SeriesTrendWriter.Layout layout = new SeriesTrendWriter.Layout("the indicators", KEY_COLUMNS, sql,
                TrendsSchemas.TRENDS, TrendsSchemas.TREND_YEARS,
                "B"::equals,
                (row, series, part) -> { },
                (row, series, year) -> row.put("obs_status", series.tag(year)));
        return SeriesTrendWriter.write(layout, trendsFile, trendYearsFile, runId, config.windowYears());
    }

    /** The selected formula ids as a SQL list of literals, sorted so that the query text is stable. */
    static String formulaList(Config config) {
        return String.join(", ", config.formulaIds().stream().sorted().map(DuckDbCatalog::quoteLiteral).toList());
    }
}
