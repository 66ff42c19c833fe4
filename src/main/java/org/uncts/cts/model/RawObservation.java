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
        /**
         * The SDMX OBS_STATUS code as given ("" when blank or absent), for layouts that carry the
         * status itself (SDMX-CSV); null for layouts with flags, whose status comes from {@code flag}.
         */
        String obsStatus,
        java.util.function.Supplier<String> rawTextSource,
        /** A structural problem found while reading (e.g. wrong number of cells), or null. */
        String readProblem) {

    /** A row of a layout with flags (no OBS_STATUS column). */
    public RawObservation(Provenance provenance, String country, String year, String indicator, String iccsCode,
            String dimension, String category, String sex, String age, String unit, String value, String flag,
            String note, String source, java.util.function.Supplier<String> rawTextSource, String readProblem) {
        this(provenance, country, year, indicator, iccsCode, dimension, category, sex, age, unit, value, flag, note,
                source, null, rawTextSource, readProblem);
    }

    /** True for rows of a layout that gives SDMX OBS_STATUS codes rather than flags. */
    public boolean hasObsStatus() {
        return obsStatus != null;
    }

    public String rawText() {
        return rawTextSource == null ? "" : rawTextSource.get();
    }
}
