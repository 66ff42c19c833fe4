package org.uncts.cts.publication;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.uncts.cts.report.ReportTemplates;

/**
 * A publication table as a self-contained, printable HTML page (template
 * {@code src/main/resources/publication/table.html}, CSS inline, nothing loaded from elsewhere).
 *
 * <ul>
 *   <li>A real {@code <table>}: the header in {@code <thead>} (with groups, a first row of
 *       spanning group headers, {@code colspan}; columns outside a group and the stub header span
 *       both rows), each row label a {@code <th scope="row">}, heading rows one cell across the
 *       table, indentation by the row's level.</li>
 *   <li>Figures right-aligned in tabular figures (class {@code num}; {@code na} for "..",
 *       {@code txt} for a text statistic); markers as {@code <sup>} after the figure, in a margin
 *       of their own so that figures with and without markers stay aligned.</li>
 *   <li>Footnotes as a list under the table (marker as {@code <sup>}), then the notes and the
 *       source line.</li>
 *   <li>Every text goes through {@code th:text}, so labels and notes are escaped.</li>
 * </ul>
 */
public final class HtmlTable {

    /** The deepest indentation the page's CSS has a class for ({@code level-0} to {@code level-6}). */
    static final int MAX_LEVEL = 6;

    private static final TemplateEngine ENGINE = ReportTemplates.engine("publication/");

    /** What the template is given: text ready to show. Public only so that the template engine can read it. */
    public record Page(String title, String subtitle, List<List<HeaderCell>> headerRows, int width,
                       List<BodyRow> rows, List<Footnote> footnotes, List<String> notes, String source) {
    }

    /**
     * A header cell.
     *
     * @param scope   "col", or "colgroup" for a group header
     * @param colspan columns spanned (1 for none)
     * @param rowspan header rows spanned (1 for none)
     * @param cssClass "stub" for the stub header, else "col" or "group"
     */
    public record HeaderCell(String text, String scope, int colspan, int rowspan, String cssClass) {
    }

    /**
     * A body row.
     *
     * @param cssClass the row kind ("heading", "country", "aggregate")
     * @param level    indentation level, at most {@link #MAX_LEVEL}
     * @param cells    empty for a heading row, whose label spans the table
     */
    public record BodyRow(String cssClass, boolean heading, int level, String label, List<BodyCell> cells) {
    }

    /**
     * A data cell.
     *
     * @param text     the figure as printed ("1,234.5"), the text, or ".."
     * @param markers  "e,b", or "" for none
     * @param cssClass "num", "na" or "txt"
     */
    public record BodyCell(String text, String markers, String cssClass) {
    }

    private HtmlTable() {
    }

    /** Writes the page, UTF-8, to {@code out}, which is flushed but left open. */
    public static void write(PublicationTable table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ENGINE.process("table", context(table), writer);
        writer.flush();
    }

    /** The page as text. */
    public static String render(PublicationTable table) {
        return ENGINE.process("table", context(table));
    }

    private static Context context(PublicationTable table) {
        return new Context(Locale.ENGLISH, Map.of("page", page(table)));
    }

    /** The template's model of {@code table}. */
    static Page page(PublicationTable table) {
        List<List<HeaderCell>> headerRows = new ArrayList<>();
        boolean grouped = table.hasColumnGroups();
        int headerHeight = grouped ? 2 : 1;
        List<HeaderCell> top = new ArrayList<>();
        List<HeaderCell> second = new ArrayList<>();
        top.add(new HeaderCell(table.stubHeader(), "col", 1, headerHeight, "stub"));
        for (PublicationTable.ColumnGroup g : table.columnGroups()) {
            if (grouped && g.header() != null) {
                top.add(new HeaderCell(g.header(), "colgroup", g.span(), 1, "group"));
            }
            for (int i = g.first(); i < g.first() + g.span(); i++) {
                HeaderCell cell = new HeaderCell(table.columns().get(i).header(), "col", 1, 1, "col");
                if (grouped && g.header() != null) {
                    second.add(cell);
                } else {
                    top.add(new HeaderCell(cell.text(), "col", 1, headerHeight, "col"));
                }
            }
        }
        headerRows.add(top);
        if (grouped) {
            headerRows.add(second);
        }

        List<BodyRow> rows = new ArrayList<>();
        for (TableRow r : table.rows()) {
            boolean heading = r.kind() == TableRow.Kind.HEADING;
            List<BodyCell> cells = new ArrayList<>();
            if (!heading) {
                for (TableCell c : r.cells()) {
                    String cssClass = c.isNumber() ? "num" : c.text() != null ? "txt" : "na";
                    cells.add(new BodyCell(c.formatted(), c.markerText(), cssClass));
                }
            }
            rows.add(new BodyRow(r.kind().name().toLowerCase(Locale.ROOT), heading,
                    Math.max(0, Math.min(MAX_LEVEL, r.level())), r.label(), cells));
        }
        return new Page(table.title(), table.subtitle(), headerRows, table.columns().size() + 1, rows,
                table.footnotes(), table.notes(), table.sourceLine());
    }
}
