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
import org.uncts.cts.testing.ConsoleCapture;

/** What a statistician sees when the command line or the spec is wrong: one line and a distinct exit code. */
class CliTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err;
    private final ByteArrayOutputStream out = console.out;

    @Test
    void aMissingSpecIsBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, Main.run("run", dir.resolve("nope.yml").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("nope.yml does not exist"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSpecWithAnUnknownKeyIsBadInputAndNamesTheKey() throws Exception {
        Path spec = dir.resolve("bad.yml");
        Files.writeString(spec, "name: x\ncycle: y\nreference_years: {from: 2015, to: 2024}\ninputs: []\n"
                + "reference: {countries: []}\nouput: out\n");
        assertEquals(ExitCodes.BAD_INPUT, Main.run("run", spec.toString()));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("line 6") && text.contains("unknown key 'ouput'"), text);
    }

    @Test
    void sqlWithoutACatalogSaysToRunFirst() {
        assertEquals(ExitCodes.FAILED, Main.run("sql", "--catalog", dir.resolve("catalog.duckdb").toString(), "select 1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("./cts run"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rulesPrintsTheCatalogueAndTheGeneratedDocument() {
        assertEquals(ExitCodes.OK, Main.run("rules"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("year-on-year-change"), out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(ExitCodes.OK, Main.run("rules", "--markdown"));
        assertEquals(org.uncts.cts.validate.catalogue.RulesDocument.markdown(
                org.uncts.cts.validate.catalogue.RuleCatalogue.builtIn()), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rulesOfASpecWithABadOverrideIsBadInput() throws Exception {
        Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(dir.resolve("countries.csv"), "x");
        Path spec = dir.resolve("jobs/v.yml");
        Files.writeString(spec, "name: x\ncycle: y\nreference_years: {from: 2015, to: 2024}\ninputs: []\n"
                + "reference: {countries: [../countries.csv]}\nvalidation:\n  overrides:\n    - id: sum-sex\n      severity: LOUD\n");
        assertEquals(ExitCodes.BAD_INPUT, Main.run("rules", "--spec", spec.toString()));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("line 9: rule 'sum-sex', field 'severity': unknown severity 'LOUD'"), text);
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertEquals(2, Main.run("sql", "--format", "xml", "select 1"));
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, Main.run("--help"));
        String text = out.toString(StandardCharsets.UTF_8);
        for (String command : new String[] {"run", "validate", "sql", "runs", "rules", "bench"}) {
            assertTrue(text.contains("  " + command + " "), text);
        }
    }
}
