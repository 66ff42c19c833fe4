package org.uncts.cts.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.model.RawObservation;

class ReturnFileReaderTest {

    @TempDir
    Path dir;

    private List<RawObservation> readAll(String name, String text, Charset cs, ReturnLayout layout) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(cs));
        List<RawObservation> rows = new ArrayList<>();
        try (ReturnFileReader r = new ReturnFileReader(InputFile.inspect(p), name, layout)) {
            for (RawObservation o; (o = r.next()) != null; ) {
                rows.add(o);
            }
        }
        return rows;
    }

    @Test
    void canonicalRowsWithPhysicalLineNumbers() throws Exception {
        String csv = """
                country,year,indicator,iccs_code,dimension,category,sex,age,unit,value,flag,note
                FRA,2020,victims_intentional_homicide,0101,Total,Total,Total,Total,Counts,"1,234",p,"a note, with comma"

                DEU,2021,victims_intentional_homicide,0101,Total,Total,Male,Total,Counts,..,,
                """;
        List<RawObservation> rows = readAll("c.csv", csv, StandardCharsets.UTF_8, null);
        assertEquals(2, rows.size());
        RawObservation a = rows.get(0);
        assertEquals("FRA", a.country());
        assertEquals("0101", a.iccsCode());
        assertEquals("1,234", a.value());
        assertEquals("p", a.flag());
        assertEquals("a note, with comma", a.note());
        assertEquals(2, a.provenance().line());
        assertEquals("c.csv", a.provenance().file());
        assertNull(a.readProblem());
        assertEquals(4, rows.get(1).provenance().line(), "a blank line is not a row but still counts as a line");
        assertEquals("..", rows.get(1).value());
        assertTrue(a.rawText().contains("\"1,234\""), a.rawText());
    }

    @Test
    void dataUnodcWithTitleLinesAndSemicolons() throws Exception {
        String csv = """
                Intentional homicide victims
                Data extracted on 2025-06-30
                Iso3_code;Country;Region;Subregion;Indicator;Dimension;Category;Sex;Age;Year;Unit of measurement;VALUE;Source
                GBR_E_W;England and Wales;Europe;Northern Europe;Victims of intentional homicide;Total;Total;Total;Total;2020;Counts;594;CTS
                """;
        List<RawObservation> rows = readAll("u.csv", csv, StandardCharsets.UTF_8, null);
        assertEquals(1, rows.size());
        RawObservation r = rows.get(0);
        assertEquals(4, r.provenance().line());
        assertEquals("GBR_E_W", r.country());
        assertEquals("Victims of intentional homicide", r.indicator());
        assertEquals("Counts", r.unit());
        assertEquals("594", r.value());
        assertEquals("CTS", r.source());
        assertNull(r.iccsCode());
    }

    @Test
    void windows1252TextIsDecoded() throws Exception {
        String csv = "country,year,indicator,value,note\nCôte d'Ivoire,2020,victims_intentional_homicide,12,données provisoires\n";
        List<RawObservation> rows = readAll("w.csv", csv, Charset.forName("windows-1252"), ReturnLayout.CANONICAL);
        assertEquals("Côte d'Ivoire", rows.get(0).country());
        assertEquals("données provisoires", rows.get(0).note());
    }

    @Test
    void aShortRowIsMalformedButStillARow() throws Exception {
        String csv = "country,year,indicator,value\nFRA,2020\nFRA,2020,victims_intentional_homicide,5,,\n";
        List<RawObservation> rows = readAll("m.csv", csv, StandardCharsets.UTF_8, null);
        assertEquals(2, rows.size());
        assertNotNull(rows.get(0).readProblem());
        assertTrue(rows.get(0).readProblem().message().contains("Expected 4 cells"), rows.get(0).readProblem().message());
        assertNull(rows.get(0).readProblem().field(), "a missing cell is in no single field");
        assertNull(rows.get(1).readProblem(), "trailing empty cells are tolerated");
    }

    @Test
    void unknownHeaderNamesTheFileAndTheExpectedColumns() {
        ReturnFormatException e = assertThrows(ReturnFormatException.class,
                () -> readAll("bad.csv", "a,b,c\n1,2,3\n", StandardCharsets.UTF_8, null));
        assertTrue(e.getMessage().startsWith("bad.csv:"), e.getMessage());
        assertTrue(e.getMessage().contains("country, year, indicator, value"), e.getMessage());
    }

    @Test
    void declaredLayoutMustMatch() {
        String csv = "country,year,indicator,value\nFRA,2020,victims_intentional_homicide,5\n";
        ReturnFormatException e = assertThrows(ReturnFormatException.class,
                () -> readAll("x.csv", csv, StandardCharsets.UTF_8, ReturnLayout.DATAUNODC));
        assertTrue(e.getMessage().contains("dataunodc"), e.getMessage());
    }

    private List<RawObservation> readWithLimits(String text, int maxLine, long maxRow) throws Exception {
        Path p = dir.resolve("limits.csv");
        Files.writeString(p, text);
        List<RawObservation> rows = new ArrayList<>();
        try (ReturnFileReader r = new ReturnFileReader(InputFile.inspect(p), "limits.csv", null, ReadOptions.NONE, maxLine, maxRow)) {
            for (RawObservation o; (o = r.next()) != null; ) {
                rows.add(o);
            }
        }
        return rows;
    }

    private static final String HEADER = "country,year,indicator,iccs_code,dimension,category,sex,age,unit,value,flag,note\n";
    private static final String ROW = "FRA,2019,victims_intentional_homicide,0101,Total,Total,Total,Total,Counts,";

    @Test
    void aLineOverTheCapIsCutAndItsRowRejectedWhileTheNextLinesAreRead() throws Exception {
        // line 3 is 80 + 500 characters with a 200-character cap; lines 2 and 4 are well under it, CRLF and LF mixed
        String longRow = ROW + "2,,\"" + "n".repeat(500) + "\"";
        String csv = HEADER + ROW + "1,,short\r\n" + longRow + "\r\n" + ROW.replace("2019", "2020") + "3,,\n";
        List<RawObservation> rows = readWithLimits(csv, 200, 10_000);
        assertEquals(3, rows.size());
        assertNull(rows.get(0).readProblem());
        assertEquals("1", rows.get(0).value());
        RawObservation cut = rows.get(1);
        assertEquals(3, cut.provenance().line());
        assertTrue(cut.readProblem().message().startsWith("Line 3 is " + String.format(java.util.Locale.ROOT, "%,d", longRow.length())
                + " characters long, more than the 200 "), cut.readProblem().message());
        assertNull(cut.value(), "a cut row is never read as if it were whole");
        assertTrue(cut.rawText().length() < 200 && cut.rawText().contains("line 3 cut after 200 of its"), cut.rawText());
        assertNull(rows.get(2).readProblem());
        assertEquals(4, rows.get(2).provenance().line());
        assertEquals("3", rows.get(2).value());
    }

    @Test
    void aCutLastLineWithoutLineBreakIsStillRejected() throws Exception {
        List<RawObservation> rows = readWithLimits(HEADER + ROW + "1,," + "x".repeat(300), 200, 10_000);
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).readProblem() != null && rows.get(0).readProblem().message().startsWith("Line 2 is "),
                String.valueOf(rows.get(0).readProblem()));
    }

    @Test
    void aCutLineInsideAQuotedCellSpanningLinesRejectsThatRow() throws Exception {
        // the note opens on line 2 and closes on line 4; line 3 inside it is too long
        String csv = HEADER + ROW + "1,,\"first\n" + "y".repeat(300) + "\nlast\"\n" + ROW.replace("2019", "2020") + "2,,\n";
        List<RawObservation> rows = readWithLimits(csv, 200, 10_000);
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).readProblem().message().startsWith("Line 3 is 300 characters long"), rows.get(0).readProblem().message());
        assertEquals(2, rows.get(0).provenance().line());
        assertNull(rows.get(1).readProblem());
        assertEquals(5, rows.get(1).provenance().line());
    }

    @Test
    void aQuoteNeverClosedStopsAtTheRowCapInsteadOfHoldingTheRestOfTheFile() throws Exception {
        // every line is short, but the quote opened on line 3 would make the rest of the file one cell
        StringBuilder csv = new StringBuilder(HEADER + ROW + "1,,ok\n" + ROW + "2,,\"opened\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append(ROW).append("3,,more\n");
        }
        // the cap is above what the readers buffer ahead (64K + 8K characters), as the real one (16 MiB) is
        List<RawObservation> rows = readWithLimits(csv.toString(), 200, 100_000);
        assertEquals(2, rows.size());
        assertNull(rows.get(0).readProblem());
        RawObservation rest = rows.get(1);
        assertEquals(3, rest.provenance().line());
        assertTrue(rest.readProblem().message().contains("cannot be read from here to the end of the file (more than 100,000 characters"
                + " without the end of a row"), rest.readProblem().message());
    }
}
