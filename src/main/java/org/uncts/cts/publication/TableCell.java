package org.uncts.cts.publication;

import java.util.List;

/**
 * One cell: a number with its decimals, or a text (e.g. "increasing"), or nothing (shown as "..").
 *
 * @param number   the value; null when there is none (then {@code text} or "..")
 * @param text     a text value (statistics such as a trend direction); null for numbers
 * @param decimals fixed decimals the number is shown with
 * @param markers  footnote markers attached to the cell ("e", "p", "b", "i", "1", ...), in order
 */
public record TableCell(Double number, String text, int decimals, List<String> markers) {

    /** The yearbook symbol for a figure not available. */
    public static final String NOT_AVAILABLE = "..";

    public TableCell {
        markers = List.copyOf(markers);
    }

    public static TableCell number(Double value, int decimals, List<String> markers) {
        return new TableCell(value, null, decimals, markers);
    }

    public static TableCell text(String text, List<String> markers) {
        return new TableCell(null, text, 0, markers);
    }

    public static TableCell missing(List<String> markers) {
        return new TableCell(null, null, 0, markers);
    }

    /** Whether the cell shows a figure (a NaN or infinite value shows as "..", like a missing one). */
    public boolean isNumber() {
        return number != null && Double.isFinite(number);
    }

    /** The markers as one plain text, "e,b"; "" when there are none. */
    public String markerText() {
        return String.join(",", markers);
    }

    /** The cell as printed, without markers: "1,234.5", "increasing" or "..". */
    public String formatted() {
        if (isNumber()) {
            return YearbookFormat.number(number, decimals);
        }
        return text != null ? text : NOT_AVAILABLE;
    }

    /**
     * The cell with its markers for plain-text formats (Markdown): "1,234.5 (e,b)", ".. (1)"; the
     * brackets match the footnote lines, "(e) Estimate." ({@link Footnote#line()}).
     */
    public String formattedWithMarkers() {
        return markers.isEmpty() ? formatted() : formatted() + " (" + markerText() + ")";
    }
}
