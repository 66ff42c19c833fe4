package org.uncts.cts.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.ingest.ReturnLayout;

class JobSpecLoaderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(dir.resolve("data/returns/sub"));
        Files.writeString(dir.resolve("data/returns/a.csv"), "x");
        Files.writeString(dir.resolve("data/returns/b.csv"), "x");
        Files.writeString(dir.resolve("data/returns/sub/c.csv"), "x");
        Files.writeString(dir.resolve("data/returns/notes.txt"), "x");
        Files.writeString(dir.resolve("data/countries.csv"), "x");
    }

    private Path spec(String yaml) throws Exception {
        Files.createDirectories(dir.resolve("jobs"));
        Path p = dir.resolve("jobs/test.yml");
        Files.writeString(p, yaml);
        return p;
    }

    private static final String GOOD = """
            name: t
            cycle: UN-CTS 2025
            reference_years: {from: 2015, to: 2024}
            inputs:
              - path: ../data/returns/*.csv
              - path: ../data/returns/**/c.csv
                format: dataunodc
            reference:
              countries: [../data/countries.csv]
            """;

    @Test
    void resolvesGlobsRelativeToTheSpec() throws Exception {
        SurveyRunPlan plan = JobSpecLoader.load(spec(GOOD));
        assertEquals(3, plan.inputs().size());
        assertEquals("data/returns/a.csv", plan.inputs().get(0).displayName());
        assertNull(plan.inputs().get(0).layout());
        assertEquals(ReturnLayout.DATAUNODC, plan.inputs().get(2).layout());
        assertEquals(2015, plan.years().from());
        assertEquals(dir.resolve("out/t").normalize(), plan.outputDir());
        assertEquals(64, plan.specSha256().length());
    }

    @Test
    void unknownKeyIsNamedWithItsLine() throws Exception {
        JobSpecException e = assertThrows(JobSpecException.class, () -> JobSpecLoader.load(spec(GOOD + "outptu: x\n")));
        assertTrue(e.getMessage().contains("unknown key 'outptu'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 10"), e.getMessage());
        assertTrue(e.getMessage().contains("output"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void everyMissingFileIsListedBeforeAnythingRuns() throws Exception {
        String yaml = GOOD.replace("../data/countries.csv", "../data/nope.csv") + "  crime_codes: ../data/iccs.csv\n";
        yaml = yaml.replace("../data/returns/*.csv", "../data/returnz/*.csv");
        String y = yaml;
        JobSpecException e = assertThrows(JobSpecException.class, () -> JobSpecLoader.load(spec(y)));
        assertTrue(e.getMessage().contains("../data/returnz/*.csv matches no file"), e.getMessage());
        assertTrue(e.getMessage().contains("reference.countries: file ../data/nope.csv does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("reference.crime_codes: file ../data/iccs.csv does not exist"), e.getMessage());
    }

    @Test
    void missingRequiredKeyAndBadFormat() throws Exception {
        JobSpecException e = assertThrows(JobSpecException.class,
                () -> JobSpecLoader.load(spec(GOOD.replace("cycle: UN-CTS 2025\n", ""))));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        JobSpecException f = assertThrows(JobSpecException.class,
                () -> JobSpecLoader.load(spec(GOOD.replace("format: dataunodc", "format: xlsx"))));
        assertTrue(f.getMessage().contains("format 'xlsx'"), f.getMessage());
    }

    @Test
    void missingSpecFile() {
        JobSpecException e = assertThrows(JobSpecException.class, () -> JobSpecLoader.load(dir.resolve("jobs/none.yml")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
