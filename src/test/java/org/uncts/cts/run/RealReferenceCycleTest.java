package org.uncts.cts.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.uncts.cts.testing.Duck;
import org.uncts.cts.testing.TestCycle;

/**
 * The sample returns run with real reference data: the UNSD M49 file and the World Bank
 * population file from ../shared/reference (skipped when that folder is absent). Rates are
 * checked by hand against the population as printed in the World Bank file.
 */
@SpringBootTest(classes = CtsApplication.class, properties = "spring.datasource.url=jdbc:h2:mem:real-reference-cycle;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealReferenceCycleTest {

    static final Path SHARED = Path.of("").toAbsolutePath().getParent().resolve("shared/reference");
    static final Path SAMPLE = Path.of("sample-data").toAbsolutePath();

    @Autowired
    SurveyRunLauncher launcher;

    @TempDir
    static Path dir;

    Path out;

    @BeforeAll
    void runWithRealReferenceFiles() throws Exception {
        assumeTrue(Files.exists(SHARED.resolve("unsd_m49.csv")) && Files.exists(SHARED.resolve("worldbank_population.csv")),
                "../shared/reference is absent");
        String spec = """
                name: real-reference
                cycle: UN-CTS 2025
                reference_years: {from: 2015, to: 2024}
                inputs:
                  - path: %s/returns/cts2025_homicide.csv
                reference:
                  countries: [%s/unsd_m49.csv, %s/reference/areas-extra.csv]
                  population: [%s/worldbank_population.csv]
                  crime_codes: %s/reference/iccs-codes.csv
                output: %s
                """.formatted(SAMPLE, SHARED, SAMPLE, SHARED, SAMPLE, dir.resolve("out"));
        Files.createDirectories(dir.resolve("jobs"));
        Path specFile = dir.resolve("jobs/real.yml");
        Files.writeString(specFile, spec);
        out = dir.resolve("out");
        RunOutcome run = launcher.launch(specFile);
        assertEquals(BatchStatus.COMPLETED, run.status(), String.valueOf(run.reason()));
    }

    private List<List<Object>> homicideRate(String iso3, int year, String sex) {
        return Duck.rows("select value, numerator, denominator, note from " + Duck.parquet(TestCycle.release(out).resolve("indicators/*.parquet"))
                + " where formula_id = 'sdg_16_1_1' and country_iso3 = '" + iso3 + "' and year = " + year + " and sex = '" + sex + "'");
    }

    @Test
    void ratesUseTheWorldBankPopulation() {
        // France 2020: 854 victims (sample return, line 1214); World Bank population 67,601,110
        // 100,000 x 854 / 67,601,110 = 1.2632928...
        List<Object> fra = homicideRate("FRA", 2020, "_T").get(0);
        assertEquals(67_601_110.0, (Double) fra.get(2), 0);
        assertEquals(854.0, (Double) fra.get(1), 0);
        assertEquals(100_000.0 * 854 / 67_601_110, (Double) fra.get(0), 1e-9);
        assertEquals(1.2632928, (Double) fra.get(0), 1e-7);
    }

    @Test
    void theWorldBankFileHasNoSexSplitSoSexSpecificRatesAreMissingNotGuessed() {
        List<Object> female = homicideRate("FRA", 2020, "F").get(0);
        assertNull(female.get(0));
        assertEquals("no population for FRA, 2020, sex F", female.get(3));
    }
}
