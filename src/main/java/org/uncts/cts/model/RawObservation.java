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
        ReadProblem readProblem,
        /**
         * The column a wide-layout observation comes from (its year column, "2019"), or null for one row
         * per line: messages name it ("Column 2019: ..."); its provenance carries the same as its cell.
         */
        String column,
        /**
         * How the reader read the value under the file's number convention (decimal mark, thousands
         * separator), or null when the value cell is to be parsed as it stands.
         */
        ValueReading valueReading) {

    /**
     * Why a row could not be read as an observation at all (rule row-malformed).
     *
     * @param field   the input field the problem is in, as the file names it (SDMX-CSV {@code FREQ},
     *                {@code ACTION}, {@code STRUCTURE_ID}; {@code value} or {@code year} for an Excel
     *                cell); null when no single field is at fault (a wrong number of cells, CSV text
     *                that cannot be parsed)
     * @param message what is wrong, naming the file, line (or cell) and field
     */
    public record ReadProblem(String field, String message) {

        public ReadProblem {
            java.util.Objects.requireNonNull(message, "message");
        }

        /** A problem of the row as a whole, in no single field. */
        public static ReadProblem ofRow(String message) {
            return new ReadProblem(null, message);
        }

        /** The problems found so far (null for none) and one more, in {@code field} (null for none). */
        public static ReadProblem add(ReadProblem soFar, String field, String message) {
            ReadProblem next = new ReadProblem(field, message);
            return soFar == null ? next : soFar.and(next);
        }

        /** Both problems, in this order: the messages joined, the first field given kept. */
        public ReadProblem and(ReadProblem next) {
            return next == null ? this : new ReadProblem(field != null ? field : next.field(), message + " " + next.message());
        }
    }

    /**
     * The value cell read under a declared or detected number convention.
     *
     * @param number   the value as plain digits with a '.' decimal point ("1234.5"), for the value parser;
     *                 null when it could not be read (then ruleId and message say why)
     * @param ruleId   the row rule the value breaks (value-ambiguous-number, value-non-numeric), or null
     * @param expected what the value should look like, for the finding
     * @param message  the finding's message: file, line, field and what to declare or correct
     */
    public record ValueReading(String number, String ruleId, String expected, String message) {
    }

    /** A row of one observation per line, read without a number convention. */
    public RawObservation(Provenance provenance, String country, String year, String indicator, String iccsCode,
            String dimension, String category, String sex, String age, String unit, String value, String flag,
            String note, String source, String obsStatus, java.util.function.Supplier<String> rawTextSource,
            ReadProblem readProblem) {
        this(provenance, country, year, indicator, iccsCode, dimension, category, sex, age, unit, value, flag, note,
                source, obsStatus, rawTextSource, readProblem, null, null);
    }

    /** A row of a layout with flags (no OBS_STATUS column). */
    public RawObservation(Provenance provenance, String country, String year, String indicator, String iccsCode,
            String dimension, String category, String sex, String age, String unit, String value, String flag,
            String note, String source, java.util.function.Supplier<String> rawTextSource, ReadProblem readProblem) {
        this(provenance, country, year, indicator, iccsCode, dimension, category, sex, age, unit, value, flag, note,
                source, null, rawTextSource, readProblem, null, null);
    }

    /** This row with the value read under the file's number convention. */
    public RawObservation withValueReading(ValueReading reading) {
        return new RawObservation(provenance, country, year, indicator, iccsCode, dimension, category, sex, age, unit,
                value, flag, note, source, obsStatus, rawTextSource, readProblem, column, reading);
    }

    /** True for rows of a layout that gives SDMX OBS_STATUS codes rather than flags. */
    public boolean hasObsStatus() {
        return obsStatus != null;
    }

    public String rawText() {
        return rawTextSource == null ? "" : rawTextSource.get();
    }
}
