package org.uncts.cts.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.uncts.cts.exchange.SdmxDataflow;
import org.uncts.cts.testing.Duck;
import org.uncts.cts.testing.TestCycle;

/**
 * Rejected rows and findings are located down to the cell where a line holds several observations
 * (source_cell: an Excel cell, a wide CSV's year column), and name the field of every read problem
 * (SDMX-CSV control columns, Excel value and year cells), through the whole job: rejected_rows and
 * validation_issues in the catalog, the feedback report and its CSV.
 */
@SpringBootTest(classes = CtsApplication.class, properties = {
    "cts.ingest.chunk-size=3",
    "spring.datasource.url=jdbc:h2:mem:cell-location-test;DB_CLOSE_DELAY=-1"})
class CellLocationRunTest {

    static final Path HOSTILE = Path.of("src/test/resources/hostile").toAbsolutePath();
    static final Path SAMPLE = Path.of("sample-data").toAbsolutePath();

    @Autowired
    SurveyRunLauncher launcher;

    @TempDir
    Path dir;

    @Test
    void rejectedRowsAndFindingsNameTheirCellAndField() throws Exception {
        Files.createDirectories(dir.resolve("returns"));
        Files.copy(HOSTILE.resolve("xlsx-date-cells.xlsx"), dir.resolve("returns/xlsx-date-cells.xlsx"));
        Files.copy(HOSTILE.resolve("xlsx-formula-no-cache.xlsx"), dir.resolve("returns/xlsx-formula-no-cache.xlsx"));
        Files.copy(HOSTILE.resolve("wide-ambiguous.csv"), dir.resolve("returns/wide-ambiguous.csv"));
        String template = Files.readString(HOSTILE.resolve("xlsx-small.yml"));
        Files.writeString(dir.resolve("returns/fra.yml"), template);
        // the formula workbook as Germany's, so that the two workbooks hold no duplicate figures
        Files.writeString(dir.resolve("returns/deu.yml"), template.replace("code: FRA", "code: DEU"));
        String body = "FRA,victims_intentional_homicide,0101,Total,Total,_T,_T,COUNT,%s,%d,63,A,,\n";
        Files.writeString(dir.resolve("returns/sdmx.csv"), String.join(",", SdmxDataflow.OBSERVATIONS.header20()) + "\n"
                + "dataflow,UNODC:DF_UNCTS_OBS(1.0),I," + body.formatted("A", 2019)        // 2: fine
                + "dataflow,UNODC:DF_UNCTS_OBS(1.0),D," + body.formatted("A", 2020)        // 3: delete
                + "dataflow,ESTAT:NAMA_10_GDP(1.0),I," + body.formatted("A", 2021)         // 4: another dataflow
                + "dataflow,UNODC:DF_UNCTS_OBS(1.0),I," + body.formatted("M", 2022));      // 5: monthly
        Files.writeString(dir.resolve("returns/ken.csv"), """
                country,year,indicator,iccs_code,dimension,category,sex,age,unit,value,flag,note
                KEN,2020,victims_intentional_homicide,0101,Total,Total,Total,Total,Counts,30,,
                KEN,2021,victims_intentional_homicide,0101,Total,Total,Total,Total,Counts,-4,,
                """);
        Path out = run("""
                  - path: ../returns/xlsx-date-cells.xlsx
                    format: xlsx
                    template: ../returns/fra.yml
                  - path: ../returns/xlsx-formula-no-cache.xlsx
                    format: xlsx
                    template: ../returns/deu.yml
                  - path: ../returns/wide-ambiguous.csv
                    format: wide
                  - path: ../returns/sdmx.csv
                    format: sdmx-csv
                  - path: ../returns/ken.csv
                """);

        assertEquals(List.of(
                        "returns/ken.csv|3|null|value|value-negative",
                        "returns/sdmx.csv|3|null|ACTION|row-malformed",
                        "returns/sdmx.csv|4|null|STRUCTURE_ID|row-malformed",
                        "returns/sdmx.csv|5|null|FREQ|row-malformed",
                        "returns/wide-ambiguous.csv|2|2019|value|value-ambiguous-number",
                        "returns/wide-ambiguous.csv|2|2020|value|value-ambiguous-number",
                        "returns/wide-ambiguous.csv|3|2019|value|value-ambiguous-number",
                        "returns/wide-ambiguous.csv|3|2020|value|value-non-numeric",
                        "returns/xlsx-date-cells.xlsx|2|Data!B2|value|row-malformed",
                        "returns/xlsx-date-cells.xlsx|3|Data!B3|value|row-malformed",
                        "returns/xlsx-formula-no-cache.xlsx|2|Data!B2|value|row-malformed"),
                catalog(out, "select concat_ws('|', source_file, source_line, coalesce(source_cell, 'null'), field, rule_id) "
                        + "from rejected_rows order by source_file, source_line, source_cell"));
        // the hostile corpus' counts hold in the whole job too: read = accepted + rejected per file
        assertEquals(List.of(
                        "returns/ken.csv 2 1 1", "returns/sdmx.csv 4 1 3", "returns/wide-ambiguous.csv 5 1 4",
                        "returns/xlsx-date-cells.xlsx 4 2 2", "returns/xlsx-formula-no-cache.xlsx 4 3 1"),
                catalog(out, "select concat_ws(' ', f.file, f.rows_read, f.rows_accepted, f.rows_rejected) "
                        + "from (select unnest(input_files) as f from runs) order by 1"));
        assertEquals(List.of("0"), catalog(out, "select count(*) from (select unnest(input_files) as f from runs) "
                + "where f.rows_read <> f.rows_accepted + f.rows_rejected"));

        // every row finding keeps the cell of its row: the same cells as the rejected rows, with the year of the cell
        assertEquals(List.of(
                        "returns/wide-ambiguous.csv|2|2019|2019", "returns/wide-ambiguous.csv|2|2020|2020",
                        "returns/wide-ambiguous.csv|3|2019|2019", "returns/wide-ambiguous.csv|3|2020|2020",
                        "returns/xlsx-date-cells.xlsx|2|Data!B2|2020", "returns/xlsx-date-cells.xlsx|3|Data!B3|2020",
                        "returns/xlsx-formula-no-cache.xlsx|2|Data!B2|2020"),
                catalog(out, "select concat_ws('|', source_file, source_line, source_cell, year) from validation_issues "
                        + "where severity = 'ERROR' and source_cell is not null order by source_file, source_line, source_cell"));
        assertEquals(List.of("0"), catalog(out, "select count(*) from validation_issues where rule_kind not in ('row', 'duplicate-key') "
                + "and source_cell is not null"));

        // the feedback report and its spreadsheet show the cell
        Path reports = TestCycle.release(out).resolve("reports");
        String fra = Files.readString(reports.resolve("FRA.html"));
        assertTrue(fra.contains("returns/xlsx-date-cells.xlsx, line 2, cell Data!B2"), fra);
        assertTrue(fra.contains("File, line and cell"), fra);
        assertTrue(Files.readString(reports.resolve("AUT.html")).contains("returns/wide-ambiguous.csv, line 3, column 2020"));
        String ken = Files.readString(reports.resolve("KEN.html"));
        assertTrue(ken.contains("returns/ken.csv: 3") && !ken.contains("File, line and cell"), ken);
        // France: the two date cells, and the three SDMX-CSV rows (one observation per line: no cell)
        assertEquals(List.of("", "", "", "Data!B2", "Data!B3"), csvColumn(reports.resolve("FRA.csv"), "cell").stream().sorted().toList());
        assertEquals(List.of("2019", "2019", "2020", "2020"), csvColumn(reports.resolve("AUT.csv"), "cell").stream().sorted().toList());
        assertEquals(List.of(""), csvColumn(reports.resolve("KEN.csv"), "cell"));
    }

