package org.uncts.cts.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.uncts.cts.testing.Duck;
import org.uncts.cts.testing.TestCycle;

/** A file of bad rows: each is rejected with the right rule and line, and rows in = accepted + rejected. */
@SpringBootTest(classes = CtsApplication.class, properties = {
    "cts.ingest.chunk-size=4",
    "spring.datasource.url=jdbc:h2:mem:bad-rows-test;DB_CLOSE_DELAY=-1"})
class BadRowsRunTest {

    @Autowired
    SurveyRunLauncher launcher;

    @TempDir
    Path dir;

    @Test
    void everyBadRowIsRejectedWithItsRuleAndLine() throws Exception {
        TestCycle.writeReference(dir);
        String csv = """
                country,year,indicator,iccs_code,dimension,category,sex,age,unit,value,flag,note
                FRA,2020,offences_recorded,0101,Total,Total,Total,Total,Counts,100,,
                FRA,2020,offences_recorded,0401,Total,Total,Total,Total,Counts,-5,,
                XYZ,2020,offences_recorded,0101,Total,Total,Total,Total,Counts,10,,
                FRA,2031,offences_recorded,0101,Total,Total,Total,Total,Counts,10,,
                FRA,2019,offences_recorded,0101,Total,Total,Total,Total,Counts,approx 40,,
                FRA,2018,offences_recorded,0101,Total,Total,Total,Total,Counts,12.5,,
                FRA,2017,offences_recorded,0999,Total,Total,Total,Total,Counts,12,,
                FRA,2017,offences_recorded,0101,Total,Total,Total,Total,Counts,12,zz,
                FRA,2016,offences_made_up,0101,Total,Total,Total,Total,Counts,12,,
                DEU,2020,offences_recorded,0101,Total,Total,Total,Total,Counts,70,,
                DEU,2020,offences_recorded,0101,Total,Total,Total,Total,Counts,75,,
                KEN,2020,offences_recorded,0101,Total,Total,Total,Total,Counts,30,,
                KEN,2020,offences_recorded,0101,Total,Total,Total,Total,Counts,30,,
                Germany,2021,offences_recorded,101,Total,Total,Total,Total,Counts,"1,234",e,
                JPN,2021,offences_recorded,0101,Total,Total,Total,Total,Counts,..,,
                JPN,2022,offences_recorded,0101,Total,Total,Total,Total,Counts,-,,
                JPN,2023,offences_recorded,0101,Total,Total,Sexless,Total,Counts,3,,
                JPN,2024
                BRA,2020,offences_recorded,0101,Total,Total,Total,Total,Counts,12.5,e,
                """;
        Files.createDirectories(dir.resolve("returns"));
        Files.writeString(dir.resolve("returns/bad.csv"), csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        RunOutcome run = launcher.launch(TestCycle.writeSpec(dir, "bad", out));
        assertEquals(BatchStatus.COMPLETED, run.status(), String.valueOf(run.reason()));

        String rejected = Duck.parquet(TestCycle.release(out).resolve("rejected_rows/*.parquet"));
        String observations = Duck.parquet(TestCycle.release(out).resolve("observations/**/*.parquet"));
        List<List<Object>> rows = Duck.rows("select source_line, rule_id from " + rejected + " order by source_line, rule_id");
        List<String> got = rows.stream().map(r -> r.get(0) + ":" + r.get(1)).toList();
        assertEquals(List.of("3:value-negative", "4:country-unknown", "5:year-out-of-window", "6:value-non-numeric",
                "7:value-fractional-count", "8:iccs-unknown", "9:flag-unknown", "10:indicator-unknown",
                "11:duplicate-conflict", "12:duplicate-conflict", "14:duplicate-repeat", "18:sex-unknown",
                "19:row-malformed"), got);

        long read = 19;
        long accepted = Duck.count("select count(*) from " + observations);
        assertEquals(read, accepted + rows.size(), "rows in = accepted + rejected");
        assertEquals(6, accepted);
        assertEquals(List.of(List.of(read, accepted, (long) rows.size())),
                Duck.rows("select rows_read, rows_accepted, rows_rejected from " + Duck.parquet(out.resolve("runs/*.parquet"))));

        // accepted messes, normalized
        assertEquals(List.of(List.of("DEU", "0101", 1234.0, "E")), Duck.rows("select country_iso3, iccs_code, value, obs_status from "
                + observations + " where source_line = 15"));
        assertEquals(List.of(Arrays.asList(null, "O")), Duck.rows("select value, obs_status from " + observations + " where source_line = 16"));
        assertEquals(List.of(List.of(0.0, "A")), Duck.rows("select value, obs_status from " + observations + " where source_line = 17"));
        String issues = Duck.parquet(TestCycle.release(out).resolve("validation_issues/*.parquet"));
        List<String> info = Duck.rows("select source_line || ':' || rule_id || ':' || severity from " + issues
                + " where severity <> 'ERROR' order by source_line, rule_id").stream().map(r -> (String) r.get(0)).toList();
        assertEquals(List.of("15:country-by-name:INFO", "15:iccs-leading-zero:INFO", "17:value-dash-nil:INFO",
                "20:value-fractional-count:WARNING"), info);
        String msg = (String) Duck.rows("select message from " + rejected + " where source_line = 11").get(0).get(0);
        assertTrue(msg.startsWith("Series DEU|offences_recorded|0101|") && msg.contains("returns/bad.csv line 11: 70.0; returns/bad.csv line 12: 75.0"), msg);
    }

    @Test
    void aRunThatAcceptsNothingStillHasEveryView() throws Exception {
        TestCycle.writeReference(dir);
        Files.createDirectories(dir.resolve("returns"));
        Files.writeString(dir.resolve("returns/all-bad.csv"), "country,year,indicator,value\nXYZ,2020,persons_held,1\n");
        Path out = dir.resolve("out");
        RunOutcome run = launcher.launch(TestCycle.writeSpec(dir, "all-bad", out));
        assertEquals(BatchStatus.COMPLETED, run.status(), String.valueOf(run.reason()));
        java.util.Properties ro = new java.util.Properties();
        ro.setProperty("duckdb.read_only", "true");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + out.resolve("catalog.duckdb"), ro);
             var st = c.createStatement()) {
            for (String view : List.of("observations", "rejected_rows", "validation_issues", "countries", "runs")) {
                try (var rs = st.executeQuery("select count(*) from " + view)) {
                    rs.next();
                    assertEquals(view.equals("observations") ? 0 : view.equals("countries") ? 11 : 1, rs.getLong(1), view);
                }
            }
        }
    }
}
