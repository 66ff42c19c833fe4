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

/** Revisions and missing series against a previous vintage; reported rates; the same figure twice. */
class VintageAndRateTest {

    @TempDir
    Path dir;

    static final Rule REVISION = CheckFixture.rule("revision", RuleKind.REVISION, new Tolerance(0, 0.05), Map.of("small_count", 100));
    static final Rule MISSING = CheckFixture.rule("missing", RuleKind.MISSING_SERIES, Tolerance.NONE, Map.of());
    static final Rule RATE = CheckFixture.rule("rate", RuleKind.REPORTED_RATE, new Tolerance(0.005, 0.01), Map.of());
    static final Rule SAME = CheckFixture.rule("same", RuleKind.SAME_FIGURE, Tolerance.NONE, Map.of("min_years", 2, "min_value", 10));

    @Test
    void revisionsBeyondFivePercentOrAnyChangeBelowOneHundred() {
        List<CheckFixture.Row> out = new CheckFixture(dir)
                .count("AAA", "x", null, "_T", 2018, 1050).previous("AAA", "x", null, "_T", 2018, 1000) // +5.0%: at
                .count("AAA", "x", null, "_T", 2019, 1049).previous("AAA", "x", null, "_T", 2019, 1000) // inside
                .count("AAA", "x", null, "_T", 2020, 1051).previous("AAA", "x", null, "_T", 2020, 1000) // outside
                .count("AAA", "x", null, "M", 2020, 51).previous("AAA", "x", null, "M", 2020, 50)      // small count
                .count("AAA", "x", null, "F", 2020, 50).previous("AAA", "x", null, "F", 2020, 50)      // unchanged
                .check(REVISION);
        assertEquals(2, out.size(), out.toString());
        assertEquals(List.of(2020, 2020), out.stream().map(CheckFixture.Row::year).toList());
        assertEquals(List.of(1.0, 51.0), out.stream().map(CheckFixture.Row::imbalance).sorted().toList());
    }

    @Test
    void seriesMissingNowOnlyForCountriesThatReported() {
        List<CheckFixture.Row> out = new CheckFixture(dir)
                .count("AAA", "x", null, "_T", 2020, 10)
                .count("CCC", "y", null, "_T", 2020, 5)       // indicator y is collected this cycle
                .previous("AAA", "x", null, "_T", 2019, 10)
                .previous("AAA", "y", null, "_T", 2018, 7).previous("AAA", "y", null, "_T", 2019, 8)
                .previous("BBB", "x", null, "_T", 2019, 10)   // BBB has not replied: not judged series by series
                .previous("AAA", "z", null, "_T", 2019, 10)   // no return of this cycle has indicator z (table not received)
                .check(MISSING);
        assertEquals(1, out.size(), out.toString());
        assertEquals("AAA|y||Total|Total|_T|_T|COUNT", out.get(0).seriesKey());
        assertEquals("2018-2019", out.get(0).years());
        assertEquals("previous.parquet", out.get(0).sourceLines());
    }

    @Test
    void reportedRateAgainstCountOverPopulation() {
        // 50 / 1,000,000 x 100,000 = 5.0; allowance max(0.005, 1% of 5.0) = 0.05
        CheckFixture f = new CheckFixture(dir).population("AAA", 2020, Sex.TOTAL, 1_000_000)
                .population("AAA", 2021, Sex.TOTAL, 1_000_000).population("AAA", 2022, Sex.TOTAL, 1_000_000);
        f.count("AAA", "v", "0101", "_T", 2020, 50).obs("AAA", "v", "0101", "Total", "Total", "_T", "RATE_PER_100K", 2020, 5.05, "A");
        f.count("AAA", "v", "0101", "_T", 2021, 50).obs("AAA", "v", "0101", "Total", "Total", "_T", "RATE_PER_100K", 2021, 4.96, "A");
        f.count("AAA", "v", "0101", "_T", 2022, 50).obs("AAA", "v", "0101", "Total", "Total", "_T", "RATE_PER_100K", 2022, 5.06, "A");
        f.obs("AAA", "v", "0101", "Total", "Total", "_T", "RATE_PER_100K", 2023, 9.0, "A"); // no count, no population: not judged
        List<CheckFixture.Row> out = f.check(RATE);
        assertEquals(1, out.size(), out.toString());
        assertEquals(2022, out.get(0).year());
        assertEquals(0.06, out.get(0).imbalance(), 1e-9);
        assertEquals("5 (100,000 x 50 / 1000000)", out.get(0).expected());
    }

    @Test
    void sameFigureInTwoPlacesForTwoOrMoreYears() {
        List<CheckFixture.Row> out = new CheckFixture(dir)
                .count("AAA", "persons_prosecuted", "0101", "_T", 2019, 412).count("AAA", "persons_convicted", "0101", "_T", 2019, 412)
                .count("AAA", "persons_prosecuted", "0101", "_T", 2020, 398).count("AAA", "persons_convicted", "0101", "_T", 2020, 398)
                .count("AAA", "persons_prosecuted", "0101", "_T", 2021, 400).count("AAA", "persons_convicted", "0101", "_T", 2021, 350)
                // equal in one year only: not flagged
                .count("AAA", "offences", "0401", "_T", 2019, 77).count("AAA", "offences", "0501", "_T", 2019, 77)
                // equal but below min_value: not flagged
                .count("BBB", "a", null, "_T", 2019, 9).count("BBB", "b", null, "_T", 2019, 9)
                .count("BBB", "a", null, "_T", 2020, 9).count("BBB", "b", null, "_T", 2020, 9)
                .check(SAME);
        assertEquals(1, out.size(), out.toString());
        assertEquals("2019-2020", out.get(0).years());
        assertEquals("2019: 412, 2020: 398", out.get(0).value());
        assertEquals("t.csv: 2, 3, 4, 5", out.get(0).sourceLines(), "the lines of both series");
    }
}
