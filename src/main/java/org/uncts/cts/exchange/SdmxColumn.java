package org.uncts.cts.exchange;

/**
 * One component column of an SDMX-CSV file and where its cells come from.
 *
 * @param id     the component id, the column header (REF_AREA, OBS_VALUE, OBS_STATUS...)
 * @param role   dimension, time dimension, measure or attribute
 * @param source the SQL expression over the dataset's view that gives the cell (a column, or a constant such as 'A')
 * @param kind   how the value is written
 */
public record SdmxColumn(String id, Role role, String source, Kind kind) {

    public enum Role {
        DIMENSION, TIME_DIMENSION, MEASURE, ATTRIBUTE;

        /** As docs/sdmx.md names it. */
        public String label() {
            return switch (this) {
                case DIMENSION -> "dimension";
                case TIME_DIMENSION -> "dimension (time)";
                case MEASURE -> "measure";
                case ATTRIBUTE -> "attribute";
            };
        }
    }

    public enum Kind {
        /** Written as it stands in the dataset (null as an empty cell). */
        TEXT,
        /** A DOUBLE written as a plain decimal number ({@link SdmxNumbers#plain}). */
        NUMBER,
        /** An indicator's unit label ("per 100,000 population") written as a code ({@link SdmxNumbers#unitCode}). */
        UNIT_CODE
    }

    public boolean isDimension() {
        return role == Role.DIMENSION || role == Role.TIME_DIMENSION;
    }

    static SdmxColumn dimension(String id, String source) {
        return new SdmxColumn(id, Role.DIMENSION, source, Kind.TEXT);
    }

    static SdmxColumn unitDimension(String id, String source) {
        return new SdmxColumn(id, Role.DIMENSION, source, Kind.UNIT_CODE);
    }

    static SdmxColumn time(String id, String source) {
        return new SdmxColumn(id, Role.TIME_DIMENSION, source, Kind.TEXT);
    }

    static SdmxColumn measure(String id, String source) {
        return new SdmxColumn(id, Role.MEASURE, source, Kind.NUMBER);
    }

    static SdmxColumn attribute(String id, String source) {
        return new SdmxColumn(id, Role.ATTRIBUTE, source, Kind.TEXT);
    }

    static SdmxColumn numberAttribute(String id, String source) {
        return new SdmxColumn(id, Role.ATTRIBUTE, source, Kind.NUMBER);
    }
}
