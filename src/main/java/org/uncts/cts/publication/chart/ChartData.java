package org.uncts.cts.publication.chart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The values a chart draws: country values from {@code indicators}, regional values from
 * {@code regional_aggregates} (published ones only: a value below the coverage threshold is a gap,
 * never drawn), and small pure functions over them.
 */
public final class ChartData {

    /** Observation status of an estimate (SDMX OBS_STATUS E): drawn with a hollow marker. */
    public static final String ESTIMATE = "E";

    private ChartData() {
    }

    /** One value of a line. */
    public record Point(int year, double value, boolean estimated) {
    }

    /**
     * One line: a country or a region and its values, by year (no two for a year). A missing year
     * is a gap in the line.
     *
     * @param key   the country's ISO3 code, or grouping|region code
     * @param label the legend's text
     * @param style the line's colour, dashes and marker ({@link Palette}), or -1 for its place in the chart
     */
    public record Line(String key, String label, List<Point> points, int style) {
        public Line {
            points = points.stream().sorted(Comparator.comparingInt(Point::year)).toList();
        }

        /** A line styled by its place in its chart. */
        public Line(String key, String label, List<Point> points) {
            this(key, label, points, -1);
        }

        /** The same line with a style of its own (colour, dashes, marker), kept across charts. */
        public Line styled(int style) {
            return new Line(key, label, points, style);
        }

        public Optional<Point> at(int year) {
            return points.stream().filter(p -> p.year() == year).findFirst();
        }

        /** The same line with only the points of years from..to. */
        public Line clip(int from, int to) {
            return new Line(key, label, points.stream().filter(p -> p.year() >= from && p.year() <= to).toList(), style);
        }
    }

    /** Values of one selection by country, with the unit the dataset gives them in. */
    public record CountryValues(String unit, Map<String, List<Point>> byCountry) {
    }

    /** Lines of the regions of a grouping (World first when asked for), with the unit. */
    public record RegionValues(String unit, List<Line> lines) {
    }

    /**
     * Every country's values of a selection (rows with a value only).
     *
     * @throws ChartException when the selection matches two values for a country and year (it
     *                        names more than one series: a base indicator or ICCS code is needed)
     */
    public static CountryValues countryValues(Connection db, SeriesSelection s) throws SQLException {
        String sql = "SELECT country_iso3, year, value, obs_status, unit, base_indicator, iccs_code FROM indicators"
                + " WHERE " + where(s) + " AND value IS NOT NULL ORDER BY country_iso3, year";
        Map<String, List<Point>> byCountry = new TreeMap<>();
        Map<String, String> seriesOf = new LinkedHashMap<>();
        String unit = null;
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, s);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String iso3 = rs.getString(1);
                    int year = rs.getInt(2);
                    String series = rs.getString(6) + (rs.getString(7) == null ? "" : " (ICCS " + rs.getString(7) + ")");
                    String cell = iso3 + " " + year;
                    String first = seriesOf.putIfAbsent(cell, series);
                    if (first != null) {
                        throw new ChartException("The chart's series (" + s.describe() + ") matches more than one value for "
                                + iso3 + " in " + year + ": " + first + " and " + series + ". Add series.indicator"
                                + " (and series.iccs_code) to the definition to choose one.");
                    }
                    unit = unit == null ? rs.getString(5) : unit;
                    byCountry.computeIfAbsent(iso3, k -> new ArrayList<>())
                            .add(new Point(year, rs.getDouble(3), ESTIMATE.equals(rs.getString(4))));
                }
            }
        }
        return new CountryValues(unit, byCountry);
    }

    /**
     * The lines of every region of a grouping that has a row for the selection (also the regions
     * none of whose values is published: their line has no point), World first when
     * {@code world} is set, then the regions by name. Only published values are points.
     */
    public static RegionValues regionValues(Connection db, SeriesSelection s, Grouping grouping, boolean world)
            throws SQLException {
        String sql = "SELECT grouping, region_code, region_name, year, CASE WHEN published THEN value END, unit,"
                + " base_indicator, iccs_code FROM regional_aggregates WHERE " + where(s)
                + " AND (grouping = ? OR (? AND grouping = 'world'))"
                + " ORDER BY grouping = 'world' DESC, region_name, region_code, year";
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, List<Point>> points = new LinkedHashMap<>();
        Map<String, String> seriesOf = new LinkedHashMap<>();
        String unit = null;
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            int i = bind(ps, s);
            ps.setString(i++, grouping.id());
            ps.setBoolean(i, world);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + "|" + rs.getString(2);
                    int year = rs.getInt(4);
                    String series = rs.getString(7) + (rs.getString(8) == null ? "" : " (ICCS " + rs.getString(8) + ")");
                    String first = seriesOf.putIfAbsent(key + " " + year, series);
                    if (first != null) {
                        throw new ChartException("The chart's series (" + s.describe() + ") matches more than one value for "
                                + rs.getString(3) + " in " + year + ": " + first + " and " + series + ". Add"
                                + " series.indicator (and series.iccs_code) to the definition to choose one.");
                    }
                    labels.putIfAbsent(key, rs.getString(3));
                    List<Point> l = points.computeIfAbsent(key, k -> new ArrayList<>());
                    double v = rs.getDouble(5);
                    if (!rs.wasNull()) {
                        l.add(new Point(year, v, false));
                        unit = unit == null ? rs.getString(6) : unit;
                    }
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        labels.forEach((key, label) -> lines.add(new Line(key, label, points.get(key))));
        return new RegionValues(unit, lines);
    }

    /** The lines of some areas (those with values), in the areas' order (by name). */
    public static List<Line> countryLines(CountryValues values, Collection<Regions.Area> areas) {
        List<Line> out = new ArrayList<>();
        for (Regions.Area a : areas) {
            List<Point> p = values.byCountry().get(a.iso3());
            if (p != null && !p.isEmpty()) {
                out.add(new Line(a.iso3(), a.name(), p));
            }
        }
        return out;
    }

    /** The first and last year with a point, or empty when no line has one. */
    public static Optional<int[]> span(Collection<Line> lines) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (Line l : lines) {
            for (Point p : l.points()) {
                min = Math.min(min, p.year());
                max = Math.max(max, p.year());
            }
        }
        return min > max ? Optional.empty() : Optional.of(new int[] {min, max});
    }

    /** The formulas a release has values of, for a message when a chart's formula has none. */
    public static List<String> formulas(Connection db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT DISTINCT formula_id FROM indicators WHERE value IS NOT NULL ORDER BY 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String where(SeriesSelection s) {
        return "formula_id = ? AND dimension = ? AND category = ? AND sex = ? AND age = ?"
                + (s.indicator() == null ? "" : " AND base_indicator = ?")
                + (s.iccsCode() == null ? "" : " AND iccs_code = ?");
    }

    private static int bind(PreparedStatement ps, SeriesSelection s) throws SQLException {
        int i = 1;
        ps.setString(i++, s.formula());
        ps.setString(i++, s.dimension());
        ps.setString(i++, s.category());
        ps.setString(i++, s.sex());
        ps.setString(i++, s.age());
        if (s.indicator() != null) {
            ps.setString(i++, s.indicator());
        }
        if (s.iccsCode() != null) {
            ps.setString(i++, s.iccsCode());
        }
        return i;
    }
}
