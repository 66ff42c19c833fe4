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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.uncts.cts.store.ParquetPart;
import org.uncts.cts.trends.TrendPeriods.Part;
import org.uncts.cts.trends.TrendPeriods.Segment;
import org.uncts.cts.trends.TrendPeriods.SeriesPoint;
import org.uncts.cts.trends.TrendStatistics.Summary;
import org.uncts.cts.trends.TrendStatistics.YearFigures;

/**
 * What the trends of country series ({@link TrendsDataset}) and of regional series ({@link RegionalTrendsDataset})
 * have in common: a DuckDB query streams the rows in series and year order, one series is held in memory at a time,
 * it is split into segments and periods ({@link TrendPeriods}), and each (period, segment) part gives a trend row and
 * each year with a value a year row, with the statistic columns of {@link TrendsSchemas}. A {@link Layout} says what
 * differs: the query, the key columns, what breaks a series and the one or two columns of each dataset's own.
 */
final class SeriesTrendWriter {

    private SeriesTrendWriter() {
    }

    /**
     * One series as read: its key (values of {@link Layout#keyColumns()}, in order), its points in year order (value
     * null for a gap) and each year's tag (obs_status of an indicator, imputation of a regional aggregate).
     */
    record Series(List<String> key, List<SeriesPoint> points, Map<Integer, String> tags) {

        String tag(int year) {
            return tags.get(year);
        }
    }

    /** Puts a dataset's own columns of a trend row. */
    @FunctionalInterface
    interface TrendColumns {
        void put(GenericRecord row, Series series, Part part);
    }

    /** Puts a dataset's own columns of a year row. */
    @FunctionalInterface
    interface YearColumns {
        void put(GenericRecord row, Series series, int year);
    }

    /**
     * How one dataset's series are read and written.
     *
     * @param source       what is read, for error messages ("the indicators")
     * @param keyColumns   the VARCHAR columns that identify a series, copied into both outputs under the same names
     * @param sql          a query returning the key columns, then year (INTEGER), value (DOUBLE, null = gap) and the
     *                     tag (VARCHAR), ordered by the key columns and year
     * @param trends       schema of the trend rows
     * @param years        schema of the year rows
     * @param breaksBefore whether a year's tag starts a new segment at that year
     * @param trendColumns the trend rows' columns besides key, run_id and statistics
     * @param yearColumns  the year rows' columns besides key, run_id and year figures
     */
    record Layout(String source, List<String> keyColumns, String sql, Schema trends, Schema years,
                  Predicate<String> breaksBefore, TrendColumns trendColumns, YearColumns yearColumns) {
        Layout {
            keyColumns = List.copyOf(keyColumns);
        }
    }

    /** Streams the series of {@code layout.sql()} and writes {@code trendsFile} and {@code yearsFile}. */
    static TrendsDataset.Result write(Layout layout, Path trendsFile, Path yearsFile, long runId,
                                      List<Integer> windowYears) {
        Properties props = new Properties();
        props.setProperty("jdbc_stream_results", "true");
        int keys = layout.keyColumns().size();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:", props);
             ParquetPart.Writer<GenericRecord> trends = ParquetPart.open(trendsFile, layout.trends());
             ParquetPart.Writer<GenericRecord> years = ParquetPart.open(yearsFile, layout.years())) {
            try (Statement st = db.createStatement()) {
                st.execute("SET memory_limit = '2GB'");
            }
            long series = 0;
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(layout.sql())) {
                Buffer buf = null;
                while (rs.next()) {
                    String[] key = new String[keys];
                    for (int i = 0; i < keys; i++) {
                        key[i] = rs.getString(1 + i);
                    }
                    if (buf == null || !Arrays.equals(buf.key, key)) {
                        if (buf != null) {
                            flush(layout, buf.series(), runId, windowYears, trends, years);
                            series++;
                        }
                        buf = new Buffer(key);
                    }
                    int year = rs.getInt(keys + 1);
                    double v = rs.getDouble(keys + 2);
                    Double value = rs.wasNull() ? null : v;
                    String tag = rs.getString(keys + 3);
                    buf.add(year, value, tag, layout.breaksBefore().test(tag));
                }
                if (buf != null) {
                    flush(layout, buf.series(), runId, windowYears, trends, years);
                    series++;
                }
            }
            trends.commit();
            years.commit();
            return new TrendsDataset.Result(series, trends.rows(), years.rows());
        } catch (SQLException e) {
            throw new IllegalStateException("Reading " + layout.source() + " for the trends failed in DuckDB: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the trends of " + layout.source() + " failed: " + e.getMessage(), e);
        }
    }

    /** The rows of one series as they are read. */
    private static final class Buffer {
        final String[] key;
        final List<SeriesPoint> points = new ArrayList<>();
        final Map<Integer, String> tags = new HashMap<>();

        Buffer(String[] key) {
            this.key = key;
        }

        void add(int year, Double value, String tag, boolean breakInSeries) {
            if (!points.isEmpty() && points.get(points.size() - 1).year() == year) {
                throw new IllegalStateException("series " + Arrays.toString(key) + " has two rows for " + year);
            }
            points.add(new SeriesPoint(year, value, breakInSeries));
            tags.put(year, tag);
        }

        Series series() {
            return new Series(Arrays.asList(key), points, tags);
        }
    }

    private static void flush(Layout layout, Series series, long runId, List<Integer> windowYears,
                              ParquetPart.Writer<GenericRecord> trends, ParquetPart.Writer<GenericRecord> years)
            throws IOException {
        List<Segment> segments = TrendPeriods.segments(series.points());
        for (Part part : TrendPeriods.parts(segments, windowYears)) {
            GenericRecord r = keyed(layout, layout.trends(), runId, series);
            putStatistics(r, part, TrendStatistics.summarize(part.points()));
            layout.trendColumns().put(r, series, part);
            trends.write(r);
        }
        for (Segment seg : segments) {
            for (YearFigures f : TrendStatistics.yearFigures(seg.points())) {
                GenericRecord r = keyed(layout, layout.years(), runId, series);
                putYearFigures(r, seg.startYear(), f);
                layout.yearColumns().put(r, series, f.year());
                years.write(r);
            }
        }
    }

    /** The period and statistic columns of a trend row (TrendsSchemas, periodOf and statistics). */
    static void putStatistics(GenericRecord r, Part part, Summary s) {
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
        r.put("mk_direction", s.mannKendall().direction());
        r.put("note", s.notes());
    }

    /** The segment, year, value and year-level columns of a year row (TrendsSchemas, yearPoint and yearFigures). */
    static void putYearFigures(GenericRecord r, int segmentStart, YearFigures f) {
        r.put("segment_start", segmentStart);
        r.put("year", f.year());
        r.put("value", f.value());
        r.put("yoy_pct", f.yoyPct());
        r.put("index_segment", f.index());
        r.put("moving_avg_3", f.movingAverage3());
    }

    private static GenericRecord keyed(Layout layout, Schema schema, long runId, Series series) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("run_id", runId);
        for (int i = 0; i < layout.keyColumns().size(); i++) {
            r.put(layout.keyColumns().get(i), series.key().get(i));
        }
        return r;
    }
}
