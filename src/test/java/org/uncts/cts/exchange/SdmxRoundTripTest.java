package org.uncts.cts.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.uncts.cts.publish.ReleaseData;
import org.uncts.cts.publish.Releases;
import org.uncts.cts.run.CtsApplication;
import org.uncts.cts.run.RunOutcome;
import org.uncts.cts.run.SurveyRunLauncher;
import org.uncts.cts.testing.Duck;

/**
 * Export then import gives back the same observations: the sample cycle's observations written as
 * SDMX-CSV 2.0 and read by a survey run whose only input is that file (format sdmx-csv, the
 * sample's reference data) are the same multiset, missing values and their statuses included.
 */
@SpringBootTest(classes = CtsApplication.class, properties = "spring.datasource.url=jdbc:h2:mem:sdmx-round-trip-test;DB_CLOSE_DELAY=-1")
class SdmxRoundTripTest {

    static final Path SAMPLE = Path.of("sample-data").toAbsolutePath();
    /** What an observation is, leaving out where it was read from (file, line, run) and the flag as typed. */
    static final String COLUMNS = "country_iso3, year, indicator, iccs_code, dimension, category, sex, age, unit, value, obs_status, note, source";

    @Autowired
    SurveyRunLauncher launcher;

    @TempDir
    Path dir;

    private Path spec(String name, String yaml) throws Exception {
        Files.createDirectories(dir.resolve("jobs"));
        return Files.writeString(dir.resolve("jobs/" + name + ".yml"), yaml);
    }

    private static String observations(Path release) {
        return "(SELECT " + COLUMNS + " FROM " + Duck.parquet(release.resolve("observations/**/*.parquet")) + ")";
    }

    @Test
    void exportedObservationsReadBackAsTheSameObservations() throws Exception {
        String sample = Files.readString(Path.of("jobs/sample-cycle.yml")).replace("../sample-data", SAMPLE.toString());
        Path out1 = dir.resolve("out1");
        RunOutcome first = launcher.launch(spec("sample-cycle", sample.replace("output: ../out/sample-cycle", "output: " + out1)));
        assertTrue(first.completed(), String.valueOf(first.reason()));
        Path release1 = Releases.current(out1);

        Path file = dir.resolve("exchange/observations.sdmx.csv");
        SdmxCsvExport.Written written;
        try (Connection c = ReleaseData.open(release1)) {
            written = SdmxCsvExport.write(c, SdmxDataflow.OBSERVATIONS, file);
            // the files are those of the first, row-by-row implementation, byte for byte; also those the run published
            for (SdmxDataflow flow : SdmxDataflow.values()) {
                SdmxCsvIdentityTest.assertSameBytes(c, flow);
                assertArrayEquals(SdmxCsvReference.bytes(c, flow), Files.readAllBytes(release1.resolve("publication/sdmx/" + flow.fileName())),
                        flow + " as the publication step wrote it");
            }
        }
        long published = Duck.count("SELECT count(*) FROM " + observations(release1));
        assertEquals(published, written.rows());
        assertTrue(Duck.count("SELECT count(*) FROM " + observations(release1) + " WHERE value IS NULL") > 0,
                "the sample has missing values, so their statuses are put to the test");

        // the same spec (reference data, years, rules, previous vintage) with the SDMX file as its only input
        String inputs = "inputs:\n  - path: " + file + "\n    format: sdmx-csv\n\nreference:";
        Path out2 = dir.resolve("out2");
        String roundTrip = sample.replace("name: sample-cycle", "name: sdmx-round-trip")
                .replaceFirst("(?s)\ninputs:.*?\nreference:", Matcher.quoteReplacement("\n" + inputs))
                .replace("output: ../out/sample-cycle", "output: " + out2);
        RunOutcome second = launcher.launch(spec("sdmx-round-trip", roundTrip));
        assertTrue(second.completed(), String.valueOf(second.reason()));
        Path release2 = Releases.current(out2);

        List<List<Object>> files = Duck.rows("SELECT f.format, f.rows_read, f.rows_accepted, f.rows_rejected FROM (SELECT unnest(input_files) AS f FROM "
                + Duck.parquet(out2.resolve("runs/*.parquet")) + ")");
        assertEquals(1, files.size(), files.toString());
        assertEquals(List.of("sdmx-csv", written.rows(), written.rows(), 0L), files.get(0), "rows read = accepted + rejected, none rejected");
        assertEquals(0, Duck.count("SELECT count(*) FROM " + Duck.parquet(release2.resolve("rejected_rows/*.parquet"))));

        String a = observations(release1);
        String b = observations(release2);
        assertEquals(0, Duck.count("SELECT count(*) FROM (" + a + " EXCEPT ALL " + b + ")"), "published but not read back");
        assertEquals(0, Duck.count("SELECT count(*) FROM (" + b + " EXCEPT ALL " + a + ")"), "read back but never published");
        assertEquals(published, Duck.count("SELECT count(*) FROM " + b));

        // exporting the second run gives the same bytes: nothing drifts on a second trip either,
        // and the indicators computed from the observations read back are those of the sample
        Path again = dir.resolve("exchange/again");
        Path indicators1 = dir.resolve("exchange/indicators-1.sdmx.csv");
        try (Connection c1 = ReleaseData.open(release1); Connection c2 = ReleaseData.open(release2)) {
            SdmxCsvExport.writeAll(c2, again);
            SdmxCsvExport.write(c1, SdmxDataflow.INDICATORS, indicators1);
        }
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again.resolve("observations.sdmx.csv")));
        assertArrayEquals(Files.readAllBytes(indicators1), Files.readAllBytes(again.resolve("indicators.sdmx.csv")));
    }
}
