package org.uncts.cts.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.uncts.cts.testing.Duck;
import org.uncts.cts.testing.TestCycle;

/** jobs/locale-example.yml runs: a wide return with a detected decimal comma and a ';' return with a declared one. */
@SpringBootTest(classes = CtsApplication.class, properties = "spring.datasource.url=jdbc:h2:mem:locale-example-test;DB_CLOSE_DELAY=-1")
class LocaleExampleTest {

    static final Path SAMPLE = Path.of("sample-data").toAbsolutePath();

    @Autowired
    SurveyRunLauncher launcher;

    @TempDir
    Path dir;

    @Test
    void theLocaleExampleRunsAndReadsEveryNumberAsDeclaredOrDetected() throws Exception {
        String spec = Files.readString(Path.of("jobs/locale-example.yml"))
                .replace("../sample-data", SAMPLE.toString())
                .replace("output: ../out/locale-example", "output: " + dir.resolve("out"));
        Files.createDirectories(dir.resolve("jobs"));
        Path specFile = dir.resolve("jobs/locale-example.yml");
        Files.writeString(specFile, spec);
        RunOutcome run = launcher.launch(specFile);
        assertEquals(BatchStatus.COMPLETED, run.status(), String.valueOf(run.reason()));
        Path out = dir.resolve("out");

        List<List<Object>> perFile = Duck.rows("select f.format, f.rows_read, f.rows_accepted, f.rows_rejected from "
                + "(select unnest(input_files) as f from " + Duck.parquet(out.resolve("runs/*.parquet")) + ") order by f.file");
        // the wide file: 29 filled year cells (blank cells are no observation); the ';' file: 8 rows
        assertEquals(List.of(List.of("wide", 29L, 29L, 0L), List.of("canonical", 8L, 8L, 0L)), perFile);

        String obs = Duck.parquet(TestCycle.release(out).resolve("observations/**/*.parquet"));
        assertEquals(List.of(List.of(1801.0, 7L)), Duck.rows("select value, source_line from " + obs
                + " where country_iso3 = 'AUT' and indicator = 'offences_recorded' and year = 2021"),
                "1.801 after the rates 0,83 settled the decimal comma");
        assertEquals(List.of(List.of(0.83)), Duck.rows("select value from " + obs
                + " where country_iso3 = 'AUT' and unit = 'RATE_PER_100K' and year = 2018"));
        assertEquals("[[2020, 6316.0], [2021, 6310.0]]", Duck.rows("select year, value from " + obs
                + " where country_iso3 = 'CHE' and indicator = 'persons_held' and year >= 2020 order by year").toString(),
                "6.316 under the declared decimal comma; 6 310 with a narrow no-break space");
    }
}
