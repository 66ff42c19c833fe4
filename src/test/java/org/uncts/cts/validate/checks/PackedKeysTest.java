package org.uncts.cts.validate.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packed integer keys are an optimisation only: with them and with plain column comparisons
 * every check finds exactly the same, on data that trips each set-based and trend rule.
 */
class PackedKeysTest {

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        CycleData.packKeys = true;
    }

    private List<CheckFixture.Row> run(Path sub) throws Exception {
        Files.createDirectories(sub);
        CheckFixture f = new CheckFixture(sub);
        for (String c : List.of("AAA", "BBB")) {
            f.count(c, "persons_held", null, "_T", 2020, 100).count(c, "persons_held", null, "M", 2020, 60)
                    .count(c, "persons_held", null, "F", 2020, c.equals("AAA") ? 30 : 40)
                    .count(c, "offences_recorded", "0301", "_T", 2020, 50).count(c, "offences_recorded", "03011", "_T", 2020, 70)
                    .count(c, "persons_prosecuted", "0101", "_T", 2020, 10).count(c, "persons_convicted", "0101", "_T", 2020, 12)
                    .count(c, "persons_held", null, "_T", 2021, 300);
        }
        return f.check(SumOfPartsCheckTest.SEX, ContainmentAndFunnelTest.ICCS, ContainmentAndFunnelTest.FUNNEL,
                SeriesTrendChecksTest.YOY);
    }

    @Test
    void packedAndPlainKeysFindTheSame() throws Exception {
        List<CheckFixture.Row> packed = run(dir.resolve("packed"));
        CycleData.packKeys = false;
        List<CheckFixture.Row> plain = run(dir.resolve("plain"));
        assertFalse(packed.isEmpty());
        // sum-sex AAA, child above parent x2, funnel x2, year-on-year x2
        assertEquals(7, packed.size(), packed.toString());
        assertEquals(packed, plain);
    }
}
