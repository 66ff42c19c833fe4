package org.uncts.cts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.uncts.cts.run.CtsApplication;
import org.uncts.cts.run.SurveyRunLauncher;
import org.uncts.cts.testing.ConsoleCapture;
import org.uncts.cts.testing.Duck;
import org.uncts.cts.testing.TestCycle;

/** cts validate: the survey run's checks on given files, findings on the console, the spec's output untouched. */
@SpringBootTest(classes = CtsApplication.class, properties = "spring.datasource.url=jdbc:h2:mem:validate-command-test;DB_CLOSE_DELAY=-1")
class ValidateCommandTest {

    private static final String HEADER = "country,year,indicator,iccs_code,dimension,category,sex,age,unit,value,flag,note\n";

    @Autowired
    SurveyRunLauncher launcher;

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err;
    private final ByteArrayOutputStream out = console.out;

    /** A spec whose own inputs (returns/*.csv) and output (out/) are not the files validated. */
    private Path spec() throws Exception {
        TestCycle.writeReference(dir);
        Files.createDirectories(dir.resolve("returns"));
        Files.writeString(dir.resolve("returns/spec-own.csv"), HEADER + "DEU,2020,offences_recorded,0101,Total,Total,Total,Total,Counts,5,,\n");
        return TestCycle.writeSpec(dir, "cycle", dir.resolve("out"));
    }

    private ValidateCommand command(Path spec, Path output, Path... files) {
        ValidateCommand c = new ValidateCommand();
        c.spec = spec;
        c.out = output;
        c.files = List.of(files);
        return c;
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCleanReturnPassesWithNoError() throws Exception {
        Path spec = spec();
        Path file = dir.resolve("submit/clean.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, HEADER
                + "FRA,2020,offences_recorded,0101,Total,Total,Total,Total,Counts,100,,\n"
                + "FRA,2021,offences_recorded,0101,Total,Total,Total,Total,Counts,104,,\n", StandardCharsets.UTF_8);
        Path validation = dir.resolve("validation");

        int code = command(spec, validation, file).call(launcher);

        assertEquals(ExitCodes.OK, code, stdout() + err);
        String text = stdout();
        assertTrue(text.startsWith("Validating 1 file(s) for Test cycle"), text);
        assertTrue(text.contains(file.toString()), text);
        assertFalse(text.contains("ERROR\n"), text);
        assertTrue(text.contains("0 ERROR"), text);
        assertTrue(text.contains(TestCycle.release(validation).resolve("reports/index.html").toString()), text);
        // the validated file's rows, not the spec's inputs, and nothing in the spec's output folder
        assertEquals(List.of(List.of("FRA", 2L)), Duck.rows("select country_iso3, count(*) from "
                + Duck.parquet(TestCycle.release(validation).resolve("observations/**/*.parquet")) + " group by all"));
        assertFalse(Files.exists(dir.resolve("out")), "the spec's output folder is untouched");
    }

    @Test
    void aFaultyReturnExits3NamingFileLineRuleAndValues() throws Exception {
        Path spec = spec();
        Path file = dir.resolve("submit/faulty.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, HEADER
                + "FRA,2020,offences_recorded,0101,Total,Total,Total,Total,Counts,100,,\n"
                + "FRA,2031,offences_recorded,0101,Total,Total,Total,Total,Counts,10,,\n"
                + "FRA,2020,offences_recorded,0401,Total,Total,Total,Total,Counts,-5,,\n"
                + "Germany,2020,offences_recorded,0101,Total,Total,Total,Total,Counts,7,,\n", StandardCharsets.UTF_8);

        int code = command(spec, dir.resolve("validation"), file).call(launcher);

        assertEquals(ExitCodes.ERRORS_FOUND, code, stdout() + err);
        String text = stdout();
        assertTrue(text.contains(file + " line 3  year-out-of-window  year 2031 (expected 2015-2024): Year 2031"), text);
        assertTrue(text.contains(file + " line 4  value-negative  value -5 (expected >= 0): Value -5 is negative"), text);
        assertTrue(text.contains(file + " line 5  country-by-name  country Germany"), text);
        // errors first, then infos
        assertTrue(text.indexOf("ERROR\n") < text.indexOf("value-negative") && text.indexOf("value-negative") < text.indexOf("INFO\n"), text);
        assertTrue(text.contains("2 ERROR, 0 WARNING, 1 INFO"), text);
        assertFalse(Files.exists(dir.resolve("out")), "the spec's output folder is untouched");
    }

    @Test
    void theSpecsOwnOutputFolderIsRefused() throws Exception {
        Path spec = spec();
        Path file = dir.resolve("returns/spec-own.csv");
        assertEquals(ExitCodes.BAD_INPUT, command(spec, dir.resolve("out"), file).call(launcher));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("validate never writes there"), err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aMissingFileExits2NamingIt() throws Exception {
        Path spec = spec();
        Path missing = dir.resolve("submit/nope.csv");
        assertEquals(ExitCodes.BAD_INPUT, Main.run("validate", "--spec", spec.toString(), "--out", dir.resolve("v").toString(),
                missing.toString()));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(missing + " does not exist"), text);
        assertFalse(Files.exists(dir.resolve("v")));
    }

    @Test
    void anUnreadableHeaderExits2() throws Exception {
        Path spec = spec();
        Path file = dir.resolve("submit/odd.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "foo,bar\n1,2\n");
        assertEquals(ExitCodes.BAD_INPUT, command(spec, dir.resolve("v"), file).call(launcher));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("odd.csv"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFindingOverSeveralLinesTakesASecondLine() {
        String nl = System.lineSeparator();
        assertEquals("  r.csv line 3  sum-sex  value 90 (expected 100) off by +10: Male + Female differ from Total." + nl
                        + "      lines: r.csv: 3, 4, 5",
                ValidateCommand.finding("sum-sex", "FRA", "FRA|x", "2020", null, "90", "100", 10.0,
                        "Male + Female differ from Total.", "r.csv", 3L, null, "r.csv: 3, 4, 5"));
        assertEquals("  FRA  year-on-year-change  years 2019-2020: A jump." + nl + "      series: FRA|x",
                ValidateCommand.finding("year-on-year-change", "FRA", "FRA|x", "2019-2020", null, null, null, null,
                        "A jump.", null, null, null, null));
    }

    @Test
    void aFindingInAWorkbookOrAWideLineNamesItsCell() {
        assertEquals("  r.xlsx line 6, cell Table1!D6  value-non-numeric  value abc: Value 'abc' is not a number.",
                ValidateCommand.finding("value-non-numeric", "PRT", "PRT|x", "2016", "value", "abc", null, null,
                        "Value 'abc' is not a number.", "r.xlsx", 6L, "Table1!D6", "r.xlsx: 6"));
        assertEquals("  w.csv line 2, column 2019  value-dash-nil  value -: Value '-' was read as nil (0).",
                ValidateCommand.finding("value-dash-nil", "AUT", "AUT|x", "2019", "value", "-", null, null,
                        "Value '-' was read as nil (0).", "w.csv", 2L, "2019", "w.csv: 2"));
    }

    @Test
    void displayNamesAreRelativeToTheCurrentFolder() {
        Path cwd = Path.of("/work/project");
        assertEquals("returns/x.csv", ValidateCommand.displayName(Path.of("/work/project/returns/./x.csv"), cwd));
        assertEquals("../other/x.csv", ValidateCommand.displayName(Path.of("../other/x.csv"), Path.of("").toAbsolutePath()));
        assertEquals("/elsewhere/x.csv", ValidateCommand.displayName(Path.of("/elsewhere/x.csv"), cwd));
    }
}
