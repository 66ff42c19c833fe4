package org.uncts.cts.trends;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Trend statistics of one series segment: pure functions, points in, records out. Points are
 * (year, value) with years strictly increasing; missing years are simply absent (never imputed).
 *
 * <p>Formulas (docs/indicators.md, "Trends"):
 * <ul>
 *   <li>% change over the period: 100 · (x_t − x_b) / x_b, b the first and t the last year present;</li>
 *   <li>index: 100 · x_t / x_b;</li>
 *   <li>compound annual growth rate, as a percentage: 100 · ((x_t / x_b)^{1/(t−b)} − 1);</li>
 *   <li>year-on-year % change: 100 · (x_y − x_{y−1}) / x_{y−1}, only when both years are present;</li>
 *   <li>log-linear OLS: ln x = a + β · year; average annual % change 100 · (e^β − 1), 95% CI
 *       100 · (e^{β ± t_{0.975, n−2} · se(β)} − 1); needs n ≥ 3 and every value &gt; 0;</li>
 *   <li>Theil-Sen slope: median over all pairs i &lt; j of (x_j − x_i) / (t_j − t_i), in the unit of the
 *       values per year;</li>
 *   <li>Mann-Kendall: S = Σ_{i&lt;j} sgn(x_j − x_i); Var(S) = (n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)) / 18
 *       over groups g of tied values; Z = (S − 1)/√Var if S &gt; 0, 0 if S = 0, (S + 1)/√Var if S &lt; 0;
 *       two-sided p = 2 (1 − Φ(|Z|)); needs n ≥ 3.</li>
 * </ul>
 * A statistic that cannot be computed is null, and its record's {@code note} says why.
 */
public final class TrendStatistics {

    /** Minimum number of points for the OLS fit and the Mann-Kendall test. */
    public static final int MIN_POINTS_FIT = 3;

    /** Two-sided significance level below which the Mann-Kendall test names a direction. */
    public static final double MK_ALPHA = 0.05;

    /** Mann-Kendall directions, as published in {@code mk_direction}. */
    public static final String INCREASING = "increasing";
    public static final String DECREASING = "decreasing";
    public static final String NO_SIGNIFICANT_TREND = "no significant trend";

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private TrendStatistics() {
    }

    /** One value of a series in one year. */
    public record Point(int year, double value) {
    }

    /** Change from the first to the last point. Null fields with a note when undefined. */
    public record PeriodChange(int firstYear, double firstValue, int lastYear, double lastValue, Double pctChange,
                               Double index, Double cagrPct, String note) {
    }

    /** Log-linear OLS fit: slope of ln(value) on year, and its transform to an average annual % change. */
    public record LogLinearTrend(int n, Double slope, Double slopeStdErr, Double annualPct, Double ciLowPct,
                                 Double ciHighPct, String note) {
    }

    /**
     * Theil-Sen estimate: slope in value units per year; pctOfMedian = 100 · slope / median(values), the slope as a
     * percentage of the median value of the points (null when that median is 0).
     */
    public record TheilSen(int n, Double slope, Double pctOfMedian, String note) {
    }

    /** Mann-Kendall trend test (normal approximation with continuity correction and tie correction). */
    public record MannKendall(int n, Long s, Double varS, Double z, Double p, String note) {

        /** The test's verdict in words, see {@link TrendStatistics#direction(MannKendall)}. */
        public String direction() {
            return TrendStatistics.direction(this);
        }
    }

    /** Year-level figures: year-on-year % change (null unless the year before is present), index, moving average. */
    public record YearFigures(int year, double value, Double yoyPct, Double index, Double movingAverage3) {
    }

    /** Everything computed for one set of points. */
    public record Summary(int n, PeriodChange change, LogLinearTrend ols, TheilSen theilSen, MannKendall mannKendall) {

