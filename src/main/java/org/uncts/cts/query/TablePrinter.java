package org.uncts.cts.query;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table, psql style: header, separator, rows, then "(N rows)". Numeric columns are
 * right-aligned, NULL is spelled out. Rows are buffered to size the columns, so this format is for
 * results a person will read, not for exports (use CSV).
 */
final class TablePrinter implements ResultPrinter {

    static final String NULL = "NULL";

    @Override
    public long print(ResultSet rows, PrintStream out) throws SQLException {
        List<Column> columns = Column.of(rows.getMetaData());
        int n = columns.size();
        int[] widths = new int[n];
        String[] header = new String[n];
        for (int i = 0; i < n; i++) {
            header[i] = printable(columns.get(i).label());
            widths[i] = width(header[i]);
        }
        List<String[]> cells = new ArrayList<>();
        while (rows.next()) {
            String[] row = new String[n];
            for (int i = 0; i < n; i++) {
                String text = Values.text(Values.plain(rows.getObject(i + 1)));
                row[i] = text == null ? NULL : printable(text);
                widths[i] = Math.max(widths[i], width(row[i]));
            }
            cells.add(row);
        }

        out.println(line(header, columns, widths));
        StringBuilder separator = new StringBuilder();
        for (int i = 0; i < n; i++) {
            separator.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(separator);
        for (String[] row : cells) {
            out.println(line(row, columns, widths));
        }
        out.println(cells.size() == 1 ? "(1 row)" : "(" + cells.size() + " rows)");
        return cells.size();
    }

    @Override
    public void printNoResult(PrintStream out) {
        out.println("OK");
    }

    private static String line(String[] cells, List<Column> columns, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String pad = " ".repeat(widths[i] - width(cells[i]));
            line.append(i == 0 ? "" : " | ");
            line.append(columns.get(i).numeric() ? pad + cells[i] : cells[i] + pad);
        }
        return line.toString().stripTrailing();
    }

    /** Line breaks and tabs inside a value would break the alignment, so they are shown escaped. */
    private static String printable(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
