package org.uncts.cts.validate.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.validate.catalogue.Rule;
import org.uncts.cts.validate.catalogue.RuleKind;
import org.uncts.cts.validate.catalogue.Tolerance;

/** Sum of parts with the shipped tolerance "0.5% or 2 units": allowance = max(2, 0.005 x total). */
class SumOfPartsCheckTest {

    @TempDir
    Path dir;

    static final Rule SEX = CheckFixture.rule("sum-sex", RuleKind.SUM_OF_PARTS, new Tolerance(2, 0.005),
            Map.of("total", Map.of("sex", "_T"), "parts", Map.of("sex", List.of("M", "F", "_U")),
                    "required_parts", List.of("M", "F")));

    private List<CheckFixture.Row> sexes(double total, double male, double female, Double unknown) {
        CheckFixture f = new CheckFixture(dir)
                .count("AAA", "persons_held", null, "_T", 2020, total)
                .count("AAA", "persons_held", null, "M", 2020, male)
                .count("AAA", "persons_held", null, "F", 2020, female);
        if (unknown != null) {
            f.count("AAA", "persons_held", null, "_U", 2020, unknown);
        }
        return f.check(SEX);
    }

    @Test
    void smallTotalIsAllowedTwoUnits() {
        // total 100: allowance max(2, 0.5) = 2
        assertEquals(0, sexes(100, 60, 38, null).size(), "off by 2: at the tolerance");
        assertEquals(0, sexes(100, 60, 39, null).size(), "off by 1: inside");
        List<CheckFixture.Row> out = sexes(100, 60, 37, null);
        assertEquals(1, out.size(), "off by 3: outside");
        assertEquals(-3.0, out.get(0).imbalance(), 1e-9);
        assertEquals("Male 60 + Female 37 = 97", out.get(0).value());
        assertEquals("100", out.get(0).expected());
        assertEquals("t.csv: 2, 3, 4", out.get(0).sourceLines());
        assertEquals("AAA|persons_held||Total|Total|_T|_T|COUNT", out.get(0).seriesKey());
    }

    @Test
    void largeTotalIsAllowedHalfAPercent() {
        // total 10,000: allowance max(2, 50) = 50
        assertEquals(0, sexes(10_000, 6_000, 3_950, null).size(), "off by 50: at");
        assertEquals(0, sexes(10_000, 6_000, 3_951, null).size(), "off by 49: inside");
        assertEquals(1, sexes(10_000, 6_000, 3_949, null).size(), "off by 51: outside");
        assertEquals(1, sexes(10_000, 6_000, 4_051, null).size(), "parts above the total by 51: outside");
    }

    @Test
    void unknownSexCountsWhenGivenAndAMissingRequiredPartSkipsTheTotal() {
        assertEquals(0, sexes(100, 60, 30, 10.0).size());
        assertEquals(1, sexes(100, 60, 30, 20.0).size());
        List<CheckFixture.Row> out = new CheckFixture(dir)
                .count("AAA", "persons_held", null, "_T", 2020, 100)
                .count("AAA", "persons_held", null, "M", 2020, 10)
                .check(SEX);
        assertEquals(0, out.size(), "female not reported: the breakdown is incomplete and not summed");
    }

    @Test
    void categoriesOfADimensionAndIccsSubcategories() {
        Rule mechanism = CheckFixture.rule("sum-mechanism", RuleKind.SUM_OF_PARTS, new Tolerance(2, 0.005),
                Map.of("total", Map.of("dimension", "Total", "category", "Total"),
                        "parts", Map.of("dimension", "by mechanism", "category", List.of("Firearms", "Other"))));
        Rule iccs = CheckFixture.rule("sum-0301", RuleKind.SUM_OF_PARTS, new Tolerance(2, 0.005),
                Map.of("total", Map.of("iccs_code", "0301"), "parts", Map.of("iccs_code", List.of("03011", "03012"))));
        List<CheckFixture.Row> out = new CheckFixture(dir)
                .count("AAA", "victims", "0101", "_T", 2020, 500)
                .obs("AAA", "victims", "0101", "By Mechanism", "firearms", "_T", "COUNT", 2020, 300.0, "A")
                .obs("AAA", "victims", "0101", "by mechanism", "Other", "_T", "COUNT", 2020, 150.0, "A")
                .count("AAA", "offences", "0301", "_T", 2020, 40)
                .count("AAA", "offences", "03011", "_T", 2020, 30)
                .count("AAA", "offences", "03012", "_T", 2020, 10)
                .check(mechanism, iccs);
        assertEquals(1, out.size(), out.toString());
        assertEquals("sum-mechanism", out.get(0).ruleId());
        assertEquals(-50.0, out.get(0).imbalance(), 1e-9);
    }
}
