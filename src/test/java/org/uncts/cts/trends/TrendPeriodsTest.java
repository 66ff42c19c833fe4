package org.uncts.cts.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uncts.cts.trends.TrendPeriods.Part;
import org.uncts.cts.trends.TrendPeriods.Segment;
import org.uncts.cts.trends.TrendPeriods.SeriesPoint;
import org.uncts.cts.trends.TrendStatistics.Point;

class TrendPeriodsTest {

    static SeriesPoint p(int year, Double value) {
        return new SeriesPoint(year, value, false);
    }

    static SeriesPoint b(int year, Double value) {
        return new SeriesPoint(year, value, true);
    }

    static List<Integer> years(List<Point> points) {
        return points.stream().map(Point::year).toList();
    }

    @Test
    void nullValuesAreGapsNotZeros() {
        List<Segment> s = TrendPeriods.segments(List.of(p(2000, 1.0), p(2001, null), p(2002, 3.0)));
        assertEquals(1, s.size());
        assertEquals(List.of(new Point(2000, 1), new Point(2002, 3)), s.get(0).points());
    }

    @Test
    void aBreakStartsANewSegment() {
        List<Segment> s = TrendPeriods.segments(List.of(p(2000, 1.0), p(2001, 2.0), b(2002, 10.0), p(2003, 11.0)));
        assertEquals(2, s.size());
        assertEquals(2000, s.get(0).startYear());
        assertEquals(List.of(2000, 2001), years(s.get(0).points()));
        assertEquals(2002, s.get(1).startYear());
        assertEquals(List.of(2002, 2003), years(s.get(1).points()));
    }

    @Test
    void aBreakOnTheFirstPointOrOnAGapYear() {
        // B on the first year: nothing before it, one segment
        assertEquals(1, TrendPeriods.segments(List.of(b(2000, 1.0), p(2001, 2.0))).size());
        // B on a year without a value: the next year with a value starts the new segment
        List<Segment> s = TrendPeriods.segments(List.of(p(2000, 1.0), b(2001, null), p(2002, 5.0), p(2003, 6.0)));
        assertEquals(2, s.size());
        assertEquals(2002, s.get(1).startYear());
        assertTrue(TrendPeriods.segments(List.of(p(2000, null))).isEmpty());
    }

    @Test
    void windowsEndAtTheLastYearAndUseOnlyYearsPresent() {
        // 2001…2016 without 2010 and 2015; no break
        List<SeriesPoint> in = new ArrayList<>();
        for (int y = 2001; y <= 2016; y++) {
            in.add(p(y, y == 2010 || y == 2015 ? null : (double) y));
        }
        List<Part> parts = TrendPeriods.parts(TrendPeriods.segments(in), List.of(5, 10));
        assertEquals(3, parts.size());
        assertEquals("all", parts.get(0).period());
        assertEquals(14, parts.get(0).points().size());
        // last5 = 2012…2016 minus 2015: 4 points
        assertEquals("last5", parts.get(1).period());
        assertEquals(5, parts.get(1).windowYears());
        assertEquals(List.of(2012, 2013, 2014, 2016), years(parts.get(1).points()));
        // last10 = 2007…2016 minus 2010 and 2015: 8 points
        assertEquals("last10", parts.get(2).period());
        assertEquals(List.of(2007, 2008, 2009, 2011, 2012, 2013, 2014, 2016), years(parts.get(2).points()));
        assertEquals(2001, parts.get(2).segmentStart());
    }

    @Test
    void aBreakInsideAWindowGivesOnePartPerSegment() {
        // 2005…2016, break at 2014
        List<SeriesPoint> in = new ArrayList<>();
        for (int y = 2005; y <= 2016; y++) {
            in.add(y == 2014 ? b(y, (double) y) : p(y, (double) y));
        }
        List<Part> parts = TrendPeriods.parts(TrendPeriods.segments(in), List.of(5, 10));
        // all: 2005–2013 and 2014–2016; last5 (2012–2016): 2012–2013 and 2014–2016; last10 (2007–2016): 2007–2013 and 2014–2016
        assertEquals(6, parts.size());
        assertEquals(List.of("all", "all", "last5", "last5", "last10", "last10"),
                parts.stream().map(Part::period).toList());
        assertEquals(List.of(2005, 2014, 2005, 2014, 2005, 2014), parts.stream().map(Part::segmentStart).toList());
        assertEquals(List.of(2012, 2013), years(parts.get(2).points()));
        assertEquals(List.of(2014, 2015, 2016), years(parts.get(3).points()));
        assertEquals(List.of(2007, 2008, 2009, 2010, 2011, 2012, 2013), years(parts.get(4).points()));
    }

    @Test
    void anOldSegmentOutsideTheWindowGivesNoPart() {
        List<Part> parts = TrendPeriods.parts(TrendPeriods.segments(List.of(p(1995, 1.0), b(2015, 2.0), p(2016, 3.0))),
                List.of(5));
        assertEquals(List.of("all", "all", "last5"), parts.stream().map(Part::period).toList());
        assertEquals(2015, parts.get(2).segmentStart());
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> TrendPeriods.segments(List.of(p(2001, 1.0), p(2000, 1.0))));
        assertThrows(IllegalArgumentException.class,
                () -> TrendPeriods.parts(TrendPeriods.segments(List.of(p(2001, 1.0))), List.of(0)));
        assertTrue(TrendPeriods.parts(List.of(), List.of(5)).isEmpty());
    }
}
