package org.uncts.cts.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.ingest.ReturnFileReader;
import org.uncts.cts.ingest.ReturnLayout;
import org.uncts.cts.model.ObsStatus;
import org.uncts.cts.model.Observation;
import org.uncts.cts.model.RawObservation;
import org.uncts.cts.reference.ReferenceData;
import org.uncts.cts.validate.ReferenceYears;
import org.uncts.cts.validate.RowOutcome;
import org.uncts.cts.validate.RowValidator;

/** The SDMX-CSV 2.0 files of observations and indicators, cell by cell, from small hand-made datasets. */
class SdmxCsvExportTest {

    static final String OBSERVATIONS_HEADER = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,ICCS,BREAKDOWN,CATEGORY,SEX,AGE,"
            + "UNIT_MEASURE,FREQ,TIME_PERIOD,OBS_VALUE,OBS_STATUS,COMMENT_OBS,SOURCE_DETAIL";
    static final String INDICATORS_HEADER = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,FORMULA,ICCS,BREAKDOWN,CATEGORY,"
            + "SEX,AGE,UNIT_MEASURE,FREQ,TIME_PERIOD,OBS_VALUE,OBS_STATUS,COMMENT_OBS,NUMERATOR,DENOMINATOR,NUMERATOR_SOURCE,"
            + "DENOMINATOR_SOURCE";
    static final String AWKWARD_NOTE = "police data only, \"provisional\"\nsecond line: see annex";

    @TempDir
    Path dir;

    Connection duck;

