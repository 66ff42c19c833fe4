package org.uncts.cts.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.exchange.SdmxColumn;
import org.uncts.cts.exchange.SdmxDataflow;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.model.ObsStatus;
import org.uncts.cts.model.Observation;
import org.uncts.cts.model.RawObservation;
import org.uncts.cts.model.Sex;
import org.uncts.cts.model.Unit;
import org.uncts.cts.reference.ReferenceData;
import org.uncts.cts.validate.ReferenceYears;
import org.uncts.cts.validate.RowOutcome;
import org.uncts.cts.validate.RowValidator;

/** SDMX-CSV 1.0 and 2.0 files of the observations dataflow read as returns (docs/input-formats.md, docs/sdmx.md). */
class SdmxCsvReaderTest {

    /** The sample cycle's countries (M49 and the extra areas) and crime codes. */
    private static final RowValidator VALIDATOR = new RowValidator(ReferenceData.load(
            List.of(Path.of("sample-data/reference/countries-m49.csv"), Path.of("sample-data/reference/areas-extra.csv")),
            List.of(), Path.of("sample-data/reference/iccs-codes.csv"), null), new ReferenceYears(2015, 2024), 1);
    private static final String HEADER_20 = String.join(",", SdmxDataflow.OBSERVATIONS.header20());
    private static final String OURS = "dataflow,UNODC:DF_UNCTS_OBS(1.0),";

    @TempDir
    Path dir;

