package org.uncts.cts.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    private static List<CSVRecord> parse(String csv) throws IOException {
        assertEquals(CsvTable.BOM, csv.charAt(0), "starts with a byte order mark");
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)), CSVFormat.EXCEL)) {
            return parser.getRecords();
        }
    }

    private static CSVRecord row(List<CSVRecord> records, String label, String kind) {
        return records.stream().filter(r -> r.size() > 2 && r.get(0).equals(label) && r.get(2).equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + label));
    }

    @Test
    void headerHasLabelCodeKindLevelThenValueAndFlagsPerColumn() throws IOException {
        List<CSVRecord> records = parse(CsvTable.render(SampleTables.grouped()));
        assertEquals(List.of("label", "code", "kind", "level", "Victims (count) – 2020", "Victims (count) – 2020 flags",
                "Victims (count) – 2021", "Victims (count) – 2021 flags", "Change (%)", "Change (%) flags"),
                records.get(0).toList());
    }

    @Test
    void numbersStayNumbersRoundedAsPrinted() throws IOException {
        List<CSVRecord> records = parse(CsvTable.render(SampleTables.grouped()));
        CSVRecord egypt = row(records, "Egypt", "country");
        assertEquals(List.of("Egypt", "EGY", "country", "2", "1234568", "e", "..", "", "-3.3", "b"), egypt.toList());
        assertEquals(1234568.0, Double.parseDouble(egypt.get(4)));
        assertEquals(-3.3, Double.parseDouble(egypt.get(8)), "a negative number is written as a number, no apostrophe");

        CSVRecord aggregate = row(records, "Northern Africa", "aggregate");
        assertEquals(List.of("1", "1235", "e", "2000", "p", "0.0", ""), aggregate.toList().subList(3, 10));
    }

    @Test
    void headingRowsHaveEmptyCells() throws IOException {
        CSVRecord africa = row(parse(CsvTable.render(SampleTables.grouped())), "Africa", "heading");
        assertEquals(List.of("Africa", "002", "heading", "0", "", "", "", "", "", ""), africa.toList());
    }

    @Test
    void textsThatLookLikeFormulasAreNeutralised() throws IOException {
        List<CSVRecord> records = parse(CsvTable.render(SampleTables.grouped()));
        CSVRecord formula = row(records, "'" + SampleTables.INJECTED_FORMULA, "country");
        assertEquals(List.of("12", "", "15", "1", "25.0", ""), formula.toList().subList(4, 10));
        CSVRecord at = row(records, "'" + SampleTables.INJECTED_SCRIPT, "country");
        assertEquals("'-stable", at.get(8), "a text cell starting with - is a text, not a negative number");

        assertEquals("'+1", CsvTable.text("+1"));
        assertEquals("'-x", CsvTable.text("-x"));
        assertEquals("'\tx", CsvTable.text("\tx"));
        assertEquals("'\rx", CsvTable.text("\rx"));
        assertEquals("Egypt", CsvTable.text("Egypt"));
        assertEquals("", CsvTable.text(null));
    }

    @Test
    void titleFootnotesNotesAndSourceFollowABlankRow() throws IOException {
        List<CSVRecord> records = parse(CsvTable.render(SampleTables.grouped()));
        int blank = 0;
        while (!(records.get(blank).size() == 1 && records.get(blank).get(0).isEmpty())) {
            blank++;
        }
        assertEquals(1 + SampleTables.grouped().rows().size(), blank, "the blank row follows the last table row");
        List<String> below = records.subList(blank + 1, records.size()).stream().map(r -> r.get(0)).toList();
        assertEquals(List.of("Intentional homicide victims, by country, 2020-2021", "Count of victims; change in per cent",
                "(e) Estimate.", "(b) Break in series.", "(1) Including attempts.", "(p) Provisional.",
                "Two dots (..) indicate that data are not available.", "Source: UN-CTS 2025."), below);
    }

    @Test
    void fileIsUtf8WithByteOrderMarkAndCrlf(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(TableFormat.CSV.fileName(SampleTables.grouped()));
        TableFormat.CSV.write(SampleTables.grouped(), file);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n") && !text.replace("\r\n", "").contains("\n"), "CRLF line ends");
        assertEquals(CsvTable.render(SampleTables.grouped()), text, "the file holds what render gives");
    }
}
