package org.uncts.cts.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uncts.cts.trends.TrendStatistics.LogLinearTrend;
import org.uncts.cts.trends.TrendStatistics.MannKendall;
import org.uncts.cts.trends.TrendStatistics.PeriodChange;
import org.uncts.cts.trends.TrendStatistics.Point;
import org.uncts.cts.trends.TrendStatistics.TheilSen;
import org.uncts.cts.trends.TrendStatistics.YearFigures;

/**
 * Every expected value below is computed by hand in the comments (exact arithmetic: tolerance 1e-9 or tighter), or,
 * where a quantile of the t or normal distribution enters, with the quantile quoted from an independent source
 * (SciPy 1.17 scipy.stats.t.ppf / norm.sf, and agreeing with printed tables to their 3-4 digits).
 */
class TrendStatisticsTest {

    static final double EXACT = 1e-9;

    static List<Point> points(int firstYear, double... values) {
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new Point(firstYear + i, values[i]));
        }
        return out;
    }

    // ---- change over the period, index, CAGR ----

    @Test
    void changeOverThePeriod() {
        // 2000: 100, 2001: 130, 2002: 121. % change = 100·(121−100)/100 = 21; index = 121;
        // CAGR over 2 years = (121/100)^(1/2) − 1 = 1.1 − 1 = 10%.
        PeriodChange c = TrendStatistics.change(points(2000, 100, 130, 121));
        assertEquals(2000, c.firstYear());
        assertEquals(2002, c.lastYear());
        assertEquals(21.0, c.pctChange(), EXACT);
        assertEquals(121.0, c.index(), EXACT);
        assertEquals(10.0, c.cagrPct(), EXACT);
        assertNull(c.note());
    }

    @Test
    void cagrUsesTheYearsBetweenNotThePointCount() {
        // 2010: 50, 2014: 25 (2011–2013 missing): % change = −50; CAGR = (1/2)^(1/4) − 1 = −0.159103584746285…
        // (2^(−1/4) = 0.840896415253714543…, a printed table value of the fourth root of 1/2)
        PeriodChange c = TrendStatistics.change(List.of(new Point(2010, 50), new Point(2014, 25)));
        assertEquals(-50.0, c.pctChange(), EXACT);
        assertEquals(50.0, c.index(), EXACT);
        assertEquals(-15.9103584746285457, c.cagrPct(), EXACT);
    }

    @Test
    void changeIsNullFromZeroOrForOnePoint() {
        PeriodChange zero = TrendStatistics.change(points(2000, 0, 3, 5));
        assertNull(zero.pctChange());
        assertNull(zero.index());
        assertNull(zero.cagrPct());
        assertEquals("change: first value is 0", zero.note());

        PeriodChange one = TrendStatistics.change(points(2000, 4));
        assertNull(one.pctChange());
        assertNull(one.cagrPct());
        assertEquals("change: only one point", one.note());

        // to zero: % change −100, CAGR (0/4)^(1/2) − 1 = −100%
        PeriodChange toZero = TrendStatistics.change(points(2000, 4, 2, 0));
        assertEquals(-100.0, toZero.pctChange(), EXACT);
        assertEquals(-100.0, toZero.cagrPct(), EXACT);
        assertNull(TrendStatistics.cagrPct(2000, 4, 2000, 5), "t = b has no annual rate");
        assertNull(TrendStatistics.cagrPct(2000, -4, 2002, 5), "negative base");
    }

    // ---- year-level figures ----

    @Test
    void yearOnYearOnlyBetweenConsecutiveYearsAndCentredMovingAverage() {
        // years 2000 10, 2001 12, 2002 9, (2003 missing), 2004 8, 2005 10, 2006 13
        List<Point> p = List.of(new Point(2000, 10), new Point(2001, 12), new Point(2002, 9), new Point(2004, 8),
                new Point(2005, 10), new Point(2006, 13));
        List<YearFigures> f = TrendStatistics.yearFigures(p);
        assertEquals(6, f.size());
        // yoy: 2000 none; 2001 100·2/10 = 20; 2002 100·(−3)/12 = −25; 2004 none (2003 missing);
        //      2005 100·2/8 = 25; 2006 100·3/10 = 30
        assertNull(f.get(0).yoyPct());
        assertEquals(20.0, f.get(1).yoyPct(), EXACT);
        assertEquals(-25.0, f.get(2).yoyPct(), EXACT);
        assertNull(f.get(3).yoyPct());
        assertEquals(25.0, f.get(4).yoyPct(), EXACT);
        assertEquals(30.0, f.get(5).yoyPct(), EXACT);
        // index, first year = 100: 100, 120, 90, 80, 100, 130
        double[] index = {100, 120, 90, 80, 100, 130};
        for (int i = 0; i < 6; i++) {
            assertEquals(index[i], f.get(i).index(), EXACT);
        }
        // centred 3-year mean, only when y−1, y, y+1 are all present:
        // 2000 none (no 1999), 2001 (10+12+9)/3 = 31/3, 2002 none (2003 missing), 2004 none (2003 missing),
        // 2005 (8+10+13)/3 = 31/3, 2006 none (no 2007)
        assertNull(f.get(0).movingAverage3());
        assertEquals(31.0 / 3, f.get(1).movingAverage3(), EXACT);
        assertNull(f.get(2).movingAverage3());
        assertNull(f.get(3).movingAverage3());
        assertEquals(31.0 / 3, f.get(4).movingAverage3(), EXACT);
        assertNull(f.get(5).movingAverage3());
    }

    @Test
    void yearOnYearFromZeroIsNull() {
        List<YearFigures> f = TrendStatistics.yearFigures(points(2000, 0, 2));
        assertNull(f.get(1).yoyPct());
        assertNull(f.get(1).index());
    }

    // ---- log-linear OLS ----

    @Test
    void logLinearOlsAgainstHandComputation() {
        // ln x = 0, 0.1, 0.3, 0.3, 0.4 in 2000…2004. With t' = year − 2002 = −2…2: Sxx = 10, mean ln x = 1.1/5 = 0.22,
        // Sxy = Σ t'·ln x = −0.1 + 0.3 + 0.8 = 1.0, slope = 0.1. Fitted 0.02, 0.12, 0.22, 0.32, 0.42; residuals
        // −0.02, −0.02, 0.08, −0.02, −0.02; SSE = 4·0.0004 + 0.0064 = 0.008; s² = 0.008/3; se = √(s²/Sxx) = √(0.008/30)
        // = 0.0163299316185545. t(0.975, 3 df) = 3.18244630528371 (SciPy; tables: 3.182).
        // annual % = 100·(e^0.1 − 1) = 10.5170918075648; CI = 100·(e^(0.1 ∓ 3.18244630528371·0.0163299316185545) − 1)
        // = 4.92030431506925 … 16.4124299994758.
        double[] ln = {0, 0.1, 0.3, 0.3, 0.4};
        double[] x = new double[ln.length];
        for (int i = 0; i < ln.length; i++) {
            x[i] = Math.exp(ln[i]);
        }
        LogLinearTrend t = TrendStatistics.logLinear(points(2000, x));
        assertEquals(5, t.n());
        assertEquals(0.1, t.slope(), 1e-12);
        assertEquals(Math.sqrt(0.008 / 30), t.slopeStdErr(), 1e-12);
        assertEquals(10.5170918075648, t.annualPct(), 1e-9);
        // the t quantile is an iterative inverse (Commons Math, accuracy ~1e-9 on the quantile): 1e-7 on the bounds
        assertEquals(4.92030431506925, t.ciLowPct(), 1e-7);
        assertEquals(16.4124299994758, t.ciHighPct(), 1e-7);
        assertNull(t.note());
    }

    @Test
    void logLinearExactGrowthHasAZeroWidthInterval() {
        // 100, 110, 121, 133.1: ln x rises by ln 1.1 a year exactly; annual % = 10; residuals 0 so CI = [10, 10]
        LogLinearTrend t = TrendStatistics.logLinear(points(2010, 100, 110, 121, 133.1));
        assertEquals(Math.log(1.1), t.slope(), 1e-12);
        assertEquals(10.0, t.annualPct(), 1e-9);
        assertEquals(10.0, t.ciLowPct(), 1e-6);
        assertEquals(10.0, t.ciHighPct(), 1e-6);
    }

    @Test
    void logLinearNeedsThreePositivePoints() {
        LogLinearTrend two = TrendStatistics.logLinear(points(2000, 1, 2));
        assertNull(two.slope());
        assertNull(two.annualPct());
        assertEquals("ols: fewer than 3 points", two.note());

        LogLinearTrend zero = TrendStatistics.logLinear(points(2000, 1, 0, 2));
        assertNull(zero.annualPct());
        assertNull(zero.ciLowPct());
        assertEquals("ols: value 0.0 in 2001 is not > 0, no log-linear fit", zero.note());
    }

    // ---- Theil-Sen ----

    @Test
    void theilSenAgainstHandComputationWithAGap() {
        // (2000, 10), (2001, 12), (2002, 11), (2004, 16). Pairwise slopes:
        // 2000-2001: 2/1 = 2; 2000-2002: 1/2 = 0.5; 2000-2004: 6/4 = 1.5; 2001-2002: −1/1 = −1;
        // 2001-2004: 4/3; 2002-2004: 5/2 = 2.5. Sorted: −1, 0.5, 4/3, 1.5, 2, 2.5; median = (4/3 + 3/2)/2 = 17/12.
        // Median of the values 10, 11, 12, 16 = 11.5; slope as % of it = 100·(17/12)/11.5 = 850/69.
        // (SciPy theilslopes gives 1.41666666666667 as well.)
        TheilSen ts = TrendStatistics.theilSen(List.of(new Point(2000, 10), new Point(2001, 12), new Point(2002, 11),
                new Point(2004, 16)));
        assertEquals(17.0 / 12, ts.slope(), EXACT);
        assertEquals(850.0 / 69, ts.pctOfMedian(), EXACT);
    }

    @Test
    void theilSenOddNumberOfSlopesAndTies() {
        // 10, 12, 12, 11, 14, 14, 14, 13, 16, 15 in 2000…2009: 45 pairwise slopes, median = 0.5
        // (SciPy theilslopes: 0.5). Median value = (13 + 14)/2 = 13.5 → 100·0.5/13.5 = 3.7037037…
        TheilSen ts = TrendStatistics.theilSen(points(2000, 10, 12, 12, 11, 14, 14, 14, 13, 16, 15));
        assertEquals(0.5, ts.slope(), EXACT);
        assertEquals(100 * 0.5 / 13.5, ts.pctOfMedian(), EXACT);
        // three points 3, 1, 2 in consecutive years: slopes −2, −0.5, 1 → median −0.5
        assertEquals(-0.5, TrendStatistics.theilSen(points(2000, 3, 1, 2)).slope(), EXACT);
        assertNull(TrendStatistics.theilSen(points(2000, 3)).slope());
    }

    // ---- Mann-Kendall ----

    @Test
    void mannKendallWithTiesAgainstHandComputation() {
        // x = 10, 12, 12, 11, 14, 14, 14, 13, 16, 15 (2000…2009), n = 10.
        // S row by row (later values greater minus later values smaller):
        //  10: 9−0 = 9;  12: 6−1 = 5 (one tie);  12: 6−1 = 5;  11: 6−0 = 6;  14: 2−1 = 1 (two ties);
        //  14: 2−1 = 1 (one tie);  14: 2−1 = 1;  13: 2−0 = 2;  16: 0−1 = −1.   S = 29.
        // Ties: value 12 twice (t = 2), 14 three times (t = 3).
        // Var(S) = (10·9·25 − [2·1·9 + 3·2·11]) / 18 = (2250 − 84) / 18 = 2166/18 = 120.333…
        // Z = (29 − 1)/√120.333… = 2.55249592694361; p = 2(1 − Φ(2.5525)) = 0.0106954160067478 (SciPy norm.sf;
        // tables: Φ(2.55) = 0.9946 → p ≈ 0.011).
        MannKendall mk = TrendStatistics.mannKendall(points(2000, 10, 12, 12, 11, 14, 14, 14, 13, 16, 15));
        assertEquals(10, mk.n());
        assertEquals(29L, mk.s());
        assertEquals(2166.0 / 18, mk.varS(), EXACT);
        assertEquals(28 / Math.sqrt(2166.0 / 18), mk.z(), EXACT);
        assertEquals(2.55249592694361, mk.z(), 1e-12);
        assertEquals(0.0106954160067478, mk.p(), 1e-12);
    }

    @Test
    void mannKendallDecreasingWithATie() {
        // 5, 4, 4, 3, 1: S = −4 −2 −2 −1 = −9 (the pair 4, 4 counts 0). Var = (5·4·15 − 2·1·9)/18 = 282/18.
        // Z = (−9 + 1)/√(282/18) = −2.02116461055965; p = 0.0432627278069107 (SciPy; tables Φ(2.02) = 0.9783 → 0.043)
        MannKendall mk = TrendStatistics.mannKendall(points(2010, 5, 4, 4, 3, 1));
        assertEquals(-9L, mk.s());
        assertEquals(282.0 / 18, mk.varS(), EXACT);
        assertEquals(-2.02116461055965, mk.z(), 1e-12);
        assertEquals(0.0432627278069107, mk.p(), 1e-12);
    }

    @Test
    void mannKendallNoTrendAndTooFewPoints() {
        // 1, 3, 2: S = +1 +1 −1 = 1; Var = 3·2·11/18 = 66/18; Z = (1 − 1)/… = 0; p = 1
        MannKendall mk = TrendStatistics.mannKendall(points(2000, 1, 3, 2));
        assertEquals(1L, mk.s());
        assertEquals(66.0 / 18, mk.varS(), EXACT);
        assertEquals(0.0, mk.z(), EXACT);
        assertEquals(1.0, mk.p(), EXACT);
        // all equal: S = 0, Var = (3·2·11 − 3·2·11)/18 = 0: Z = 0, p = 1
        MannKendall flat = TrendStatistics.mannKendall(points(2000, 7, 7, 7));
        assertEquals(0L, flat.s());
        assertEquals(0.0, flat.varS(), EXACT);
        assertEquals(0.0, flat.z(), EXACT);
        assertEquals(1.0, flat.p(), EXACT);

        MannKendall two = TrendStatistics.mannKendall(points(2000, 1, 2));
        assertNull(two.s());
        assertNull(two.p());
        assertEquals("mann-kendall: fewer than 3 points", two.note());
    }

    // ---- summary and input checks ----

    // ---- Mann-Kendall direction: p < 0.05 with the sign of S ----

    @Test
    void mannKendallDirectionJustBelowTheThreshold() {
        // 6, 7, 1, 2, 3, 4, 5, 8, 10, 9: 1…10 with 11 inversions (6 and 7 each before 5 smaller values, 10 before 9),
        // so S = 45 − 2·11 = 23; no ties, Var = 10·9·25/18 = 125; Z = 22/√125 = 1.96774; p = 0.049098 (< 0.05).
        MannKendall up = TrendStatistics.mannKendall(points(2010, 6, 7, 1, 2, 3, 4, 5, 8, 10, 9));
        assertEquals(23L, up.s());
        assertEquals(125.0, up.varS(), EXACT);
        assertEquals(0.0490980, up.p(), 1e-6);
        assertEquals(TrendStatistics.INCREASING, up.direction());
        // the same values backwards: S = −23, same p
        MannKendall down = TrendStatistics.mannKendall(points(2010, 9, 10, 8, 5, 4, 3, 2, 1, 7, 6));
        assertEquals(-23L, down.s());
        assertEquals(up.p(), down.p(), EXACT);
        assertEquals("decreasing", down.direction());
    }

    @Test
    void mannKendallDirectionJustAboveTheThreshold() {
        // 5, 1, 1, 2, 2, 2, 3, 3, 4, 1, 6, 7: S = 29 (counted pair by pair); ties 1×3, 2×3, 3×2 take
        // 66 + 66 + 18 = 150 off n(n−1)(2n+5) = 3828, Var = 3678/18 = 204.333; Z = 28/√Var = 1.95879;
        // p = 0.050137: not significant, although S is large.
        MannKendall mk = TrendStatistics.mannKendall(points(2010, 5, 1, 1, 2, 2, 2, 3, 3, 4, 1, 6, 7));
        assertEquals(29L, mk.s());
        assertEquals(3678.0 / 18, mk.varS(), EXACT);
        assertEquals(0.0501371, mk.p(), 1e-6);
        assertEquals("no significant trend", mk.direction());
    }

    @Test
    void mannKendallDirectionAtTheBoundaryAndWithoutATest() {
        // exactly 0.05 is not below 0.05
        assertEquals(TrendStatistics.NO_SIGNIFICANT_TREND,
                TrendStatistics.direction(new MannKendall(10, 23L, 125.0, 1.96, 0.05, null)));
        assertEquals(TrendStatistics.DECREASING,
                TrendStatistics.direction(new MannKendall(10, -23L, 125.0, -1.97, 0.0499, null)));
        // fewer than 3 points: no test, no direction; a flat series has p = 1
        assertNull(TrendStatistics.mannKendall(points(2000, 1, 2)).direction());
        assertEquals(TrendStatistics.NO_SIGNIFICANT_TREND, TrendStatistics.mannKendall(points(2000, 7, 7, 7)).direction());
    }

    @Test
    void summaryCollectsTheNotes() {
        TrendStatistics.Summary s = TrendStatistics.summarize(points(2000, 0, 5));
        assertEquals(2, s.n());
        assertEquals("change: first value is 0; ols: fewer than 3 points; mann-kendall: fewer than 3 points", s.notes());
        assertNotNull(s.theilSen().slope());
        assertNull(TrendStatistics.summarize(points(2000, 1, 2, 4)).notes());
    }

    @Test
    void yearsMustIncrease() {
        assertThrows(IllegalArgumentException.class,
                () -> TrendStatistics.summarize(List.of(new Point(2001, 1), new Point(2000, 2))));
        assertThrows(IllegalArgumentException.class,
                () -> TrendStatistics.summarize(List.of(new Point(2001, 1), new Point(2001, 2))));
        assertThrows(IllegalArgumentException.class, () -> TrendStatistics.summarize(List.of()));
        assertThrows(IllegalArgumentException.class, () -> TrendStatistics.summarize(points(2000, 1, Double.NaN)));
        assertTrue(TrendStatistics.yearFigures(List.of()).isEmpty());
    }
}