    private List<RawObservation> read(Path file, ReturnLayout layout) {
        List<RawObservation> rows = new ArrayList<>();
        try (ReturnFileReader r = new ReturnFileReader(InputFile.inspect(file), file.getFileName().toString(), layout)) {
            assertEquals(ReturnLayout.SDMX_CSV, r.layout());
            for (RawObservation o; (o = r.next()) != null; ) {
                rows.add(o);
            }
        }
        return rows;
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<RowOutcome> validate(List<RawObservation> rows) {
        return rows.stream().map(VALIDATOR::validate).toList();
    }

    @Test
    void sdmxCsv10WithLabelsInHeaderAndValuesGivesTheExpectedObservations() throws Exception {
        Path file = Path.of(getClass().getResource("/sdmx/returns-sdmx-csv-1.0-labels.csv").toURI());
        List<RowOutcome> outcomes = validate(read(file, null));
        assertEquals(4, outcomes.size());
        outcomes.forEach(o -> assertNotNull(o.observation(), o.issues().toString()));

        Observation fra = outcomes.get(0).observation();
        assertEquals(List.of("FRA", "2020", "victims_intentional_homicide", "0101", "Total", "Total"),
                List.of(fra.countryIso3(), String.valueOf(fra.year()), fra.indicator(), fra.iccsCode(), fra.dimension(), fra.category()));
        assertEquals(Sex.TOTAL, fra.sex());
        assertEquals("_T", fra.age());
        assertEquals(Unit.COUNT, fra.unit());
        assertEquals(863.0, fra.value());
        assertEquals(ObsStatus.A, fra.status());
        assertNull(fra.note());
        assertEquals("Ministère de l'Intérieur", fra.source());
        assertEquals(2, fra.provenance().line());

        Observation rate = outcomes.get(1).observation();
        assertEquals("by mechanism", rate.dimension());
        assertEquals("Firearms or explosives", rate.category());
        assertEquals(Sex.MALE, rate.sex());
        assertEquals(Unit.RATE_PER_100K, rate.unit());
        assertEquals(1.2632928, rate.value());
        assertEquals(ObsStatus.E, rate.status());
        assertEquals("E", rate.flag(), "the status code as reported is the row's flag");

        Observation missing = outcomes.get(2).observation();
        assertEquals("GBR_E_W", missing.countryIso3());
        assertNull(missing.iccsCode());
        assertNull(missing.value());
        assertEquals(ObsStatus.M, missing.status(), "M (cannot exist) survives an empty OBS_VALUE");
        assertEquals("Not applicable: no such facility", missing.note(), "comments are free text, never cut at ': '");

        Observation plain = outcomes.get(3).observation();
        assertEquals("XKX", plain.countryIso3());
        assertEquals("0401", plain.iccsCode());
        assertEquals(Sex.FEMALE, plain.sex());
        assertEquals("Y18T19", plain.age());
        assertEquals(1500.0, plain.value(), "an exponent is tolerated on input");
        assertEquals(ObsStatus.P, plain.status());
        assertEquals("Note: provisional, police data \"only\"", plain.note());
        assertEquals("Kosovo Police; annual report", plain.source());
        assertEquals(5, plain.provenance().line());
    }

    @Test
    void sdmxCsv20IsRecognisedFromItsHeaderAndNamedSdmxCsvInSpecs() throws Exception {
        Path file = write("obs.csv", HEADER_20 + "\n" + OURS + "I,FRA,victims_intentional_homicide,0101,Total,Total,_T,_T,COUNT,A,2020,863,A,,\n");
        List<RawObservation> rows = read(file, null);
        assertEquals(1, rows.size());
        assertNull(rows.get(0).readProblem());
        assertEquals("A", rows.get(0).obsStatus());
        assertEquals(1, read(file, ReturnLayout.SDMX_CSV).size());

        assertEquals("sdmx-csv", ReturnLayout.SDMX_CSV.specName());
        assertEquals(ReturnLayout.SDMX_CSV, ReturnLayout.bySpecName("sdmx-csv").orElseThrow());
        assertEquals(ReturnLayout.SDMX_CSV, ReturnLayout.bySpecName(" SDMX_CSV ").orElseThrow());
        assertEquals(ReturnLayout.DATAUNODC, ReturnLayout.bySpecName("dataunodc").orElseThrow());
        assertTrue(ReturnLayout.bySpecName("xlsx").isEmpty());
    }

    @Test
    void everyComponentOfTheObservationsDataflowFeedsAFieldExceptFreq() {
        for (SdmxColumn c : SdmxDataflow.OBSERVATIONS.columns()) {
            ReturnLayout.Field field = ReturnLayout.SDMX_CSV.fieldOf(c.id() + ": a label");
            if (c.id().equals(SdmxDataflow.FREQ)) {
                assertNull(field);
            } else {
                assertNotNull(field, c.id());
            }
        }
    }

    @Test
    void deleteActionsForeignStructuresAndOtherFrequenciesAreRejectedWithFileLineAndField() throws Exception {
        String body = "FRA,victims_intentional_homicide,0101,Total,Total,_T,_T,COUNT,%s,2020,863,A,,\n";
        Path file = write("mixed.csv", HEADER_20 + "\n"
                + OURS + "I," + body.formatted("A")                                              // line 2: fine
                + OURS + "D," + body.formatted("A")                                              // 3: delete
                + "dataflow,ESTAT:NAMA_10_GDP(1.0),I," + body.formatted("A")                     // 4: another agency's
                + "dataflow,UNODC:DF_UNCTS_IND(1.0),I," + body.formatted("A")                    // 5: our indicators
                + OURS + "I," + body.formatted("M")                                              // 6: monthly
                + "provisionagreement,UNODC:PA_X(1.0),R," + body.formatted("A")                  // 7: not a dataflow
                + OURS + "X," + body.formatted("Q")                                              // 8: two problems
                + "datastructure,UNODC:DSD_UNCTS_OBS(1.0.0),R," + body.formatted(""));           // 9: fine (DSD, 3-part version, no FREQ)
        List<RawObservation> rows = read(file, ReturnLayout.SDMX_CSV);
        List<RowOutcome> outcomes = validate(rows);
        long accepted = outcomes.stream().filter(o -> o.observation() != null).count();
        long rejected = outcomes.stream().filter(o -> o.observation() == null).count();
        assertEquals(8, rows.size());
        assertEquals(rows.size(), accepted + rejected, "rows read = accepted + rejected");
        assertEquals(2, accepted);
        assertNotNull(outcomes.get(0).observation());
        assertNotNull(outcomes.get(7).observation());

        assertRejected(outcomes.get(1), "ACTION", "mixed.csv, line 3, field ACTION: 'D' (delete)");
        assertRejected(outcomes.get(2), "STRUCTURE_ID", "mixed.csv, line 4, field STRUCTURE_ID: 'ESTAT:NAMA_10_GDP(1.0)' is not the UN-CTS observations dataflow");
        assertRejected(outcomes.get(3), "STRUCTURE_ID", "mixed.csv, line 5, field STRUCTURE_ID: 'UNODC:DF_UNCTS_IND(1.0)' is the UN-CTS derived indicators dataflow");
        assertRejected(outcomes.get(4), "FREQ", "mixed.csv, line 6, field FREQ: 'M' is not annual");
        assertRejected(outcomes.get(5), "STRUCTURE", "mixed.csv, line 7, field STRUCTURE: 'provisionagreement'");
        assertRejected(outcomes.get(6), "ACTION", "mixed.csv, line 8, field ACTION: 'X' is not an SDMX-CSV action");
        assertRejected(outcomes.get(6), "ACTION", "mixed.csv, line 8, field FREQ: 'Q' is not annual");
        assertEquals(3, outcomes.get(1).raw().provenance().line());
        assertTrue(outcomes.get(1).raw().rawText().contains(",D,FRA,"), "the row is kept as it stood: " + outcomes.get(1).raw().rawText());
    }

    /**
     * Rejected as row-malformed with the message, and with the SDMX column at fault as the field, both
     * in the finding and in the rejected_rows record (a row with two problems names the first one's).
     */
    private static void assertRejected(RowOutcome o, String field, String expected) {
        assertNull(o.observation());
        assertEquals("row-malformed", o.firstError().ruleId());
        assertTrue(o.firstError().message().contains(expected), o.firstError().message());
        assertEquals(field, o.firstError().field());
        org.apache.avro.generic.GenericRecord rejected = StagingRecords.rejected(o, 1);
        assertEquals(field, String.valueOf(rejected.get("field")));
        assertEquals("row-malformed", String.valueOf(rejected.get("rule_id")));
        assertNull(rejected.get("source_cell"), "one observation per line: the line locates the row, no cell");
    }

    @Test
    void anSdmx10RowOfAnotherDataflowIsRejected() throws Exception {
        Path file = write("v1.csv", """
                DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE
                UNODC:DF_UNCTS_OBS(1.0),FRA,victims_intentional_homicide,2020,863
                IMF:IFS(1.0),FRA,victims_intentional_homicide,2021,870
                """);
        List<RowOutcome> outcomes = validate(read(file, null));
        assertNotNull(outcomes.get(0).observation(), outcomes.get(0).issues().toString());
        assertEquals(ObsStatus.A, outcomes.get(0).observation().status(), "no OBS_STATUS column: a normal value");
        assertRejected(outcomes.get(1), "DATAFLOW", "v1.csv, line 3, field DATAFLOW: 'IMF:IFS(1.0)' is not the UN-CTS observations dataflow");
    }

    @Test
    void aColumnOutsideTheDataflowStopsTheFileNamingFileLineAndColumn() throws Exception {
        Path indicators = write("ind.csv", String.join(",", SdmxDataflow.INDICATORS.header20()) + "\n");
        ReturnFormatException e = assertThrows(ReturnFormatException.class, () -> read(indicators, null));
        assertTrue(e.getMessage().startsWith("ind.csv, line 1, field FORMULA: 'FORMULA' is not a column of the UN-CTS observations dataflow"),
                e.getMessage());
        assertTrue(e.getMessage().contains("derived indicators"), e.getMessage());

        Path typo = write("typo.csv", "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATSU\n");
        e = assertThrows(ReturnFormatException.class, () -> read(typo, ReturnLayout.SDMX_CSV));
        assertTrue(e.getMessage().startsWith("typo.csv, line 1, field OBS_STATSU:"), e.getMessage());

        Path noValue = write("novalue.csv", "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD\n");
        e = assertThrows(ReturnFormatException.class, () -> read(noValue, null));
        assertTrue(e.getMessage().startsWith("novalue.csv, line 1, field OBS_VALUE: the SDMX-CSV header has no OBS_VALUE column"),
                e.getMessage());

        Path twice = write("twice.csv", "DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,REF_AREA: Reference area\n");
        e = assertThrows(ReturnFormatException.class, () -> read(twice, null));
        assertTrue(e.getMessage().contains("field REF_AREA: the column REF_AREA appears twice"), e.getMessage());
    }

    @Test
    void obsStatusCodesAreTakenAsSdmxCodesNotAsFlags() throws Exception {
        String rows = """
                2015,,A
                2016,,M
                2017,,K
                2018,,L
                2019,,Q
                2020,NaN,O
                2021,12,O
                2022,12,Z
                2023,12,e
                2024,12,Q
                2015,,E
                2016,7,
                """;
        StringBuilder text = new StringBuilder("DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n");
        int i = 0;
        for (String row : rows.lines().toList()) {
            text.append("UNODC:DF_UNCTS_OBS(1.0),").append(i++ < 10 ? "FRA" : "DEU").append(",victims_intentional_homicide,")
                    .append(row).append('\n');
        }
        Path file = write("status.csv", text.toString());
        List<RowOutcome> o = validate(read(file, null));
        assertEquals(12, o.size());
        assertMissing(o.get(0), ObsStatus.O, "A with no figure is a missing value, as a blank value is in a return");
        assertMissing(o.get(1), ObsStatus.M, "M: cannot exist");
        assertMissing(o.get(2), ObsStatus.K, "K: included elsewhere");
        assertMissing(o.get(3), ObsStatus.L, "L: exists but not collected");
        assertMissing(o.get(4), ObsStatus.Q, "Q: suppressed");
        assertMissing(o.get(5), ObsStatus.O, "NaN is SDMX's no-number");
        assertNull(o.get(6).observation(), "O with a figure contradicts itself");
        assertEquals("OBS_STATUS", o.get(6).firstError().field());
        assertTrue(o.get(6).firstError().message().startsWith("OBS_STATUS O (Missing value) says there is no figure, but OBS_VALUE is 12"),
                o.get(6).firstError().message());
        assertNull(o.get(7).observation(), "Z is no status code");
        assertEquals("flag-unknown", o.get(7).firstError().ruleId());
        assertTrue(o.get(7).firstError().message().contains("OBS_STATUS 'Z'"), o.get(7).firstError().message());
        assertEquals(ObsStatus.E, o.get(8).observation().status(), "codes are read case-insensitively");
        assertEquals(12.0, o.get(9).observation().value(), "Q may come with its figure, as a return's flag c does");
        assertEquals(ObsStatus.Q, o.get(9).observation().status());
        assertMissing(o.get(10), ObsStatus.O, "E with no figure is missing, as '..' with flag e is in a return");
        assertEquals(ObsStatus.A, o.get(11).observation().status(), "a blank OBS_STATUS is a normal value");
        assertEquals(7.0, o.get(11).observation().value());
    }

    private static void assertMissing(RowOutcome o, ObsStatus status, String why) {
        assertNotNull(o.observation(), why + ": " + o.issues());
        assertNull(o.observation().value(), why);
        assertEquals(status, o.observation().status(), why);
    }
}
