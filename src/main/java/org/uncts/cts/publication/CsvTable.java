package org.uncts.cts.publication;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A publication table as CSV, for spreadsheets and programs: UTF-8 with a byte order mark (Excel
 * then opens accents intact), comma-separated, CRLF, quoted where needed.
 *
 * <pre>
 * label,code,kind,level,2020,2020 flags,2021,2021 flags
 * Africa,002,heading,0,,,,
 * Egypt,EGY,country,2,1234.5,e,..,
 * World,001,aggregate,0,6.1,,5.8,p
 *
 * Intentional homicide victims, by country
 * Count
 * (e) Estimate.
 * Source: UN-CTS.
 * </pre>
 *
 * <ul>
 *   <li>One row per table row, with its label (not indented), code, kind (heading, country,
 *       aggregate) and indentation level; then for each data column its value and a
 *       "&lt;header&gt; flags" column with the markers, "e,b". Grouped columns are headed
 *       "Victims (count) – Male".</li>
 *   <li>Numbers stay numbers: rounded half up to the cell's decimals like the printed table, '.'
 *       as decimal point, no thousands separators ({@link YearbookFormat#plain}). A figure not
 *       available is "..", a heading row's cells are empty.</li>
 *   <li>Under a blank row: the title, the subtitle, the footnotes, the notes and the source, one
 *       per row in the first column.</li>
 *   <li>Formula injection: a text (label, code, header, text cell, marker, footnote) that starts
 *       with = + - @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows
 *       it instead of evaluating it. Numbers, negative ones included, are written as they are.</li>
 * </ul>
 */
public final class CsvTable {

    static final char BOM = '\uFEFF';

    private static final CSVFormat FORMAT = CSVFormat.EXCEL;

    private CsvTable() {
    }

    /** Writes the table to {@code out}, which is flushed but left open. */
    public static void write(PublicationTable table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(table, writer);
        writer.flush();
    }

    /** The table as CSV text, starting with the byte order mark. */
    public static String render(PublicationTable table) {
        StringBuilder text = new StringBuilder();
        try {
            write(table, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return text.toString();
    }

    private static void write(PublicationTable table, Appendable out) throws IOException {
        out.append(BOM);
        // not closed: closing the printer would close the caller's stream
        CSVPrinter csv = new CSVPrinter(out, FORMAT);

        List<String> header = new ArrayList<>(List.of("label", "code", "kind", "level"));
        for (TableColumn column : table.columns()) {
            header.add(text(column.qualifiedHeader()));
            header.add(text(column.qualifiedHeader() + " flags"));
        }
        csv.printRecord(header);

        for (TableRow row : table.rows()) {
            List<String> record = new ArrayList<>();
            record.add(text(row.label()));
            record.add(text(row.code()));
            record.add(row.kind().name().toLowerCase(Locale.ROOT));
            record.add(Integer.toString(row.level()));
            for (int i = 0; i < table.columns().size(); i++) {
                if (row.kind() == TableRow.Kind.HEADING) {
                    record.add("");
                    record.add("");
                } else {
                    TableCell cell = row.cells().get(i);
                    record.add(value(cell));
                    record.add(text(cell.markerText()));
                }
            }
            csv.printRecord(record);
        }

        List<String> below = new ArrayList<>();
        below.add(table.title());
        below.add(table.subtitle());
        table.footnotes().forEach(f -> below.add(f.line()));
        below.addAll(table.notes());
        below.add(table.sourceLine());
        csv.println();
        for (String line : below) {
            if (line != null && !line.isBlank()) {
                csv.printRecord(text(line));
            }
        }
        csv.flush();
    }

    /** A cell's value: the plain rounded number, the text, or "..". */
    static String value(TableCell cell) {
        if (cell.isNumber()) {
            return YearbookFormat.plain(cell.number(), cell.decimals());
        }
        return cell.text() != null ? text(cell.text()) : TableCell.NOT_AVAILABLE;
    }

    /**
     * A text as a spreadsheet should show it: one that it would take for a formula (it starts with
     * =, +, -, @, a tab or a carriage return) gets a leading apostrophe. Only for texts: a number
     * such as -3.3 is written by {@link #value} and never passes here.
     */
    static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char c = s.charAt(0);
        boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return formula ? "'" + s : s;
    }
}
