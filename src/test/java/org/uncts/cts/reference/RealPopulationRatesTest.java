package org.uncts.cts.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uncts.cts.model.Sex;

/**
 * Rates per 100,000 checked by hand against the real UNSD M49 and World Bank files in
 * {@code ../shared/reference} (skipped when absent). The counts are invented; the populations
 * are the figures of worldbank_population.csv, copied here as literals.
 */
class RealPopulationRatesTest {

    private static final Path M49 = TestFiles.shared("unsd_m49.csv");
    private static final Path WORLD_BANK = TestFiles.shared("worldbank_population.csv");

    private static ReferenceData ref;

    /** A count as a return gives it: the country as named by the focal point. */
    private record Count(String country, int year, Sex sex, long count) {
    }

    @BeforeAll
    static void load() {
        if (Files.exists(M49) && Files.exists(WORLD_BANK)) {
            // only the years the tests need, as a run reads only its reference years
            ref = ReferenceData.load(List.of(M49), List.of(WORLD_BANK), year -> year >= 2019 && year <= 2025,
                    null, null);
        }
    }

    /** 100,000 x count / population, or empty when the population is not known: never a guess. */
    private static OptionalDouble rate(Count c) {
        String iso3 = ref.countries().resolve(c.country()).orElseThrow().country().iso3();
        OptionalDouble p = ref.population().population(iso3, c.year(), c.sex());
        return p.isPresent() ? OptionalDouble.of(100_000d * c.count() / p.getAsDouble()) : OptionalDouble.empty();
    }

    @Test
    void populationsAreTheFiguresOfTheFile() {
        assumeTrue(ref != null, "no shared reference files");

        // looked up in worldbank_population.csv
        assertThat(ref.population().population("FRA", 2020, Sex.TOTAL)).hasValue(67_601_110);
        assertThat(ref.population().population("JPN", 2021, Sex.TOTAL)).hasValue(125_681_593);
        assertThat(ref.population().population("BRA", 2019, Sex.TOTAL)).hasValue(207_455_459);
        assertThat(ref.population().population("DZA", 2020, Sex.TOTAL)).hasValue(44_042_091);
        assertThat(ref.population().population("FRA", 2015, Sex.TOTAL)).as("outside the years loaded").isEmpty();
    }

    @Test
    void ratesPer100000ByHand() {
        assumeTrue(ref != null, "no shared reference files");

        // France 2020: 863 x 100,000 / 67,601,110 = 86,300,000 / 67,601,110 = 1.27661
        assertThat(rate(new Count("France", 2020, Sex.TOTAL, 863)).orElseThrow()).isCloseTo(1.27661, within(5e-6));
        // Japan 2021: 874 x 100,000 / 125,681,593 = 87,400,000 / 125,681,593 = 0.695408
        assertThat(rate(new Count("Japan", 2021, Sex.TOTAL, 874)).orElseThrow()).isCloseTo(0.695408, within(5e-7));
        // Brazil 2019: 45,503 x 100,000 / 207,455,459 = 4,550,300,000 / 207,455,459 = 21.9339
        assertThat(rate(new Count("Brazil", 2019, Sex.TOTAL, 45_503)).orElseThrow()).isCloseTo(21.9339, within(5e-5));
        // Algeria 2020, by its M49 code: 581 x 100,000 / 44,042,091 = 58,100,000 / 44,042,091 = 1.31919
        assertThat(rate(new Count("12", 2020, Sex.TOTAL, 581)).orElseThrow()).isCloseTo(1.31919, within(5e-6));
    }

    @Test
    void aMissingDenominatorGivesNoRateNotANeighboursRate() {
        assumeTrue(ref != null, "no shared reference files");

        // the file ends in 2024: 2025 has no population, and 2024's is not used instead
        assertThat(rate(new Count("France", 2025, Sex.TOTAL, 900))).isEmpty();
        // the World Bank gives totals only: no female rate, and not the total's
        assertThat(rate(new Count("Algeria", 2020, Sex.FEMALE, 120))).isEmpty();
    }
}
