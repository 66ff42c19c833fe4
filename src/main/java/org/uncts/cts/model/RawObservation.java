package org.uncts.cts.model;

/**
 * One data row of a return exactly as read, before any normalization. Every field is the raw
 * text of its cell (trimmed of surrounding blanks), or null when the layout has no such column.
 *
 * @param rawText the row as parsed, re-joined with the file's delimiter, kept for rejected_rows
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
        String rawText,
        /** A structural problem found while reading (e.g. wrong number of cells), or null. */
        String readProblem) {
}
