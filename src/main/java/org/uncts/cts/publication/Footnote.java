package org.uncts.cts.publication;

/**
 * A footnote of a table.
 *
 * @param marker the marker used in the cells ("e", "1"); null for a footnote about the whole table
 * @param text   what it says
 */
public record Footnote(String marker, String text) {

    /** The footnote as a line under the table: "(e) Estimate.", or the text alone when it has no marker. */
    public String line() {
        return marker == null ? text : "(" + marker + ") " + text;
    }
}
