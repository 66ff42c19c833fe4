package org.uncts.cts.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The DuckDB query behind an SDMX-CSV file, shaped so that a row crosses JDBC as few objects as
 * possible: the driver builds one Java object per text cell, and with a dozen text cells a row
 * that cost most of the export's time. DuckDB therefore joins a row's text cells, and the numbers
 * come as DOUBLEs, to be written by {@link SdmxNumbers#plain(double)}. Result columns:
 * <ol>
 * <li>{@link #TEXT}: the text cells in file order, joined by commas, as UTF-8 (a BLOB, written
 *     out as it is); null when a cell holds a comma itself, as then the commas would not tell
 *     where cells end;</li>
 * <li>{@link #CELLS}: for those rows only, the text cells one by one (a list);</li>
 * <li>then each number, in file order.</li>
 * </ol>
 * A text cell is as the JDBC driver's getString would give it (the sources are VARCHAR or
 * integers, whose text is the same in DuckDB and Java), null as empty, and a unit label as its
 * code. Rows are sorted as {@code ORDER BY ALL} over the components' sources, in file order.
 *
 * @param sql       the query
 * @param columns   for each component in file order, where its cell comes from
 * @param textCells how many text cells a row has
 * @param parts     what a row is written from, in file order
 */
record SdmxRowQuery(String sql, List<Column> columns, int textCells, List<Part> parts) {

    /** Result column of the joined text. */
    static final int TEXT = 1;
    /** Result column of the cells one by one. */
    static final int CELLS = 2;

    /** Where a component's cell comes from: text cell {@code textCell}, or when that is -1, the DOUBLE in result column {@code number}. */
    record Column(SdmxColumn component, int textCell, int number) {
        boolean isNumber() {
            return textCell < 0;
        }
    }

    /**
     * A run of consecutive text cells, {@code firstCell} to {@code lastCell} (one stretch of the
     * joined text, commas included), or when {@code number} is above 0, the DOUBLE in that result column.
     */
    record Part(int firstCell, int lastCell, int number) {
        boolean isNumber() {
            return number > 0;
        }
    }

    /**
     * @param unitCodes the SDMX code of every unit label the dataset holds ({@link SdmxNumbers#unitCode}),
     *                  for the UNIT_CODE columns
     */
    static SdmxRowQuery of(SdmxDataflow flow, Map<String, String> unitCodes) {
        List<Column> columns = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (SdmxColumn c : flow.columns()) {
            if (c.kind() == SdmxColumn.Kind.NUMBER) {
                columns.add(new Column(c, -1, CELLS + 1 + numbers.size()));
                numbers.add(id(c));
            } else {
                columns.add(new Column(c, texts.size(), -1));
                texts.add("sdmx_cell" + texts.size());
            }
        }
        List<String> cells = new ArrayList<>();
        for (Column c : columns) {
            if (!c.isNumber()) {
                cells.add(cellText(c.component(), unitCodes) + " AS sdmx_cell" + c.textCell());
            }
        }
        String components = flow.columns().stream().map(c -> c.source() + " AS " + id(c)).collect(Collectors.joining(", "));
        String commaInACell = texts.stream().map(t -> "contains(" + t + ", ',')").collect(Collectors.joining(" OR "));
        String sql = "SELECT CASE WHEN NOT sdmx_comma_in_cell THEN encode(concat(" + String.join(", ',', ", texts) + ")) END"
                + ", CASE WHEN sdmx_comma_in_cell THEN [" + String.join(", ", texts) + "] END"
                + (numbers.isEmpty() ? "" : ", " + String.join(", ", numbers))
                + " FROM (SELECT *, coalesce(" + commaInACell + ", false) AS sdmx_comma_in_cell"
                + " FROM (SELECT *, " + String.join(", ", cells)
                + " FROM (SELECT " + components + " FROM " + flow.dataset() + ")))"
                // as ORDER BY ALL over the sources: sorted by series, then year, then the rest
                + " ORDER BY " + flow.columns().stream().map(SdmxRowQuery::id).collect(Collectors.joining(", "));
        return new SdmxRowQuery(sql, List.copyOf(columns), texts.size(), parts(columns));
    }

    private static List<Part> parts(List<Column> columns) {
        List<Part> parts = new ArrayList<>();
        for (Column c : columns) {
            Part last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
            if (c.isNumber()) {
                parts.add(new Part(-1, -1, c.number()));
            } else if (last != null && !last.isNumber()) {
                parts.set(parts.size() - 1, new Part(last.firstCell(), c.textCell(), 0));
            } else {
                parts.add(new Part(c.textCell(), c.textCell(), 0));
            }
        }
        return List.copyOf(parts);
    }

    /** A component's text cell: getString's text (null stays null), or a unit label's code. */
    private static String cellText(SdmxColumn c, Map<String, String> unitCodes) {
        String text = "CAST(" + id(c) + " AS VARCHAR)";
        if (c.kind() != SdmxColumn.Kind.UNIT_CODE) {
            return text;
        }
        StringBuilder mapped = new StringBuilder("CASE ").append(text);
        unitCodes.forEach((label, code) -> mapped.append(" WHEN ").append(literal(label)).append(" THEN ").append(literal(code)));
        return unitCodes.isEmpty() ? "''" : mapped.append(" ELSE '' END").toString();
    }

    private static String id(SdmxColumn c) {
        return "\"" + c.id() + "\"";
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
