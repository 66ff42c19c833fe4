package org.uncts.cts.trends;

import java.util.ArrayList;
import java.util.List;
import org.uncts.cts.trends.TrendStatistics.Point;

/**
 * Splits a series at its breaks and cuts it into periods.
 *
 * <ul>
 *   <li>Segments: a point whose status is B (break in series) starts a new segment. A B on a year without a value
 *       (a gap) still breaks the series: the next point with a value starts the new segment. Statistics are never
 *       computed across two segments.</li>
 *   <li>Periods: {@code all} is the whole span; {@code lastN} is the N calendar years ending at the last year with a
 *       value of the series (years last − N + 1 … last). Only the years present in a window count, none are
 *       imputed.</li>
 *   <li>Every segment that has at least one point in a period gives one (period, segment) part, so a break inside
 *       the last 10 years gives two {@code last10} parts, each with its segment's start year.</li>
 * </ul>
 */
public final class TrendPeriods {

    /** Name of the whole-span period. */
    public static final String ALL = "all";

    private TrendPeriods() {
    }

    /** A point with its break flag, as read from the series. */
    public record SeriesPoint(int year, Double value, boolean breakInSeries) {
    }

    /** Consecutive points of a series between two breaks; startYear is the year of its first point. */
    public record Segment(int startYear, List<Point> points) {
    }

    /** The points of one segment that fall in one period. */
    public record Part(String period, Integer windowYears, int segmentStart, List<Point> points) {
    }

    /** The name of the window of the last {@code years} years: {@code last5}, {@code last10}. */
    public static String periodName(int years) {
        return "last" + years;
    }

    /**
     * The segments of a series: its points in year order, without the years whose value is null, split before each
     * break.
     */
    public static List<Segment> segments(List<SeriesPoint> series) {
        List<Segment> out = new ArrayList<>();
        List<Point> current = new ArrayList<>();
        boolean pendingBreak = false;
        Integer previousYear = null;
        for (SeriesPoint p : series) {
            if (previousYear != null && p.year() <= previousYear) {
                throw new IllegalArgumentException("years must be strictly increasing: " + previousYear + " then "
                        + p.year());
            }
            previousYear = p.year();
            pendingBreak |= p.breakInSeries();
            if (p.value() == null) {
                continue;
            }
            if (pendingBreak && !current.isEmpty()) {
                out.add(new Segment(current.get(0).year(), List.copyOf(current)));
                current = new ArrayList<>();
            }
            pendingBreak = false;
            current.add(new Point(p.year(), p.value()));
        }
        if (!current.isEmpty()) {
            out.add(new Segment(current.get(0).year(), List.copyOf(current)));
        }
        return out;
    }

    /**
     * The parts of the segments in the period {@code all} and in each window of {@code windowYears} years ending at
     * the last year of the series, in that order (periods as listed, segments in year order within a period).
     */
    public static List<Part> parts(List<Segment> segments, List<Integer> windowYears) {
        List<Part> out = new ArrayList<>();
        if (segments.isEmpty()) {
            return out;
        }
        for (Segment s : segments) {
            out.add(new Part(ALL, null, s.startYear(), s.points()));
        }
        List<Point> lastPoints = segments.get(segments.size() - 1).points();
        int last = lastPoints.get(lastPoints.size() - 1).year();
        for (int years : windowYears) {
            if (years < 1) {
                throw new IllegalArgumentException("a window must be at least 1 year long: " + years);
            }
            int from = last - years + 1;
            for (Segment s : segments) {
                List<Point> in = s.points().stream().filter(p -> p.year() >= from).toList();
                if (!in.isEmpty()) {
                    out.add(new Part(periodName(years), years, s.startYear(), in));
                }
            }
        }
        return out;
    }
}
