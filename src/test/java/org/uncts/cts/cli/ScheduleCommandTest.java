package org.uncts.cts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.testing.ConsoleCapture;

/** cts schedule --list, and the specs it refuses before starting anything. */
class ScheduleCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err;
    private final ByteArrayOutputStream out = console.out;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve("jobs"));
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/a.csv"), "x");
        Files.writeString(dir.resolve("data/countries.csv"), "x");
    }

    private Path spec(String file, String schedule) throws Exception {
        Path p = dir.resolve("jobs").resolve(file);
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

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsTheScheduledSpecsOfAFolderWithTheirNextRun() throws Exception {
        spec("nightly.yml", "\"0 0 2 * * *\"");
        spec("weekly.yml", "\"@weekly\"");
        spec("manual.yml", null);
        assertEquals(ExitCodes.OK, Main.run("schedule", "--list", "--jobs", dir.resolve("jobs").toString()), err());
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\\R");
        assertEquals(2, lines.length, out.toString(StandardCharsets.UTF_8));
        assertTrue(lines[0].contains("nightly.yml") && lines[0].contains("\"0 0 2 * * *\"") && lines[0].contains("next run ")
                && lines[0].contains(" 02:00:00 "), lines[0]);
        assertTrue(lines[1].contains("weekly.yml") && lines[1].contains("\"@weekly\""), lines[1]);
    }

    @Test
    void aSpecNamedWithoutAScheduleIsBadInput() throws Exception {
        Path manual = spec("manual.yml", null);
        assertEquals(ExitCodes.BAD_INPUT, Main.run("schedule", "--list", manual.toString()));
        assertTrue(err().contains("manual.yml has no schedule key"), err());
    }

    @Test
    void aFolderWithoutScheduledSpecsIsBadInput() throws Exception {
        spec("manual.yml", null);
        assertEquals(ExitCodes.BAD_INPUT, Main.run("schedule", "--jobs", dir.resolve("jobs").toString()));
        assertTrue(err().contains("has a schedule key (1 spec(s) looked at)"), err());
    }

    @Test
    void aBadCronExpressionIsBadInputWithFileLineAndKey() throws Exception {
        Path bad = spec("bad.yml", "\"0 2 * * *\"");
        assertEquals(ExitCodes.BAD_INPUT, Main.run("schedule", bad.toString()));
        assertTrue(err().contains(bad.toAbsolutePath() + " line 8: schedule: '0 2 * * *' is not a cron expression"), err());
    }

    @Test
    void aSpecThatCannotRunNowIsScheduledWithAWarning() throws Exception {
        Path later = spec("later.yml", "\"@monthly\"");
        Files.delete(dir.resolve("data/a.csv"));
        assertEquals(ExitCodes.OK, Main.run("schedule", "--list", later.toString()), err());
        assertTrue(err().contains("warning: ") && err().contains("matches no file")
                && err().contains("its launches fail until this is fixed"), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"@monthly\""));
    }
}
