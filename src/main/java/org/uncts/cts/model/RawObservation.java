package org.uncts.cts.model;

/**
 * One data row of a return exactly as read, before any normalization. Every field is the raw
 * text of its cell (trimmed of surrounding blanks), or null when the layout has no such column.
 *
 * @param rawText the row as it stood in the file, kept for rejected_rows; computed on demand
 *                because almost every row is accepted and never needs it
 */
public record RawObservation(
        Provenance provenance,
        String country,
        String year,
        String indicator,
        String iccsCode,
        String dimension,
        String category,
        String sex,
        String age,
        String unit,
        String value,
        String flag,
        String note,
        String source,
        java.util.function.Supplier<String> rawTextSource,
        /** A structural problem found while reading (e.g. wrong number of cells), or null. */
        String readProblem) {

    public String rawText() {
        return rawTextSource == null ? "" : rawTextSource.get();
    }
}
