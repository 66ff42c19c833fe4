package org.uncts.cts.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column layouts a return can come in, and which header name feeds which field of a
 * {@link org.uncts.cts.model.RawObservation}. Header names are matched case-insensitively.
 */
public enum ReturnLayout {
    CANONICAL(Map.ofEntries(
            Map.entry("country", Field.COUNTRY), Map.entry("year", Field.YEAR),
            Map.entry("indicator", Field.INDICATOR), Map.entry("iccs_code", Field.ICCS_CODE),
            Map.entry("iccs", Field.ICCS_CODE), Map.entry("iccs code", Field.ICCS_CODE),
            Map.entry("dimension", Field.DIMENSION), Map.entry("category", Field.CATEGORY),
            Map.entry("sex", Field.SEX), Map.entry("age", Field.AGE), Map.entry("unit", Field.UNIT),
            Map.entry("value", Field.VALUE), Map.entry("flag", Field.FLAG), Map.entry("note", Field.NOTE),
            Map.entry("source", Field.SOURCE)),
            List.of("country", "year", "indicator", "value")),
    DATAUNODC(Map.ofEntries(
            Map.entry("iso3_code", Field.COUNTRY), Map.entry("year", Field.YEAR),
            Map.entry("indicator", Field.INDICATOR), Map.entry("dimension", Field.DIMENSION),
            Map.entry("category", Field.CATEGORY), Map.entry("sex", Field.SEX), Map.entry("age", Field.AGE),
            Map.entry("unit of measurement", Field.UNIT), Map.entry("value", Field.VALUE),
            Map.entry("source", Field.SOURCE)),
            List.of("iso3_code", "indicator", "year", "value")),
    /**
     * SDMX-CSV 1.0 or 2.0 of the observations dataflow (docs/sdmx.md). Headers may carry labels
     * ("REF_AREA: Reference area"). DATAFLOW, STRUCTURE, STRUCTURE_ID, ACTION and FREQ feed no
     * field: {@link SdmxCsvRows} checks them on every row.
     */
    SDMX_CSV(Map.ofEntries(
            Map.entry("ref_area", Field.COUNTRY), Map.entry("time_period", Field.YEAR),
            Map.entry("indicator", Field.INDICATOR), Map.entry("iccs", Field.ICCS_CODE),
            Map.entry("breakdown", Field.DIMENSION), Map.entry("category", Field.CATEGORY),
            Map.entry("sex", Field.SEX), Map.entry("age", Field.AGE), Map.entry("unit_measure", Field.UNIT),
            Map.entry("obs_value", Field.VALUE), Map.entry("obs_status", Field.OBS_STATUS),
            Map.entry("comment_obs", Field.NOTE), Map.entry("comment", Field.NOTE),
            Map.entry("source_detail", Field.SOURCE)),
            List.of("ref_area", "indicator", "time_period", "obs_value")),
    /**
     * Years as columns: the key columns of the canonical layout without year and value, then one
     * column per year ("2015", "2016"...), each optionally followed anywhere by its own "2015 flag"
     * and "2015 note" columns. A "flag", "note" or "source" column applies to every year of its
     * line. Each filled year cell is one observation; see {@link WideColumns}.
     */
    WIDE(Map.ofEntries(
            Map.entry("country", Field.COUNTRY), Map.entry("indicator", Field.INDICATOR),
            Map.entry("iccs_code", Field.ICCS_CODE), Map.entry("iccs", Field.ICCS_CODE), Map.entry("iccs code", Field.ICCS_CODE),
            Map.entry("dimension", Field.DIMENSION), Map.entry("category", Field.CATEGORY),
            Map.entry("sex", Field.SEX), Map.entry("age", Field.AGE), Map.entry("unit", Field.UNIT),
            Map.entry("flag", Field.FLAG), Map.entry("note", Field.NOTE), Map.entry("source", Field.SOURCE)),
            List.of("country", "indicator"));

    /** The fields of a raw observation a column can feed. */
    public enum Field { COUNTRY, YEAR, INDICATOR, ICCS_CODE, DIMENSION, CATEGORY, SEX, AGE, UNIT, VALUE, FLAG, NOTE, SOURCE,
        /** An SDMX OBS_STATUS code, for layouts that carry the status itself rather than a flag. */
        OBS_STATUS }

    private final Map<String, Field> columns;
    private final List<String> required;

    ReturnLayout(Map<String, Field> columns, List<String> required) {
        this.columns = columns;
        this.required = required;
    }

    /** The field a header cell feeds, or null for columns we carry no further (e.g. Region). */
    public Field fieldOf(String headerCell) {
        return columns.get(columnName(headerCell));
    }

    public List<String> requiredColumns() {
        return required;
    }

    /** True when the header cells hold every column this layout requires. */
    public boolean matches(List<String> headerCells) {
        List<String> names = headerCells.stream().map(this::columnName).toList();
        if (this == SDMX_CSV) {
            // what makes a file SDMX-CSV is its first columns; missing components are then named by SdmxCsvRows
            return SdmxCsvRows.isSdmxHeader(names);
        }
        if (this == WIDE) {
            // a year column and a value column make it canonical, whatever else the header has
            return names.containsAll(required) && !names.contains("year") && !names.contains("value")
                    && WideColumns.yearCount(names) >= 2;
        }
        return names.containsAll(required);
    }

    /** The layout's name as written in job specs: canonical, dataunodc, sdmx-csv, wide. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The layout a job spec names (canonical, dataunodc, sdmx-csv; case and - or _ do not matter), if any. */
    public static java.util.Optional<ReturnLayout> bySpecName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ReturnLayout l : values()) {
            if (l.specName().equals(n)) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
    }

    /** The layout and the columns that identify it, for messages: "canonical (country, year, indicator, value)". */
    public String describe() {
        if (this == WIDE) {
            return specName() + " (country, indicator and two or more year columns such as 2015, 2016)";
        }
        return this == SDMX_CSV
                ? specName() + " (DATAFLOW, or STRUCTURE and STRUCTURE_ID, then " + String.join(", ",
                        required.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList()) + ")"
                : specName() + " (" + String.join(", ", required) + ")";
    }

    /** A header cell as this layout names columns: SDMX-CSV headers may be "ID: Label", and only the id counts. */
    String columnName(String headerCell) {
        String name = normalize(headerCell);
        return this == SDMX_CSV ? SdmxCsvRows.code(name) : name;
    }

    static String normalize(String headerCell) {
        // a byte order mark inside the file (two exports pasted together) is not part of a name
        return headerCell == null ? "" : headerCell.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
