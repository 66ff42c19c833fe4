package org.uncts.cts.model;

/**
 * Where a row came from: the input file, its physical line (1-based), the file's SHA-256 and,
 * where one line holds several observations, the cell within it.
 *
 * @param cell the observation's cell where the line alone does not locate it: an Excel cell as
 *             {@code Sheet!A1} ({@code Table1!D6}), or a wide CSV's year column header as written
 *             ({@code 2019}); null for layouts with one observation per line
 */
public record Provenance(String file, long line, String sha256, String cell) {

    /** A row of a layout with one observation per line: no cell. */
    public Provenance(String file, long line, String sha256) {
        this(file, line, sha256, null);
    }

    /**
     * How a person is told where the cell is: "cell Table1!D6" for an Excel cell (it names its
     * sheet), "column 2019" for a wide CSV's year column; null for no cell.
     */
    public static String describeCell(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        return (cell.indexOf('!') >= 0 ? "cell " : "column ") + cell;
    }

    /** The same line, at a cell of it. */
    public Provenance atCell(String cell) {
        return new Provenance(file, line, sha256, cell);
    }
}
