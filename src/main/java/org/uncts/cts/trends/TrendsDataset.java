package org.uncts.cts.trends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.uncts.cts.store.DuckDbCatalog;
import org.uncts.cts.store.ParquetPart;
import org.uncts.cts.trends.TrendPeriods.Part;
import org.uncts.cts.trends.TrendPeriods.Segment;
import org.uncts.cts.trends.TrendPeriods.SeriesPoint;
import org.uncts.cts.trends.TrendStatistics.Summary;
import org.uncts.cts.trends.TrendStatistics.YearFigures;

/**
 * Reads an indicators dataset (PublishedSchemas.INDICATOR columns) with DuckDB, one series at a time in
 * (series_id, year) order, and writes two Parquet files: {@code trends} (one row per series, period and segment,
 * {@link TrendsSchemas#TRENDS}) and {@code trend_years} (one row per series and year with a value,
 * {@link TrendsSchemas#TREND_YEARS}). Only one series is held in memory.
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

    private static final String[] KEY_COLUMNS = {"formula_id", "country_iso3", "base_indicator", "iccs_code",
        "dimension", "category", "sex", "age", "unit"};

    private TrendsDataset() {
    }

    /**
     * Computes the trends of the selected series of {@code indicatorsGlob} (a Parquet file, folder glob or list
     * DuckDB's read_parquet accepts as one string) and writes {@code trendsFile} and {@code trendYearsFile}.
     */
    public static Result write(String indicatorsGlob, Path trendsFile, Path trendYearsFile, long runId, Config config) {
        Properties props = new Properties();
        props.setProperty("jdbc_stream_results", "true");
        String formulas = String.join(", ", config.formulaIds().stream().sorted().map(DuckDbCatalog::quoteLiteral).toList());
        String sql = "SELECT series_id, " + String.join(", ", KEY_COLUMNS) + ", year, value, obs_status "
                + "FROM read_parquet(" + DuckDbCatalog.quoteLiteral(indicatorsGlob) + ") "
                + "WHERE formula_id IN (" + formulas + ") "
                + "ORDER BY series_id, year";
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:", props);
             ParquetPart.Writer<GenericRecord> trends = ParquetPart.open(trendsFile, TrendsSchemas.TRENDS);
             ParquetPart.Writer<GenericRecord> years = ParquetPart.open(trendYearsFile, TrendsSchemas.TREND_YEARS)) {
            try (Statement st = db.createStatement()) {
                st.execute("SET memory_limit = '2GB'");
            }
            long series = 0;
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                SeriesBuffer buf = null;
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (buf == null || !buf.seriesId.equals(id)) {
                        if (buf != null) {
                            flush(buf, runId, config, trends, years);
                            series++;
                        }
                        String[] key = new String[KEY_COLUMNS.length];
                        for (int i = 0; i < key.length; i++) {
                            key[i] = rs.getString(2 + i);
                        }
                        buf = new SeriesBuffer(id, key);
                    }
                    int year = rs.getInt(2 + KEY_COLUMNS.length);
                    double v = rs.getDouble(3 + KEY_COLUMNS.length);
                    Double value = rs.wasNull() ? null : v;
                    String status = rs.getString(4 + KEY_COLUMNS.length);
                    buf.add(year, value, status);
                }
                if (buf != null) {
                    flush(buf, runId, config, trends, years);
                    series++;
                }
            }
            trends.commit();
            years.commit();
            return new Result(series, trends.rows(), years.rows());
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the indicators for the trends failed in DuckDB: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the trends failed: " + e.getMessage(), e);
        }
    }

    /** The rows of one series, in year order. */
    private static final class SeriesBuffer {
        final String seriesId;
        final String[] key;
        final List<SeriesPoint> points = new ArrayList<>();
        final java.util.Map<Integer, String> statuses = new java.util.HashMap<>();

        SeriesBuffer(String seriesId, String[] key) {
            this.seriesId = seriesId;
            this.key = key;
        }

        void add(int year, Double value, String status) {
            if (!points.isEmpty() && points.get(points.size() - 1).year() == year) {
                throw new IllegalStateException("series " + seriesId + " has two rows for " + year);
            }
            points.add(new SeriesPoint(year, value, "B".equals(status)));
            statuses.put(year, status);
        }

        String status(int year) {
            return statuses.get(year);
        }
    }

    private static void flush(SeriesBuffer buf, long runId, Config config, ParquetPart.Writer<GenericRecord> trends,
                              ParquetPart.Writer<GenericRecord> years) throws IOException {
        List<Segment> segments = TrendPeriods.segments(buf.points);
        for (Part part : TrendPeriods.parts(segments, config.windowYears())) {
            Summary s = TrendStatistics.summarize(part.points());
            GenericRecord r = keyed(TrendsSchemas.TRENDS, runId, buf);
            r.put("period", part.period());
            r.put("window_years", part.windowYears());
            r.put("segment_start", part.segmentStart());
            r.put("first_year", s.change().firstYear());
            r.put("last_year", s.change().lastYear());
            r.put("n_points", s.n());
            r.put("first_value", s.change().firstValue());
            r.put("last_value", s.change().lastValue());
            r.put("pct_change", s.change().pctChange());
            r.put("index_last", s.change().index());
            r.put("cagr_pct", s.change().cagrPct());
            r.put("ols_log_slope", s.ols().slope());
            r.put("ols_annual_pct", s.ols().annualPct());
            r.put("ols_ci_low", s.ols().ciLowPct());
            r.put("ols_ci_high", s.ols().ciHighPct());
            r.put("theil_sen_slope", s.theilSen().slope());
            r.put("theil_sen_pct_of_median", s.theilSen().pctOfMedian());
            r.put("mk_s", s.mannKendall().s());
            r.put("mk_var_s", s.mannKendall().varS());
            r.put("mk_z", s.mannKendall().z());
            r.put("mk_p", s.mannKendall().p());
            r.put("note", s.notes());
            trends.write(r);
        }
        for (Segment seg : segments) {
            for (YearFigures f : TrendStatistics.yearFigures(seg.points())) {
                GenericRecord r = keyed(TrendsSchemas.TREND_YEARS, runId, buf);
                r.put("segment_start", seg.startYear());
                r.put("year", f.year());
                r.put("value", f.value());
                r.put("obs_status", buf.status(f.year()));
                r.put("yoy_pct", f.yoyPct());
                r.put("index_segment", f.index());
                r.put("moving_avg_3", f.movingAverage3());
                years.write(r);
            }
        }
    }

    private static GenericRecord keyed(Schema schema, long runId, SeriesBuffer buf) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("run_id", runId);
        r.put("series_id", buf.seriesId);
        for (int i = 0; i < KEY_COLUMNS.length; i++) {
            r.put(KEY_COLUMNS[i], buf.key[i]);
        }
        return r;
    }
}