    /**
     * A wide line or an Excel row holds several observations: a duplicate of one of them sets aside
     * that observation only, and a finding about one of them is reported once, with its own year.
     */
    @Test
    void aDuplicateOrAFindingInALineOfSeveralObservationsConcernsItsOwnCell() throws Exception {
        Files.createDirectories(dir.resolve("returns"));
        Files.writeString(dir.resolve("returns/aut-wide.csv"), """
                country,indicator,iccs_code,unit,2019,2020,2021
                AUT,victims_intentional_homicide,0101,Counts,-,70,abc
                AUT,victims_intentional_homicide,0101,Counts,,75,
                """);
        // the same workbook twice: the second copy repeats the first one's figures
        Files.copy(HOSTILE.resolve("xlsx-date-cells.xlsx"), dir.resolve("returns/fra-1.xlsx"));
        Files.copy(HOSTILE.resolve("xlsx-date-cells.xlsx"), dir.resolve("returns/fra-2.xlsx"));
        Files.copy(HOSTILE.resolve("xlsx-small.yml"), dir.resolve("returns/fra.yml"));
        Path out = run("""
                  - path: ../returns/aut-wide.csv
                  - path: ../returns/fra-*.xlsx
                    format: xlsx
                    template: ../returns/fra.yml
                """);

        assertEquals(List.of(
                        "returns/aut-wide.csv|2|2020|duplicate-conflict|", "returns/aut-wide.csv|2|2021|value-non-numeric|",
                        "returns/aut-wide.csv|3|2020|duplicate-conflict|",
                        "returns/fra-1.xlsx|2|Data!B2|row-malformed|", "returns/fra-1.xlsx|3|Data!B3|row-malformed|",
                        "returns/fra-2.xlsx|2|Data!B2|row-malformed|", "returns/fra-2.xlsx|2|Data!C2|duplicate-repeat|",
                        "returns/fra-2.xlsx|3|Data!B3|row-malformed|", "returns/fra-2.xlsx|3|Data!C3|duplicate-repeat|"),
                catalog(out, "select concat_ws('|', source_file, source_line, source_cell, rule_id, "
                        // a workbook's bytes are no text: its duplicates quote no line
                        + "CASE WHEN source_file LIKE '%.xlsx' AND rule_id LIKE 'duplicate-%' THEN raw_text ELSE '' END) "
                        + "from rejected_rows order by source_file, source_line, source_cell"));
        assertEquals(List.of("returns/aut-wide.csv 2019 0.0", "returns/fra-1.xlsx 2021 622.0", "returns/fra-1.xlsx 2021 798.0"),
                catalog(out, "select concat_ws(' ', source_file, year, value) from observations order by 1"));
        assertEquals(List.of("returns/aut-wide.csv 4 1 3", "returns/fra-1.xlsx 4 2 2", "returns/fra-2.xlsx 4 0 4"),
                catalog(out, "select concat_ws(' ', f.file, f.rows_read, f.rows_accepted, f.rows_rejected) "
                        + "from (select unnest(input_files) as f from runs) order by 1"));
        assertEquals(List.of("2|2019|value-dash-nil|2019", "2|2020|duplicate-conflict|2020", "2|2021|value-non-numeric|2021",
                        "3|2020|duplicate-conflict|2020"),
                catalog(out, "select concat_ws('|', source_line, source_cell, rule_id, year) from validation_issues "
                        + "where source_file = 'returns/aut-wide.csv' and rule_kind in ('row', 'duplicate-key') order by all"));
    }

