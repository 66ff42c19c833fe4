package org.uncts.cts.validate.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.validate.catalogue.Rule;
import org.uncts.cts.validate.catalogue.RuleKind;
import org.uncts.cts.validate.catalogue.Tolerance;

/**
 * Year-on-year change: flagged when |d|/x(t-1) > 25% AND |d| > 3 sqrt(x(t) + x(t-1)); turned-zero
 * when x(t) = 0 after x(t-1) >= 10. Boundaries worked by hand in each test.
 */
class SeriesTrendChecksTest {

    @TempDir
    Path dir;

    static final Rule YOY = CheckFixture.rule("yoy", RuleKind.YEAR_ON_YEAR, new Tolerance(0, 0.25),
            Map.of("noise_factor", 3, "units", List.of("COUNT")));
    static final Rule ZERO = CheckFixture.rule("zero", RuleKind.TURNED_ZERO, Tolerance.NONE,
            Map.of("min_before", 10, "units", List.of("COUNT")));

    @Test
    void relativeThresholdOnLargeCounts() {
        // 1000 -> 1250: d = 250 = 25% exactly (noise bound 3 sqrt(2250) = 142.3): at, not flagged
        assertFalse(SeriesTrendChecks.beyondChange(YOY, 1000, 1250));
        assertFalse(SeriesTrendChecks.beyondChange(YOY, 1000, 1249), "inside");
        assertTrue(SeriesTrendChecks.beyondChange(YOY, 1000, 1251), "outside");
        assertTrue(SeriesTrendChecks.beyondChange(YOY, 1000, 749), "a fall of 25.1%");
    }

    @Test
    void noiseGuardOnSmallCounts() {
        // 9 -> 27: d = 18 = 3 sqrt(36): exactly at the noise bound, not flagged although +200%
        assertFalse(SeriesTrendChecks.beyondChange(YOY, 9, 27));
        // 9 -> 26: d = 17 < 3 sqrt(35) = 17.75: inside
        assertFalse(SeriesTrendChecks.beyondChange(YOY, 9, 26));
        // 9 -> 28: d = 19 > 3 sqrt(37) = 18.25: outside
        assertTrue(SeriesTrendChecks.beyondChange(YOY, 9, 28));
    }

    @Test
    void findingsNameBothYearsAndLinesAndSkipBreaksAndGaps() {
        List<CheckFixture.Row> out = new CheckFixture(dir)
                .count("AAA", "offences_recorded", "0401", "_T", 2018, 1000)
                .count("AAA", "offences_recorded", "0401", "_T", 2019, 1300)     // +30%: flagged
                .obs("AAA", "offences_recorded", "0401", "Total", "Total", "_T", "COUNT", 2020, 2600.0, "B") // break: not compared
                .count("AAA", "offences_recorded", "0401", "_T", 2022, 100)      // 2021 missing: not compared
                .obs("AAA", "offences_recorded", "0401", "Total", "Total", "_T", "RATE_PER_100K", 2018, 10.0, "A")
                .obs("AAA", "offences_recorded", "0401", "Total", "Total", "_T", "RATE_PER_100K", 2019, 30.0, "A") // rates not in units
                .check(YOY);
        assertEquals(1, out.size(), out.toString());
        CheckFixture.Row f = out.get(0);
        assertEquals(2019, f.year());
        assertEquals("2018-2019", f.years());
        assertEquals("1300", f.value());
        assertEquals(300.0, f.imbalance(), 1e-9);
        assertEquals("t.csv: 2, 3", f.sourceLines());
    }

    @Test
    void turnedZeroAtAndBelowItsThresholdAndNotAlsoAsAChange() {
        List<CheckFixture.Row> out = new CheckFixture(dir)
                .count("AAA", "victims", "0101", "_T", 2019, 10).count("AAA", "victims", "0101", "_T", 2020, 0)
                .count("BBB", "victims", "0101", "_T", 2019, 9).count("BBB", "victims", "0101", "_T", 2020, 0)
                .count("CCC", "victims", "0101", "_T", 2019, 400).count("CCC", "victims", "0101", "_T", 2020, 0)
                .check(YOY, ZERO);
        assertEquals(List.of("zero", "zero"), out.stream().map(CheckFixture.Row::ruleId).toList(), out.toString());
        assertEquals(List.of("AAA|victims|0101|Total|Total|_T|_T|COUNT", "CCC|victims|0101|Total|Total|_T|_T|COUNT"),
                out.stream().map(CheckFixture.Row::seriesKey).toList());
    }
}
