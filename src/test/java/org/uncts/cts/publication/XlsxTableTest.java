package org.uncts.cts.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes the sample table to a file and reads it back with POI, as Excel would see it. */
class XlsxTableTest {

    /** Layout of the grouped sample: title, subtitle, blank, two header rows, then the body. */
    private static final int GROUP_HEADER_ROW = 3;
    private static final int COLUMN_HEADER_ROW = 4;
    private static final int FIRST_BODY_ROW = 5;

    private static XSSFWorkbook workbook;
    private static Sheet sheet;

    @BeforeAll
    static void writeAndReadBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(TableFormat.XLSX.fileName(SampleTables.grouped()));
        TableFormat.XLSX.write(SampleTables.grouped(), file);
        try (InputStream in = Files.newInputStream(file)) {
            workbook = new XSSFWorkbook(in);
        }
        sheet = workbook.getSheetAt(0);
    }

    private static Row row(String label, int from) {
        for (int r = from; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void titleSheetNameAndProperties() {
        assertEquals("homicide-victims", sheet.getSheetName());
        assertEquals("Intentional homicide victims, by country, 2020-2021", sheet.getRow(0).getCell(0).getStringCellValue());
        assertTrue(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
        assertEquals("Count of victims; change in per cent", sheet.getRow(1).getCell(0).getStringCellValue());
        assertEquals("Intentional homicide victims, by country, 2020-2021",
                workbook.getProperties().getCoreProperties().getTitle());
    }

    @Test
    void figuresAreNumericCellsWithTheirDecimalsAndMarkersBesideThem() {
        Row egypt = row("Egypt", FIRST_BODY_ROW);
        Cell count = egypt.getCell(1);
        assertEquals(CellType.NUMERIC, count.getCellType());
        assertEquals(1234568.0, count.getNumericCellValue(), "stored rounded as displayed");
        assertEquals("#,##0", count.getCellStyle().getDataFormatString());
        assertEquals("e", egypt.getCell(2).getStringCellValue());

        Cell missing = egypt.getCell(3);
        assertEquals(CellType.STRING, missing.getCellType());
        assertEquals("..", missing.getStringCellValue());
        assertEquals(HorizontalAlignment.RIGHT, missing.getCellStyle().getAlignment());
        assertNull(egypt.getCell(4), "no markers, no marker cell");

        Cell change = egypt.getCell(5);
        assertEquals(CellType.NUMERIC, change.getCellType());
        assertEquals(-3.3, change.getNumericCellValue());
        assertEquals("#,##0.0", change.getCellStyle().getDataFormatString());
        assertEquals("b", egypt.getCell(6).getStringCellValue());
    }

    @Test
    void everyCellShowsTheTextOfTheOtherFormats() {
        DataFormatter excel = new DataFormatter(java.util.Locale.ROOT);
        PublicationTable table = SampleTables.grouped();
        for (int r = 0; r < table.rows().size(); r++) {
            TableRow expected = table.rows().get(r);
            Row row = sheet.getRow(FIRST_BODY_ROW + r);
            assertEquals(expected.label(), row.getCell(0).getStringCellValue());
            for (int i = 0; i < expected.cells().size(); i++) {
                TableCell cell = expected.cells().get(i);
                assertEquals(cell.formatted(), excel.formatCellValue(row.getCell(XlsxTable.valueColumn(i))),
                        expected.label() + " column " + i);
                Cell markers = row.getCell(XlsxTable.valueColumn(i) + 1);
                assertEquals(cell.markerText(), markers == null ? "" : markers.getStringCellValue());
            }
        }
    }

    @Test
    void hostileLabelsAreTextNeverFormulas() {
        Row formula = row(SampleTables.INJECTED_FORMULA, FIRST_BODY_ROW);
        assertEquals(CellType.STRING, formula.getCell(0).getCellType());
        Row at = row(SampleTables.INJECTED_SCRIPT, FIRST_BODY_ROW);
        assertEquals(CellType.STRING, at.getCell(5).getCellType());
        assertEquals("-stable", at.getCell(5).getStringCellValue());
    }

    @Test
    void headerIsMergedOverGroupsAndFrozen() {
        List<CellRangeAddress> merged = sheet.getMergedRegions();
        // the group spans the value and marker columns of 2020 and 2021
        assertTrue(merged.contains(new CellRangeAddress(GROUP_HEADER_ROW, GROUP_HEADER_ROW, 1, 4)), merged.toString());
        assertEquals("Victims (count)", sheet.getRow(GROUP_HEADER_ROW).getCell(1).getStringCellValue());
        assertTrue(merged.contains(new CellRangeAddress(COLUMN_HEADER_ROW, COLUMN_HEADER_ROW, 1, 2)));
        assertEquals("2020", sheet.getRow(COLUMN_HEADER_ROW).getCell(1).getStringCellValue());
        assertEquals("2021", sheet.getRow(COLUMN_HEADER_ROW).getCell(3).getStringCellValue());
        // a column outside any group, and the stub header, span both header rows
        assertTrue(merged.contains(new CellRangeAddress(GROUP_HEADER_ROW, COLUMN_HEADER_ROW, 5, 6)));
        assertEquals("Change (%)", sheet.getRow(GROUP_HEADER_ROW).getCell(5).getStringCellValue());
        assertTrue(merged.contains(new CellRangeAddress(GROUP_HEADER_ROW, COLUMN_HEADER_ROW, 0, 0)));
        assertEquals("Region / country or area", sheet.getRow(GROUP_HEADER_ROW).getCell(0).getStringCellValue());
        assertTrue(workbook.getFontAt(sheet.getRow(COLUMN_HEADER_ROW).getCell(1).getCellStyle().getFontIndex()).getBold());

        PaneInformation pane = sheet.getPaneInformation();
        assertNotNull(pane);
        assertTrue(pane.isFreezePane());
        assertEquals(FIRST_BODY_ROW, pane.getHorizontalSplitPosition(), "frozen below the header");
        assertEquals(1, pane.getVerticalSplitPosition(), "frozen right of the stub");
        assertEquals("Africa", sheet.getRow(FIRST_BODY_ROW).getCell(0).getStringCellValue());
    }

    @Test
    void headingsBoldAndLabelsIndentedByLevel() {
        Row africa = sheet.getRow(FIRST_BODY_ROW);
        assertTrue(workbook.getFontAt(africa.getCell(0).getCellStyle().getFontIndex()).getBold());
        assertEquals(1, africa.getLastCellNum(), "a heading row has only its label");
        assertEquals(1, sheet.getRow(FIRST_BODY_ROW + 1).getCell(0).getCellStyle().getIndention());
        Row egypt = row("Egypt", FIRST_BODY_ROW);
        assertEquals(2, egypt.getCell(0).getCellStyle().getIndention());
        assertTrue(!workbook.getFontAt(egypt.getCell(0).getCellStyle().getFontIndex()).getBold());
        assertTrue(sheet.getColumnWidth(2) < sheet.getColumnWidth(1), "the marker column is narrow");
    }

    @Test
    void footnotesNotesAndSourceUnderTheTable() {
        int last = FIRST_BODY_ROW + SampleTables.grouped().rows().size() - 1;
        assertNull(sheet.getRow(last + 1), "a blank row under the table");
        List<String> below = new ArrayList<>();
        for (int r = last + 2; r <= sheet.getLastRowNum(); r++) {
            below.add(sheet.getRow(r).getCell(0).getStringCellValue());
        }
        assertEquals(List.of("(e) Estimate.", "(b) Break in series.", "(1) Including attempts.", "(p) Provisional.",
                "Two dots (..) indicate that data are not available.", "Source: UN-CTS 2025."), below);
    }

    @Test
    void sheetNamesThatExcelAccepts() {
        assertEquals("a_b_c_d_e_f_g", XlsxTable.sheetName("a/b\\c:d*e?f[g]").replaceAll("_$", ""));
        assertEquals("a_b_c_d_e_f_g_", XlsxTable.sheetName("a/b\\c:d*e?f[g]"));
        assertEquals(31, XlsxTable.sheetName("x".repeat(40)).length());
        assertEquals("quoted", XlsxTable.sheetName("'quoted'"));
        assertEquals("Table", XlsxTable.sheetName(" "));
        assertEquals("History table", XlsxTable.sheetName("history"));
    }
}
