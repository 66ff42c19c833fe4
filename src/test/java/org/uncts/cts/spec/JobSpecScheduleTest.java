package org.uncts.cts.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec's schedule key: a Spring cron expression, checked at load with the spec file, line and key. */
class JobSpecScheduleTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/a.csv"), "x");
        Files.writeString(dir.resolve("data/countries.csv"), "x");
    }

    private Path spec(String schedule) throws Exception {
        Files.createDirectories(dir.resolve("jobs"));
        Path p = dir.resolve("jobs/test.yml");
        Files.writeString(p, """
                name: t
                cycle: UN-CTS 2025
                reference_years: {from: 2015, to: 2024}
                inputs:
                  - path: ../data/a.csv
                reference:
                  countries: [../data/countries.csv]
                """ + (schedule == null ? "" : "schedule: " + schedule + "\n"));
        return p;
    }

    @Test
    void aSixFieldCronExpressionIsKept() throws Exception {
        Path spec = spec("\"0 0 2 * * *\"");
        assertEquals("0 0 2 * * *", JobSpecLoader.load(spec).schedule());
        assertEquals(Optional.of("0 0 2 * * *"), JobSpecLoader.schedule(spec));
    }

    @Test
    void macrosAreAccepted() throws Exception {
        for (String macro : new String[] {"\"@daily\"", "\"@hourly\"", "\"@weekly\"", "\"@monthly\"", "\"@yearly\""}) {
            assertEquals(macro.replace("\"", ""), JobSpecLoader.load(spec(macro)).schedule());
        }
    }

    @Test
    void noScheduleIsNull() throws Exception {
        assertNull(JobSpecLoader.load(spec(null)).schedule());
        assertEquals(Optional.empty(), JobSpecLoader.schedule(spec(null)));
    }

    @Test
    void aFiveFieldUnixCronIsRefusedWithFileLineAndKey() throws Exception {
        Path spec = spec("\"0 2 * * *\"");
        JobSpecException e = assertThrows(JobSpecException.class, () -> JobSpecLoader.load(spec));
        assertTrue(e.getMessage().contains(spec.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 8: schedule: '0 2 * * *' is not a cron expression"), e.getMessage());
        assertTrue(e.getMessage().contains("six fields"), e.getMessage());
        JobSpecException e2 = assertThrows(JobSpecException.class, () -> JobSpecLoader.schedule(spec));
        assertTrue(e2.getMessage().startsWith(spec + " line 8: schedule:"), e2.getMessage());
    }

    @Test
    void nonsenseAndBlankAreRefused() throws Exception {
        Path spec = spec("nightly");
        assertTrue(assertThrows(JobSpecException.class, () -> JobSpecLoader.load(spec)).getMessage()
                .contains("line 8: schedule: 'nightly' is not a cron expression"));
        Path blank = spec("\"\"");
        assertTrue(assertThrows(JobSpecException.class, () -> JobSpecLoader.load(blank)).getMessage()
                .contains("line 8: schedule: give a cron expression"));
    }

    @Test
    void theScheduleIsReadWithoutTheInputs() throws Exception {
        Path spec = spec("\"@daily\"");
        Files.delete(dir.resolve("data/a.csv")); // the month's returns have not arrived yet
        assertThrows(JobSpecException.class, () -> JobSpecLoader.load(spec));
        assertEquals(Optional.of("@daily"), JobSpecLoader.schedule(spec));
    }
}
