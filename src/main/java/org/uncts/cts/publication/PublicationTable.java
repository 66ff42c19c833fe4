package org.uncts.cts.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * @param source    the source, without the "Source:" label, which the renderers add ({@link #sourceLine()}); may be null
 */
public record PublicationTable(String name, String title, String subtitle, String stubHeader, List<TableColumn> columns,
                               List<TableRow> rows, List<Footnote> footnotes, List<String> notes, String source) {

    public PublicationTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        footnotes = List.copyOf(footnotes);
        notes = List.copyOf(notes);
        // every renderer puts cell i under column i: a short or long row would shift figures silently
        for (TableRow row : rows) {
            if (row.kind() != TableRow.Kind.HEADING && row.cells().size() != columns.size()) {
                throw new IllegalArgumentException("Row \"" + row.label() + "\" of table " + name + " has "
                        + row.cells().size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    /**
     * A run of adjacent columns under one spanning header.
     *
     * @param header the group header; null for a run of columns without a group
     * @param first  index of the run's first column in {@link #columns()}
     * @param span   how many columns the run covers
     */
    public record ColumnGroup(String header, int first, int span) {
    }

    /** The data rows only (no headings). */
    public List<TableRow> dataRows() {
        return rows.stream().filter(r -> r.kind() != TableRow.Kind.HEADING).toList();
    }

    /** Whether any column has a spanning group header, so that the header takes two rows. */
    public boolean hasColumnGroups() {
        return columns.stream().anyMatch(c -> c.group() != null);
    }

    /**
     * The spanning headers left to right: one per run of adjacent columns with the same group
     * (columns without a group form runs with a null header). Two runs may carry the same header
     * when other columns stand between them.
     */
    public List<ColumnGroup> columnGroups() {
        List<ColumnGroup> groups = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= columns.size(); i++) {
            if (i == columns.size() || !Objects.equals(columns.get(i).group(), columns.get(first).group())) {
                groups.add(new ColumnGroup(columns.get(first).group(), first, i - first));
                first = i;
            }
        }
        return List.copyOf(groups);
    }

    /** "Source: " and the source, or null when the table has none. */
    public String sourceLine() {
        if (source == null || source.isBlank()) {
            return null;
        }
        // tolerate a source that already carries the label, rather than print it twice
        return source.regionMatches(true, 0, "Source:", 0, 7) ? source : "Source: " + source;
    }
}
