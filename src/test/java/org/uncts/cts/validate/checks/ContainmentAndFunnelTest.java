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

/** Child <= parent along ICCS, a named part <= its whole, and the criminal justice funnel (no tolerance). */
class ContainmentAndFunnelTest {

    @TempDir
    Path dir;

    static final Rule ICCS = CheckFixture.rule("iccs-child", RuleKind.NOT_ABOVE_PARENT, Tolerance.NONE, Map.of("hierarchy", "iccs"));
    static final Rule FUNNEL = CheckFixture.rule("funnel", RuleKind.FUNNEL, Tolerance.NONE,
            Map.of("stages", List.of("persons_suspected", "persons_prosecuted", "persons_brought_before_courts", "persons_convicted")));

    private List<CheckFixture.Row> iccs(double parent, double child) {
        return new CheckFixture(dir).count("AAA", "offences_recorded", "0301", "_T", 2020, parent)
                .count("AAA", "offences_recorded", "03011", "_T", 2020, child).check(ICCS);
    }

    @Test
    void iccsChildAtInsideAndAboveItsParent() {
        assertEquals(0, iccs(100, 100).size(), "equal: at the bound");
        assertEquals(0, iccs(100, 99).size(), "inside");
        List<CheckFixture.Row> out = iccs(100, 101);
        assertEquals(1, out.size(), "one above: outside");
        assertEquals(1.0, out.get(0).imbalance(), 1e-9);
        assertEquals("AAA|offences_recorded|03011|Total|Total|_T|_T|COUNT", out.get(0).seriesKey());
        assertEquals("t.csv: 2, 3", out.get(0).sourceLines());
    }

    @Test
    void aCodeIsComparedWithItsNearestReportedAncestorOnly() {
        List<CheckFixture.Row> out = new CheckFixture(dir)
                .count("AAA", "offences_recorded", "0502", "_T", 2020, 100)
                .count("AAA", "offences_recorded", "05021", "_T", 2020, 80)
                .count("AAA", "offences_recorded", "050211", "_T", 2020, 120)
                .count("AAA", "offences_recorded", "0501", "_T", 2020, 500)
                .check(ICCS);
        assertEquals(1, out.size(), out.toString());
        assertEquals(40.0, out.get(0).imbalance(), 1e-9, "050211 against 05021, not also against 0502");
    }

    @Test
    void namedPartAndWhole() {
        Rule ipfm = CheckFixture.rule("ipfm", RuleKind.NOT_ABOVE_PARENT, Tolerance.NONE,
                Map.of("part", Map.of("sex", "F", "dimension", "by relationship to perpetrator", "category", "Intimate partner or family member"),
                        "whole", Map.of("sex", "F", "dimension", "Total", "category", "Total")));
        List<CheckFixture.Row> out = new CheckFixture(dir)
                .obs("AAA", "victims", "0101", "Total", "Total", "F", "COUNT", 2020, 50.0, "A")
                .obs("AAA", "victims", "0101", "by relationship to perpetrator", "Intimate partner or family member", "F", "COUNT", 2020, 51.0, "A")
                .obs("AAA", "victims", "0101", "Total", "Total", "F", "COUNT", 2021, 50.0, "A")
                .obs("AAA", "victims", "0101", "by relationship to perpetrator", "Intimate partner or family member", "F", "COUNT", 2021, 50.0, "A")
                .check(ipfm);
        assertEquals(1, out.size(), out.toString());
        assertEquals(2020, out.get(0).year());
    }

    @Test
    void funnelComparesEachStageWithTheLastReportedStageBeforeIt() {
        List<CheckFixture.Row> out = new CheckFixture(dir)
                .count("AAA", "persons_suspected", "0101", "_T", 2020, 100)
                .count("AAA", "persons_prosecuted", "0101", "_T", 2020, 100)   // equal: at the bound
                .count("AAA", "persons_convicted", "0101", "_T", 2020, 101)    // above prosecuted: outside
                .count("AAA", "persons_suspected", "0101", "M", 2020, 90)
                .count("AAA", "persons_prosecuted", "0101", "M", 2020, 89)     // inside
                .count("AAA", "persons_convicted", "0101", "M", 2020, 89)
                .check(FUNNEL);
        assertEquals(1, out.size(), out.toString());
        assertEquals("AAA|persons_convicted|0101|Total|Total|_T|_T|COUNT", out.get(0).seriesKey());
        assertEquals("<= 100 (persons_prosecuted)", out.get(0).expected());
        assertEquals(1.0, out.get(0).imbalance(), 1e-9);
    }
}