        /** The notes of the statistics that are null, joined with "; ", or null when there are none. */
        public String notes() {
            List<String> notes = new ArrayList<>();
            if (change.note() != null) {
                notes.add(change.note());
            }
            if (ols.note() != null) {
                notes.add(ols.note());
            }
            if (theilSen.note() != null) {
                notes.add(theilSen.note());
            }
            if (mannKendall.note() != null) {
                notes.add(mannKendall.note());
            }
            return notes.isEmpty() ? null : String.join("; ", notes);
        }
    }

    /** All period statistics of the points (years strictly increasing, at least one point). */
    public static Summary summarize(List<Point> points) {
        checkOrdered(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points");
        }
        return new Summary(points.size(), change(points), logLinear(points), theilSen(points), mannKendall(points));
    }

    /** 100 · (last − base) / base; null when base is 0. */
    public static Double pctChange(double base, double last) {
        return base == 0 ? null : 100.0 * (last - base) / base;
    }

    /** 100 · x / base; null when base is 0. */
    public static Double index(double base, double x) {
        return base == 0 ? null : 100.0 * x / base;
    }

    /**
     * 100 · ((x_t / x_b)^{1/(t−b)} − 1); null unless t &gt; b, x_b &gt; 0 and x_t ≥ 0 (x_t = 0 gives −100).
     */
    public static Double cagrPct(int baseYear, double base, int lastYear, double last) {
        if (lastYear <= baseYear || !(base > 0) || !(last >= 0)) {
            return null;
        }
        return 100.0 * (Math.pow(last / base, 1.0 / (lastYear - baseYear)) - 1.0);
    }

    /** Change from the first to the last point of the list. */
    public static PeriodChange change(List<Point> points) {
        checkOrdered(points);
        Point b = points.get(0);
        Point t = points.get(points.size() - 1);
        String note = null;
        if (points.size() < 2) {
            note = "change: only one point";
            return new PeriodChange(b.year(), b.value(), t.year(), t.value(), null, null, null, note);
        }
        Double pct = pctChange(b.value(), t.value());
        Double idx = index(b.value(), t.value());
        Double cagr = cagrPct(b.year(), b.value(), t.year(), t.value());
        if (b.value() == 0) {
            note = "change: first value is 0";
        } else if (cagr == null) {
            note = "cagr: first or last value is negative";
        }
        return new PeriodChange(b.year(), b.value(), t.year(), t.value(), pct, idx, cagr, note);
    }

    /**
     * OLS of ln(value) on year with a 95% confidence interval for the slope from the t distribution with n − 2
     * degrees of freedom. With a perfect fit (residuals all 0) the interval has width 0.
     */
    public static LogLinearTrend logLinear(List<Point> points) {
        checkOrdered(points);
        int n = points.size();
        if (n < MIN_POINTS_FIT) {
            return new LogLinearTrend(n, null, null, null, null, null,
                    "ols: fewer than " + MIN_POINTS_FIT + " points");
        }
        SimpleRegression reg = new SimpleRegression(true);
        for (Point p : points) {
            if (!(p.value() > 0)) {
                return new LogLinearTrend(n, null, null, null, null, null,
                        "ols: value " + p.value() + " in " + p.year() + " is not > 0, no log-linear fit");
            }
            reg.addData(p.year(), Math.log(p.value()));
        }
        double slope = reg.getSlope();
        double se = reg.getSlopeStdErr();
        // t quantile with n − 2 df (what SimpleRegression.getSlopeConfidenceInterval uses, written out)
        double t = new TDistribution(null, n - 2).inverseCumulativeProbability(0.975);
        double half = t * se;
        return new LogLinearTrend(n, slope, se, 100.0 * Math.expm1(slope), 100.0 * Math.expm1(slope - half),
                100.0 * Math.expm1(slope + half), null);
    }

