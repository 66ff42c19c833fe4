package org.uncts.cts.validate.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.model.Sex;
import org.uncts.cts.validate.catalogue.Rule;
import org.uncts.cts.validate.catalogue.RuleKind;
import org.uncts.cts.validate.catalogue.Tolerance;

/** Rates per 100,000 within plausible bounds, and the ratio of two counts within bounds. */
class RangeAndRatioTest {

    @TempDir
    Path dir;

    static final Rule POLICE = CheckFixture.rule("police", RuleKind.RATE_RANGE, Tolerance.NONE,
            Map.of("indicators", List.of("criminal_justice_personnel"), "cell", Map.of("category", "Police personnel", "sex", "_T"),
                    "min", 50, "max", 1500));
    static final Rule VICTIMS = CheckFixture.rule("victims", RuleKind.RATIO, Tolerance.NONE,
            Map.of("numerator", Map.of("indicator", "victims", "iccs_code", "0101"),
                    "denominator", Map.of("indicator", "offences", "iccs_code", "0101"), "min_ratio", 1, "max_ratio", 1.25));

    @Test
    void ratesFromCountsAtInsideAndOutsideTheBounds() {
        // population 1,000,000: 500 police = 50 per 100,000 (at the lower bound), 15,000 = 1,500 (at the upper)
        CheckFixture f = new CheckFixture(dir);
        int year = 2015;
        for (double police : new double[] {500, 501, 499, 15_000, 14_999, 15_001}) {
            f.population("AAA", year, Sex.TOTAL, 1_000_000)
                    .obs("AAA", "criminal_justice_personnel", null, "Total", "Police personnel", "_T", "COUNT", year, police, "A");
            year++;
        }
        f.obs("AAA", "criminal_justice_personnel", null, "Total", "Police personnel", "M", "COUNT", 2015, 10.0, "A"); // not the cell
        f.obs("AAA", "criminal_justice_personnel", null, "Total", "Police personnel", "_T", "COUNT", 2030, 1.0, "A"); // no population
        List<CheckFixture.Row> out = f.check(POLICE);
        assertEquals(List.of(2017, 2020), out.stream().map(CheckFixture.Row::year).toList(), out.toString());
        assertEquals(-0.1, out.get(0).imbalance(), 1e-9, "49.9 per 100,000 against 50");
        assertEquals("49.9 per 100,000 (100,000 x 499 / 1000000)", out.get(0).value());
        assertEquals(">= 50 per 100,000", out.get(0).expected());
        assertEquals(0.1, out.get(1).imbalance(), 1e-9);
    }

    @Test
    void aReportedRateIsJudgedOnlyWhenItsCountIsNotGiven() {
        List<CheckFixture.Row> out = new CheckFixture(dir).population("AAA", 2020, Sex.TOTAL, 1_000_000)
                .obs("AAA", "criminal_justice_personnel", null, "Total", "Police personnel", "_T", "RATE_PER_100K", 2021, 20.0, "A")
                .obs("AAA", "criminal_justice_personnel", null, "Total", "Police personnel", "_T", "COUNT", 2020, 200.0, "A")
                .obs("AAA", "criminal_justice_personnel", null, "Total", "Police personnel", "_T", "RATE_PER_100K", 2020, 20.0, "A")
                .check(POLICE);
        assertEquals(2, out.size(), out.toString());
        assertEquals("20 per 100,000 (100,000 x 200 / 1000000)", out.get(0).value(), "2020: the count speaks, once");
        assertEquals("20 per 100,000 (as reported)", out.get(1).value(), "2021: only the rate");
    }

    @Test
    void ratioAtInsideAndOutsideItsBounds() {
        CheckFixture f = new CheckFixture(dir);
        double[][] pairs = {{100, 100}, {101, 100}, {99, 100}, {125, 100}, {124, 100}, {126, 100}, {5, 0}};
        int year = 2015;
        for (double[] p : pairs) {
            f.count("AAA", "victims", "0101", "_T", year, p[0]).count("AAA", "offences", "0101", "_T", year, p[1]);
            year++;
        }
        List<CheckFixture.Row> out = f.check(VICTIMS);
        assertEquals(List.of(2017, 2020), out.stream().map(CheckFixture.Row::year).toList(), out.toString());
        assertEquals("99 / 100 = 0.99", out.get(0).value());
        assertEquals(-0.01, out.get(0).imbalance(), 1e-9);
        assertEquals("a ratio between 1 and 1.25", out.get(0).expected());
        assertEquals(0.01, out.get(1).imbalance(), 1e-9);
        assertEquals("t.csv: 6, 7", out.get(0).sourceLines());
    }
}
