package org.uncts.cts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.exchange.SdmxDataflow;
import org.uncts.cts.testing.ConsoleCapture;

/** ./cts export: where the files go, and a distinct exit code with one line when an option is wrong. */
class ExportCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err;
    private final ByteArrayOutputStream out = console.out;

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyReleaseExportsHeadersOnlyToAFolderOrAFile() throws Exception {
        Path release = Files.createDirectories(dir.resolve("release"));
        assertEquals(ExitCodes.OK, Main.run("export", "--release", release.toString(), "--out", dir.resolve("sdmx").toString()), errText());
        assertEquals(String.join(",", SdmxDataflow.OBSERVATIONS.header20()),
                Files.readAllLines(dir.resolve("sdmx/observations.sdmx.csv")).get(0));
        assertEquals(1, Files.readAllLines(dir.resolve("sdmx/indicators.sdmx.csv")).size());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("0 rows of indicators (UNODC:DF_UNCTS_IND(1.0))"), out.toString(StandardCharsets.UTF_8));

        Path one = dir.resolve("ind.csv");
        assertEquals(ExitCodes.OK, Main.run("export", "--release", release.toString(), "--dataset", "indicators", "--out", one.toString()));
        assertEquals(String.join(",", SdmxDataflow.INDICATORS.header20()), Files.readAllLines(one).get(0));
    }

    @Test
    void wrongOptionsAreBadInput() throws Exception {
        Path release = Files.createDirectories(dir.resolve("release"));
        assertEquals(ExitCodes.BAD_INPUT, Main.run("export", "--release", release.toString(), "--dataset", "trends"));
        assertTrue(errText().contains("dataset 'trends' is not one of observations, indicators, all"), errText());

        assertEquals(ExitCodes.BAD_INPUT, Main.run("export", "--release", release.toString(), "--format", "xlsx"));
        assertTrue(errText().contains("the only format is sdmx-csv"), errText());

        assertEquals(ExitCodes.BAD_INPUT, Main.run("export", "--release", dir.resolve("nope").toString()));
        assertTrue(errText().contains("./cts run"), errText());

        Path file = Files.writeString(dir.resolve("taken.csv"), "x");
        assertEquals(ExitCodes.BAD_INPUT, Main.run("export", "--release", release.toString(), "--out", file.toString()));
        assertTrue(errText().contains("with --dataset all give a folder"), errText());

        assertEquals(ExitCodes.BAD_INPUT, Main.run("export", "--spec", dir.resolve("missing.yml").toString()));
    }
}