    @BeforeEach
    void datasets() throws Exception {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            // only the columns the export reads, in a shuffled order: it selects by name
            st.execute("""
                    CREATE TABLE observations (year INTEGER, country_iso3 VARCHAR, indicator VARCHAR, iccs_code VARCHAR,
                        dimension VARCHAR, category VARCHAR, sex VARCHAR, age VARCHAR, unit VARCHAR, value DOUBLE,
                        obs_status VARCHAR, note VARCHAR, source VARCHAR, flag VARCHAR)""");
            st.execute("""
                    INSERT INTO observations VALUES
                      (2021, 'FRA', 'victims_intentional_homicide', '0101', 'Total', 'Total', '_T', '_T', 'RATE_PER_100K', 1.2632928, 'E', NULL, NULL, 'e'),
                      (2020, 'FRA', 'victims_intentional_homicide', '0101', 'Total', 'Total', '_T', '_T', 'COUNT', 1234, 'A', NULL, 'Ministère', NULL),
                      (2022, 'GBR_E_W', 'persons_held', NULL, 'Total', 'Total', 'M', '_T', 'COUNT', NULL, 'M', 'no such facility', NULL, 'a'),
                      (2019, 'XKX', 'offences_recorded', '0401', 'Total', 'Total', 'F', 'Y18T19', 'RATE_PER_100K', 0.00001, 'U', ?, NULL, 'u')"""
                    .replace("?", "'" + AWKWARD_NOTE.replace("'", "''") + "'"));
            st.execute("""
                    CREATE TABLE indicators (formula_id VARCHAR, country_iso3 VARCHAR, year INTEGER, base_indicator VARCHAR,
                        iccs_code VARCHAR, dimension VARCHAR, category VARCHAR, sex VARCHAR, age VARCHAR, value DOUBLE, unit VARCHAR,
                        numerator DOUBLE, denominator DOUBLE, numerator_series VARCHAR, denominator_source VARCHAR,
                        obs_status VARCHAR, note VARCHAR)""");
            st.execute("""
                    INSERT INTO indicators VALUES
                      ('sdg_16_1_1', 'FRA', 2020, 'victims_intentional_homicide', '0101', 'Total', 'Total', '_T', '_T',
                       1.8255, 'per 100,000 population', 1234, 67600000, 'FRA|victims_intentional_homicide|0101|Total|Total|_T|_T|COUNT',
                       'population.csv (WPP 2024)', 'A', NULL),
                      ('share_of_total', 'FRA', 2020, 'victims_intentional_homicide', '0101', 'by sex', 'Female', 'F', '_T',
                       NULL, 'percent', NULL, 1234, 'FRA|victims_intentional_homicide|0101|Total|Total|F|_T|COUNT',
                       'FRA|victims_intentional_homicide|0101|Total|Total|_T|_T|COUNT', 'O', 'count not available (status O)')""");
        }
    }

    @AfterEach
    void close() throws Exception {
        duck.close();
    }

    private static List<CSVRecord> records(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.parse(r).getRecords();
        }
    }

    @Test
    void observationsFileHasTheExactHeaderAndOneSortedRowPerObservation() throws Exception {
        Path file = dir.resolve("obs.csv");
        SdmxCsvExport.Written w = SdmxCsvExport.write(duck, SdmxDataflow.OBSERVATIONS, file);
        assertEquals(4, w.rows());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(OBSERVATIONS_HEADER + "\r\n"), text);
        assertEquals(OBSERVATIONS_HEADER, String.join(",", SdmxDataflow.OBSERVATIONS.header20()));

        List<CSVRecord> rows = records(file);
        assertEquals(5, rows.size());
        assertEquals(List.of("dataflow", "UNODC:DF_UNCTS_OBS(1.0)", "I", "FRA", "victims_intentional_homicide", "0101", "Total", "Total",
                "_T", "_T", "COUNT", "A", "2020", "1234", "A", "", "Ministère"), rows.get(1).toList());
        assertEquals(List.of("FRA", "RATE_PER_100K", "2021", "1.2632928", "E"),
                List.of(rows.get(2).get(3), rows.get(2).get(10), rows.get(2).get(12), rows.get(2).get(13),
                        rows.get(2).get(14)));
    }

    @Test
    void aNullValueIsAnEmptyObsValueWithItsStatusAndAnAwkwardNoteSurvives() throws Exception {
        Path file = dir.resolve("obs.csv");
        SdmxCsvExport.write(duck, SdmxDataflow.OBSERVATIONS, file);
        List<CSVRecord> rows = records(file);
        CSVRecord missing = rows.get(3);
        assertEquals("GBR_E_W", missing.get(3));
        assertEquals("", missing.get(5), "no ICCS code: an empty cell");
        assertEquals("", missing.get(13), "null value: empty OBS_VALUE");
        assertEquals("M", missing.get(14), "with its status");
        assertEquals("no such facility", missing.get(15));

        CSVRecord xkx = rows.get(4);
        assertEquals("0.00001", xkx.get(13), "no exponent");
        assertEquals(AWKWARD_NOTE, xkx.get(15), "comma, quotes and a line break survive the CSV quoting");

        // and read back as a return: the same observations, status and note included
        RowValidator validator = new RowValidator(ReferenceData.load(
                List.of(Path.of("sample-data/reference/countries-m49.csv"), Path.of("sample-data/reference/areas-extra.csv")),
                List.of(), Path.of("sample-data/reference/iccs-codes.csv"), null), new ReferenceYears(2015, 2024), 1);
        try (ReturnFileReader reader = new ReturnFileReader(InputFile.inspect(file), "obs.csv", null)) {
            assertEquals(ReturnLayout.SDMX_CSV, reader.layout());
            List<Observation> back = new java.util.ArrayList<>();
            for (RawObservation raw; (raw = reader.next()) != null; ) {
                RowOutcome o = validator.validate(raw);
                assertNotNull(o.observation(), o.issues().toString());
                back.add(o.observation());
            }
            assertEquals(4, back.size());
            assertEquals(1234.0, back.get(0).value());
            assertEquals(1.2632928, back.get(1).value());
            assertNull(back.get(2).value());
            assertEquals(ObsStatus.M, back.get(2).status());
            assertEquals(1.0e-5, back.get(3).value());
            assertEquals(ObsStatus.U, back.get(3).status());
            assertEquals(AWKWARD_NOTE, back.get(3).note());
            assertEquals(5, back.get(3).provenance().line(), "physical line of the record's start");
        }
    }

    @Test
    void indicatorsFileHasFormulaAfterIndicatorUnitCodesAndTheNumeratorAndDenominator() throws Exception {
        Path file = dir.resolve("ind.csv");
        assertEquals(2, SdmxCsvExport.write(duck, SdmxDataflow.INDICATORS, file).rows());
        List<CSVRecord> rows = records(file);
        assertEquals(INDICATORS_HEADER, String.join(",", rows.get(0).toList()));
        assertEquals(List.of("dataflow", "UNODC:DF_UNCTS_IND(1.0)", "I", "FRA", "victims_intentional_homicide", "sdg_16_1_1", "0101",
                "Total", "Total", "_T", "_T", "RATE_PER_100K", "A", "2020", "1.8255", "A", "", "1234", "67600000",
                "FRA|victims_intentional_homicide|0101|Total|Total|_T|_T|COUNT", "population.csv (WPP 2024)"), rows.get(1).toList());
        CSVRecord share = rows.get(2);
        assertEquals("share_of_total", share.get(5));
        assertEquals("PERCENT", share.get(11));
        assertEquals("", share.get(14));
        assertEquals("O", share.get(15));
        assertEquals("count not available (status O)", share.get(16));
        assertEquals("", share.get(17), "no numerator");
    }

    @Test
    void writeAllWritesBothFilesAndLeavesTheConnectionsStreamingSettingAsItWas() throws Exception {
        try (Statement st = duck.createStatement()) {
            st.execute("SET jdbc_stream_results = false");
        }
        List<SdmxCsvExport.Written> written = SdmxCsvExport.writeAll(duck, dir.resolve("sdmx"));
        assertEquals(List.of(SdmxDataflow.OBSERVATIONS, SdmxDataflow.INDICATORS), written.stream().map(SdmxCsvExport.Written::dataflow).toList());
        assertEquals(List.of(4L, 2L), written.stream().map(SdmxCsvExport.Written::rows).toList());
        assertEquals(dir.resolve("sdmx/observations.sdmx.csv"), written.get(0).file());
        assertTrue(Files.isRegularFile(dir.resolve("sdmx/indicators.sdmx.csv")));
        try (Statement st = duck.createStatement(); java.util.stream.Stream<Path> files = Files.list(dir.resolve("sdmx"))) {
            assertEquals(2, files.count(), "no temporary file left behind");
            ResultSet rs = st.executeQuery("SELECT value FROM duckdb_settings() WHERE name = 'jdbc_stream_results'");
            rs.next();
            assertFalse(Boolean.parseBoolean(rs.getString(1)));
        }
    }

    @Test
    void writeAllFailsWhenEitherDatasetCannotBeReadAndLeavesNoPartialFile() throws Exception {
        for (SdmxDataflow failing : SdmxDataflow.values()) {
            SdmxDataflow other = failing == SdmxDataflow.OBSERVATIONS ? SdmxDataflow.INDICATORS : SdmxDataflow.OBSERVATIONS;
            try (Statement st = duck.createStatement()) {
                st.execute("ALTER TABLE " + failing.dataset() + " RENAME TO hidden");
                Path folder = dir.resolve("failed-" + failing.dataset());
                IOException e = assertThrows(IOException.class, () -> SdmxCsvExport.writeAll(duck, folder));
                assertTrue(e.getMessage().contains("Cannot export " + failing.dataset()), e.getMessage());
                try (Stream<Path> files = Files.list(folder)) {
                    assertEquals(List.of(folder.resolve(other.fileName())), files.toList(),
                            "the other file is whole; of the failed one, no file and no temporary file");
                }
                st.execute("ALTER TABLE hidden RENAME TO " + failing.dataset());
            }
        }
    }

    @Test
    void numbersArePlainDecimalsThatReadBackExactly() {
        assertEquals("1234", SdmxNumbers.plain(1234.0));
        assertEquals("1200", SdmxNumbers.plain(1200.0));
        assertEquals("0", SdmxNumbers.plain(0.0));
        assertEquals("0", SdmxNumbers.plain(-0.0));
        assertEquals("1.2632928", SdmxNumbers.plain(1.2632928));
        assertEquals("69.52789699570816", SdmxNumbers.plain(69.52789699570816));
        assertEquals("0.00001", SdmxNumbers.plain(1.0e-5));
        assertEquals("12345678901234", SdmxNumbers.plain(12345678901234.0));
        assertEquals("", SdmxNumbers.plain(null));
        for (double v : new double[] {0.1, 1.0 / 3, 2.0 / 3 * 100, 185422.5, 1e-9, 123456789.123, 6.02e23}) {
            String s = SdmxNumbers.plain(v);
            assertFalse(s.contains("E") || s.contains("e"), s);
            assertEquals(v, Double.parseDouble(s), s);
        }
        assertEquals("RATE_PER_100K", SdmxNumbers.unitCode("per 100,000 population"));
        assertEquals("PER_100", SdmxNumbers.unitCode("per 100"));
        assertEquals("PERCENT", SdmxNumbers.unitCode("percent"));
        assertEquals("PER_1_000_POPULATION", SdmxNumbers.unitCode("per 1,000 population"));
    }
}