    /** Theil-Sen slope: the median of the n(n − 1)/2 pairwise slopes; needs 2 points. */
    public static TheilSen theilSen(List<Point> points) {
        checkOrdered(points);
        int n = points.size();
        if (n < 2) {
            return new TheilSen(n, null, null, "theil-sen: fewer than 2 points");
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Point a = points.get(i);
                Point b = points.get(j);
                slopes[k++] = (b.value() - a.value()) / (b.year() - a.year());
            }
        }
        double slope = median(slopes);
        double med = median(points.stream().mapToDouble(Point::value).toArray());
        return new TheilSen(n, slope, med == 0 ? null : 100.0 * slope / med, null);
    }

    /** The median: the middle value, or the mean of the two middle values for an even count. */
    static double median(double[] values) {
        // Commons Math's Median (Percentile(50), legacy estimation) interpolates at position (n + 1) / 2: the middle
        // value for odd n, the mean of the two middle ones for even n.
        return new Median().evaluate(values);
    }

    /** Mann-Kendall test; needs 3 points. */
    public static MannKendall mannKendall(List<Point> points) {
        checkOrdered(points);
        int n = points.size();
        if (n < MIN_POINTS_FIT) {
            return new MannKendall(n, null, null, null, null, "mann-kendall: fewer than " + MIN_POINTS_FIT + " points");
        }
        long s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = points.get(j).value() - points.get(i).value();
                s += d > 0 ? 1 : d < 0 ? -1 : 0;
            }
        }
        double[] sorted = points.stream().mapToDouble(Point::value).toArray();
        Arrays.sort(sorted);
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            long t = j - i;
            ties += t * (t - 1) * (2 * t + 5);
            i = j;
        }
        double var = ((double) n * (n - 1) * (2L * n + 5) - ties) / 18.0;
        if (var <= 0) {
            // every value equal: S = 0, no evidence of a trend
            return new MannKendall(n, s, var, 0.0, 1.0, null);
        }
        double z = s > 0 ? (s - 1) / Math.sqrt(var) : s < 0 ? (s + 1) / Math.sqrt(var) : 0.0;
        double p = 2.0 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)); // = 2 (1 − Φ(|z|)), without cancellation
        return new MannKendall(n, s, var, z, p, null);
    }

    /**
     * {@code increasing} or {@code decreasing} (the sign of S) when the two-sided p is below {@link #MK_ALPHA},
     * {@code no significant trend} otherwise, null when the test was not computed (fewer than 3 points). A table can
     * then print the verdict without restating the threshold.
     */
    public static String direction(MannKendall mk) {
        if (mk.p() == null) {
            return null;
        }
        // p < alpha implies |Z| > 0, hence S != 0
        if (mk.p() < MK_ALPHA) {
            return mk.s() > 0 ? INCREASING : DECREASING;
        }
        return NO_SIGNIFICANT_TREND;
    }

    /**
     * Year-level figures of the points: year-on-year % change against the year before (null when that year is absent
     * or its value is 0), index against the first point (= 100 in its year; null when the first value is 0), and the
     * 3-year centred moving average (mean of years y−1, y, y+1; null unless all three are present).
     */
    public static List<YearFigures> yearFigures(List<Point> points) {
        checkOrdered(points);
        List<YearFigures> out = new ArrayList<>(points.size());
        if (points.isEmpty()) {
            return out;
        }
        double base = points.get(0).value();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            Point prev = i > 0 ? points.get(i - 1) : null;
            Point next = i + 1 < points.size() ? points.get(i + 1) : null;
            Double yoy = prev != null && prev.year() == p.year() - 1 ? pctChange(prev.value(), p.value()) : null;
            Double ma = prev != null && next != null && prev.year() == p.year() - 1 && next.year() == p.year() + 1
                    ? (prev.value() + p.value() + next.value()) / 3.0 : null;
            out.add(new YearFigures(p.year(), p.value(), yoy, index(base, p.value()), ma));
        }
        return out;
    }

    private static void checkOrdered(List<Point> points) {
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).year() <= points.get(i - 1).year()) {
                throw new IllegalArgumentException("years must be strictly increasing: " + points.get(i - 1).year()
                        + " then " + points.get(i).year());
            }
        }
        for (Point p : points) {
            if (!Double.isFinite(p.value())) {
                throw new IllegalArgumentException("value in " + p.year() + " is not finite: " + p.value());
            }
        }
    }
}
