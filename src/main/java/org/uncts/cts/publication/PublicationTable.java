package org.uncts.cts.publication;

import java.util.List;

/**
 * A table ready for a publication: what every output format (Markdown, CSV, XLSX, HTML) renders,
 * so that they all show the same cells, markers and footnotes.
 *
 * @param name      the definition's name (file names use it)
 * @param title     e.g. "Intentional homicide victims per 100,000 population, by country, 2015-2024"
 * @param subtitle  unit line, e.g. "Rate per 100,000 population"; may be null
 * @param stubHeader header of the row-label column, e.g. "Region / country or area"
 * @param columns   the data columns, left to right
 * @param rows      heading rows and data rows, top to bottom
 * @param footnotes the markers used in the cells, with their text, in order of first use
 * @param notes     general notes shown under the footnotes (symbols, coverage rule)
 * @param source    the source line
 */
public record PublicationTable(String name, String title, String subtitle, String stubHeader, List<TableColumn> columns,
                               List<TableRow> rows, List<Footnote> footnotes, List<String> notes, String source) {

    public PublicationTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        footnotes = List.copyOf(footnotes);
        notes = List.copyOf(notes);
    }

    /** The data rows only (no headings). */
    public List<TableRow> dataRows() {
        return rows.stream().filter(r -> r.kind() != TableRow.Kind.HEADING).toList();
    }

    /** The column group headers in order, one per run of columns sharing a group; empty when no column has one. */
    public boolean hasColumnGroups() {
        return columns.stream().anyMatch(c -> c.group() != null);
    }
}