    private Path run(String inputs) throws Exception {
        Files.createDirectories(dir.resolve("jobs"));
        Path out = dir.resolve("out");
        Path spec = dir.resolve("jobs/cells.yml");
        Files.writeString(spec, """
                name: cells
                cycle: Test cycle
                reference_years: {from: 2015, to: 2024}
                inputs:
                %s
                reference:
                  countries: [%s, %s]
                  crime_codes: %s
                output: %s
                """.formatted(inputs.stripTrailing(), SAMPLE.resolve("reference/countries-m49.csv"),
                SAMPLE.resolve("returns-locales/countries-locales.csv"), SAMPLE.resolve("reference/iccs-codes.csv"),
                out), StandardCharsets.UTF_8);
        RunOutcome run = launcher.launch(spec);
        assertEquals(BatchStatus.COMPLETED, run.status(), String.valueOf(run.reason()));
        return out;
    }

    /** The first column of a query on the run's catalog, as text. */
    private static List<String> catalog(Path out, String sql) {
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        return Duck.rows("jdbc:duckdb:" + out.resolve("catalog.duckdb"), ro, sql).stream()
                .map(r -> String.valueOf(r.get(0))).toList();
    }

    private static List<String> csvColumn(Path csv, String column) throws Exception {
        List<String> values = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertTrue(p.getHeaderNames().stream().anyMatch(h -> h.endsWith(column)), p.getHeaderNames().toString());
            for (CSVRecord r : p) {
                values.add(r.get(column));
            }
        }
        return values;
    }
}
