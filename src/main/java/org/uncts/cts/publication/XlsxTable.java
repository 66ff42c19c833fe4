package org.uncts.cts.publication;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A publication table as an Excel workbook of one sheet, laid out like the printed table:
 *
 * <pre>
 *   row 0        title (bold, larger)
 *   row 1        subtitle (when there is one)
 *   blank row
 *   header       group headers merged over their columns (when the table has groups),
 *                then the column headers; bold, shaded, bordered below
 *   body         one row per table row; frozen below the header and right of the stub column
 *   blank row
 *   footnotes, notes, source, one per row in column A
 * </pre>
 *
 * <ul>
 *   <li>Column A is the stub: labels indented by their level (the cell style's indent), heading
 *       rows in bold.</li>
 *   <li>Each data column takes two sheet columns: the value, and a narrow column right of it with
 *       the markers ("e,b"), so that the values stay numbers a reader can compute with. The
 *       column header is merged over both.</li>
 *   <li>A figure is a numeric cell holding the value <em>rounded as displayed</em>
 *       ({@link YearbookFormat#rounded}), formatted "#,##0", "#,##0.0", ... by its decimals: the
 *       sheet then shows exactly the text of the other formats (Excel's own rounding of the full
 *       value could differ at a half), and what a reader adds up is what is printed. A figure not
 *       available is the text ".." and a text statistic its text, both right-aligned.</li>
 *   <li>The sheet is named after the table ({@link #sheetName}); the workbook's title property is
 *       the table's title. Printing repeats the header rows and fits the width to one page.</li>
 * </ul>
 */
public final class XlsxTable {

    /** Excel's limit on a sheet name's length. */
    static final int MAX_SHEET_NAME = 31;

    private XlsxTable() {
    }

    /** Writes the workbook to {@code out}, which is left open. */
    public static void write(PublicationTable table, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = workbook(table)) {
            workbook.write(out);
        }
    }

    /** The table as a workbook; the caller writes and closes it. */
    public static XSSFWorkbook workbook(PublicationTable table) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.getProperties().getCoreProperties().setTitle(table.title());
        if (table.subtitle() != null) {
            workbook.getProperties().getCoreProperties().setDescription(table.subtitle());
        }
        workbook.getProperties().getCoreProperties().setCreator("cts-pipeline");
        new Layout(table, workbook).fill();
        return workbook;
    }

    /**
     * The sheet name for a table name: Excel refuses [ ] : * ? / \ (replaced by "_"), an apostrophe
     * at either end (dropped), more than 31 characters (cut), an empty name and "History" (reserved).
     */
    static String sheetName(String name) {
        String s = name == null ? "" : name.replaceAll("[\\[\\]:*?/\\\\]", "_").strip();
        s = s.replaceAll("^'+|'+$", "");
        if (s.length() > MAX_SHEET_NAME) {
            s = s.substring(0, MAX_SHEET_NAME).replaceAll("'+$", "");
        }
        if (s.isBlank()) {
            return "Table";
        }
        return s.equalsIgnoreCase("History") ? "History table" : s;
    }

    /** Sheet column of data column {@code i}'s value; its markers are in the next one. */
    static int valueColumn(int i) {
        return 1 + 2 * i;
    }

    /** Fills one sheet; keeps the styles so that each is created once. */
    private static final class Layout {

        private final PublicationTable table;
        private final XSSFWorkbook workbook;
        private final Sheet sheet;
        private final int lastColumn;
        private final Map<Integer, CellStyle> numberStyles = new HashMap<>();
        private final Map<String, CellStyle> labelStyles = new HashMap<>();
        private final CellStyle title;
        private final CellStyle subtitle;
        private final CellStyle stubHeader;
        private final CellStyle columnHeader;
        private final CellStyle notAvailable;
        private final CellStyle marker;

        Layout(PublicationTable table, XSSFWorkbook workbook) {
            this.table = table;
            this.workbook = workbook;
            this.sheet = workbook.createSheet(sheetName(table.name()));
            this.lastColumn = 2 * table.columns().size();

            title = workbook.createCellStyle();
            title.setFont(font(true, false, 14));
            subtitle = workbook.createCellStyle();
            subtitle.setFont(font(false, true, 11));
            stubHeader = header(HorizontalAlignment.LEFT);
            columnHeader = header(HorizontalAlignment.CENTER);
            notAvailable = workbook.createCellStyle();
            notAvailable.setAlignment(HorizontalAlignment.RIGHT);
            marker = workbook.createCellStyle();
            marker.setAlignment(HorizontalAlignment.LEFT);
            marker.setFont(font(false, false, 8));
        }

        void fill() {
            int r = 0;
            text(sheet.createRow(r++), 0, table.title(), title);
            if (table.subtitle() != null && !table.subtitle().isBlank()) {
                text(sheet.createRow(r++), 0, table.subtitle(), subtitle);
            }
            r++; // blank row
            int headerStart = r;
            int bodyStart = header(headerStart);
            r = bodyStart;
            for (TableRow row : table.rows()) {
                body(sheet.createRow(r++), row);
            }

            List<String> below = new ArrayList<>();
            table.footnotes().forEach(f -> below.add(f.line()));
            below.addAll(table.notes());
            if (table.sourceLine() != null) {
                below.add(table.sourceLine());
            }
            r++; // blank row
            for (String line : below) {
                text(sheet.createRow(r++), 0, line, null);
            }

            sheet.createFreezePane(1, bodyStart);
            widths(bodyStart - 1);
            sheet.setRepeatingRows(new CellRangeAddress(headerStart, bodyStart - 1, -1, -1));
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
        }

        /** Writes the header rows from {@code first}; returns the first body row. */
        private int header(int first) {
            boolean groups = table.hasColumnGroups();
            int last = groups ? first + 1 : first;
            for (int r = first; r <= last; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c <= lastColumn; c++) {
                    row.createCell(c).setCellStyle(c == 0 ? stubHeader : columnHeader);
                }
            }
            sheet.getRow(first).getCell(0).setCellValue(table.stubHeader() == null ? "" : table.stubHeader());
            merge(first, last, 0, 0);

            List<TableColumn> columns = table.columns();
            if (groups) {
                for (PublicationTable.ColumnGroup g : table.columnGroups()) {
                    if (g.header() != null) {
                        sheet.getRow(first).getCell(valueColumn(g.first())).setCellValue(g.header());
                        merge(first, first, valueColumn(g.first()), valueColumn(g.first() + g.span() - 1) + 1);
                    }
                    for (int i = g.first(); i < g.first() + g.span(); i++) {
                        // a column outside any group has its header over both header rows
                        int top = g.header() != null ? last : first;
                        sheet.getRow(top).getCell(valueColumn(i)).setCellValue(columns.get(i).header());
                        merge(top, last, valueColumn(i), valueColumn(i) + 1);
                    }
                }
            } else {
                for (int i = 0; i < columns.size(); i++) {
                    sheet.getRow(first).getCell(valueColumn(i)).setCellValue(columns.get(i).header());
                    merge(first, first, valueColumn(i), valueColumn(i) + 1);
                }
            }
            return last + 1;
        }

        private void body(Row row, TableRow r) {
            boolean heading = r.kind() == TableRow.Kind.HEADING;
            text(row, 0, r.label(), label(r.level(), heading));
            if (heading) {
                return;
            }
            for (int i = 0; i < table.columns().size(); i++) {
                TableCell cell = r.cells().get(i);
                Cell value = row.createCell(valueColumn(i));
                if (cell.isNumber()) {
                    value.setCellValue(YearbookFormat.rounded(cell.number(), cell.decimals()));
                    value.setCellStyle(number(cell.decimals()));
                } else {
                    value.setCellValue(cell.formatted());
                    value.setCellStyle(notAvailable);
                }
                if (!cell.markers().isEmpty()) {
                    text(row, valueColumn(i) + 1, cell.markerText(), marker);
                }
            }
        }

        /**
         * Widths in characters: the stub fits its labels, a value column its widest figure, a
         * marker column its longest markers; the column header row is made tall enough for the
         * longest header to wrap in.
         */
        private void widths(int columnHeaderRow) {
            int stub = Math.max(12, length(table.stubHeader()));
            for (TableRow r : table.rows()) {
                stub = Math.max(stub, length(r.label()) + 2 * Math.max(0, r.level()));
            }
            width(0, Math.min(stub, 60) + 2);
            int headerLines = 1;
            for (int i = 0; i < table.columns().size(); i++) {
                int value = 6;
                int markers = 1;
                for (TableRow r : table.dataRows()) {
                    TableCell cell = r.cells().get(i);
                    value = Math.max(value, cell.formatted().length());
                    markers = Math.max(markers, cell.markerText().length());
                }
                // a header a little wider than its figures widens the column rather than wrap
                int header = length(table.columns().get(i).header());
                value = Math.max(value, Math.min(header, 12) - markers);
                width(valueColumn(i), value + 1);
                width(valueColumn(i) + 1, markers + 1);
                int room = value + markers + 2;
                headerLines = Math.max(headerLines, (header + room - 1) / room);
            }
            // Excel does not grow a row for wrapped text in merged cells
            if (headerLines > 1) {
                sheet.getRow(columnHeaderRow).setHeightInPoints(headerLines * sheet.getDefaultRowHeightInPoints());
            }
        }

        private void width(int column, int characters) {
            sheet.setColumnWidth(column, Math.min(255, characters) * 256);
        }

        private void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
            if (firstRow != lastRow || firstColumn != lastColumn) {
                sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
            }
        }

        private CellStyle number(int decimals) {
            return numberStyles.computeIfAbsent(decimals, d -> {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(numberFormat(d)));
                style.setAlignment(HorizontalAlignment.RIGHT);
                return style;
            });
        }

        private CellStyle label(int level, boolean heading) {
            return labelStyles.computeIfAbsent(level + (heading ? "h" : ""), k -> {
                CellStyle style = workbook.createCellStyle();
                style.setIndention((short) Math.max(0, Math.min(level, 15)));
                if (heading) {
                    style.setFont(font(true, false, 11));
                }
                return style;
            });
        }

        private CellStyle header(HorizontalAlignment alignment) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font(true, false, 11));
            style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setBorderBottom(BorderStyle.THIN);
            style.setAlignment(alignment);
            style.setVerticalAlignment(VerticalAlignment.BOTTOM);
            style.setWrapText(true);
            return style;
        }

        private Font font(boolean bold, boolean italic, int points) {
            Font font = workbook.createFont();
            font.setBold(bold);
            font.setItalic(italic);
            font.setFontHeightInPoints((short) points);
            return font;
        }

        private static void text(Row row, int column, String text, CellStyle style) {
            Cell cell = row.createCell(column);
            cell.setCellValue(text == null ? "" : text);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }

        private static int length(String s) {
            return s == null ? 0 : s.length();
        }
    }

    /** The Excel number format for {@code decimals}: "#,##0", "#,##0.0", "#,##0.00", ... */
    static String numberFormat(int decimals) {
        return decimals <= 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    }
}
