package org.uncts.cts.publication;

import java.util.List;

/**
 * One row: a heading (region or subregion name, no cells), a country or area, or a regional or
 * world aggregate.
 *
 * @param kind  what the row is
 * @param level indentation level: 0 for region and world rows, 1 subregion, 2 country
 * @param label the row label (country or region name)
 * @param code  ISO3 code or M49 region code; null for headings without one
 * @param cells one per column (empty for a heading)
 */
public record TableRow(Kind kind, int level, String label, String code, List<TableCell> cells) {

    public enum Kind { HEADING, COUNTRY, AGGREGATE }

    public TableRow {
        cells = List.copyOf(cells);
    }
}
