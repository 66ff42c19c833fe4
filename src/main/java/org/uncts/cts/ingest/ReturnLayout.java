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
            List.of("iso3_code", "indicator", "year", "value"));

    /** The fields of a raw observation a column can feed. */
    public enum Field { COUNTRY, YEAR, INDICATOR, ICCS_CODE, DIMENSION, CATEGORY, SEX, AGE, UNIT, VALUE, FLAG, NOTE, SOURCE }

    private final Map<String, Field> columns;
    private final List<String> required;

    ReturnLayout(Map<String, Field> columns, List<String> required) {
        this.columns = columns;
        this.required = required;
    }

    /** The field a header cell feeds, or null for columns we carry no further (e.g. Region). */
    public Field fieldOf(String headerCell) {
        return columns.get(normalize(headerCell));
    }

    public List<String> requiredColumns() {
        return required;
    }

    /** True when the header cells hold every column this layout requires. */
    public boolean matches(List<String> headerCells) {
        List<String> names = headerCells.stream().map(ReturnLayout::normalize).toList();
        return names.containsAll(required);
    }

    /** The layout's name as written in job specs. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String normalize(String headerCell) {
        return headerCell == null ? "" : headerCell.strip().toLowerCase(Locale.ROOT);
    }
}
