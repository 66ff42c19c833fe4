package org.uncts.cts.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The DuckDB query behind an SDMX-CSV file, shaped so that a row crosses JDBC as few objects as
 * possible: the driver builds one Java object per text cell, and with a dozen text cells a row
 * that cost most of the export's time. DuckDB therefore joins a row's text cells into one UTF-8
 * BLOB, and the numbers come as DOUBLEs, to be written by {@link SdmxNumbers#plain(double)}.
 *
 * <p>The text cells are joined as they stand, unquoted, so DuckDB also says whether the row is
 * <em>plain</em>: no cell Commons CSV would quote. The other rows (a note with a comma, a quote
 * or a line break...) bring their cells one by one as well, and the writer prints them through
 * Commons CSV as before. Result columns, in this order:
 * <ol>
 * <li>{@code plain} BOOLEAN;</li>
 * <li>the BLOB of the text cells, comma-separated in file order: the text runs (the cells
 *     between two numbers) one after the other, separated by one comma; null unless plain;</li>
 * <li>for each run but the last, the byte offset where it ends in the BLOB;</li>
 * <li>each number, in file order;</li>
 * <li>each text cell by itself, as the dataset holds it (the unit label, not its code), in file
 *     order; null when the row is plain.</li>
 * </ol>
 * Rows are sorted as {@code ORDER BY ALL} over the components' sources in file order.
 *
 * @param sql         the query
 * @param parts       the runs and numbers of a plain row, in file order
 * @param runs        how many text runs there are
 * @param cellColumns for each component in file order, the result column of its number, or of
 *                    its text cell by itself
 */
record SdmxRowQuery(String sql, List<Part> parts, int runs, List<Integer> cellColumns) {

    /** Result column of the plain flag. */
    static final int PLAIN = 1;
    /** Result column of the text BLOB. */
    static final int TEXT = 2;

    /** A part of a plain row: text run {@code run} (0, 1...) or, when {@code run} is -1, the number in {@code column}. */
    record Part(int run, int column) {
        boolean isNumber() {
            return run < 0;
        }
    }

    /**
     * One text cell that Commons CSV (RFC 4180, minimal quoting) leaves unquoted when it is not the
     * first of its record: empty; or not starting with a character up to '#' (space, controls,
     * '!', '"', '#') nor with a comma, holding no comma, quote, CR or LF, and not ending with a
     * character up to ' '. Kept in step with {@code CSVFormat.printWithQuotes}.
     */
    static final String UNQUOTED_CELL = "(?:[^\\x00-#,][^,\"\\r\\n]*[^\\x00- ,\"]|[^\\x00-#,]|)";

    /**
     * @param unitCodes the SDMX code of every unit label the dataset holds ({@link SdmxNumbers#unitCode}),
     *                  for the UNIT_CODE columns
     */
    static SdmxRowQuery of(SdmxDataflow flow, Map<String, String> unitCodes) {
        List<SdmxColumn> columns = flow.columns();
        List<List<SdmxColumn>> runs = new ArrayList<>();
        List<SdmxColumn> numbers = new ArrayList<>();
        List<SdmxColumn> texts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            SdmxColumn c = columns.get(i);
            if (isNumber(c)) {
                numbers.add(c);
            } else {
                if (startsRun(columns, i)) {
                    runs.add(new ArrayList<>());
                }
                runs.get(runs.size() - 1).add(c);
                texts.add(c);
            }
        }
        int firstNumber = TEXT + runs.size(); // after the BLOB, one end offset per run but the last
        int firstCell = firstNumber + numbers.size();
        List<Part> parts = new ArrayList<>();
        List<Integer> cellColumns = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < columns.size(); i++) {
            SdmxColumn c = columns.get(i);
            if (isNumber(c)) {
                parts.add(new Part(-1, firstNumber + numbers.indexOf(c)));
                cellColumns.add(firstNumber + numbers.indexOf(c));
            } else {
                if (startsRun(columns, i)) {
                    parts.add(new Part(run++, -1));
                }
                cellColumns.add(firstCell + texts.indexOf(c));
            }
        }

        // innermost: the components under their ids; then each run's text; then the row's text and where runs end
        String components = columns.stream().map(c -> c.source() + " AS " + id(c)).collect(Collectors.joining(", "));
        List<String> runTexts = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            runTexts.add(joined(runs.get(i).stream().map(c -> cellText(c, unitCodes)).toList()) + " AS sdmx_run" + i);
        }
        List<String> runNames = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        String end = null;
        for (int i = 0; i < runs.size(); i++) {
            runNames.add("sdmx_run" + i);
            end = end == null ? "strlen(sdmx_run0)" : end + " + 1 + strlen(sdmx_run" + i + ")";
            if (i < runs.size() - 1) {
                ends.add("CAST(" + end + " AS INTEGER) AS sdmx_end" + i);
            }
        }
        String pattern = UNQUOTED_CELL + (texts.size() > 1 ? "(?:," + UNQUOTED_CELL + "){" + (texts.size() - 1) + "}" : "");

        List<String> select = new ArrayList<>();
        select.add("sdmx_plain");
        select.add("CASE WHEN sdmx_plain THEN encode(sdmx_text) END");
        for (int i = 0; i < runs.size() - 1; i++) {
            select.add("sdmx_end" + i);
        }
        numbers.forEach(c -> select.add(id(c)));
        texts.forEach(c -> select.add("CASE WHEN NOT sdmx_plain THEN " + id(c) + " END"));

        String sql = "SELECT " + String.join(", ", select)
                + " FROM (SELECT *, regexp_full_match(sdmx_text, " + literal(pattern) + ") AS sdmx_plain"
                + " FROM (SELECT *, " + joined(runNames) + " AS sdmx_text" + (ends.isEmpty() ? "" : ", " + String.join(", ", ends))
                + " FROM (SELECT *, " + String.join(", ", runTexts)
                + " FROM (SELECT " + components + " FROM " + flow.dataset() + "))))"
                // as ORDER BY ALL over the sources: sorted by series, then year, then the rest
                + " ORDER BY " + columns.stream().map(SdmxRowQuery::id).collect(Collectors.joining(", "));
        return new SdmxRowQuery(sql, List.copyOf(parts), runs.size(), List.copyOf(cellColumns));
    }

    private static boolean isNumber(SdmxColumn c) {
        return c.kind() == SdmxColumn.Kind.NUMBER;
    }

    /** A text column right after a number, or first: the start of a run of text cells. */
    private static boolean startsRun(List<SdmxColumn> columns, int i) {
        return !isNumber(columns.get(i)) && (i == 0 || isNumber(columns.get(i - 1)));
    }

    /** A component's text as the JDBC driver's getString gives it (the sources are VARCHAR or integers); NULL joins as ''. */
    private static String cellText(SdmxColumn c, Map<String, String> unitCodes) {
        String text = "CAST(" + id(c) + " AS VARCHAR)";
        if (c.kind() != SdmxColumn.Kind.UNIT_CODE) {
            return text;
        }
        StringBuilder mapped = new StringBuilder("CASE ").append(text);
        unitCodes.forEach((label, code) -> mapped.append(" WHEN ").append(literal(label)).append(" THEN ").append(literal(code)));
        return unitCodes.isEmpty() ? "''" : mapped.append(" ELSE '' END").toString();
    }

    /** concat() of the expressions with a comma between them; concat reads NULL as ''. */
    private static String joined(List<String> expressions) {
        return "concat(" + String.join(", ',', ", expressions) + (expressions.size() == 1 ? ", ''" : "") + ")";
    }

    private static String id(SdmxColumn c) {
        return "\"" + c.id() + "\"";
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
