package org.uncts.cts.model;

/** Identifies a time series: everything about an observation except its year and value. */
public record SeriesKey(
        String countryIso3,
        String indicator,
        String iccsCode,
        String dimension,
        String category,
        Sex sex,
        String age,
        Unit unit) {

    /** A stable, readable text form used in findings and as a join key in SQL. */
    @Override
    public String toString() {
        return String.join("|", countryIso3, indicator, iccsCode == null ? "" : iccsCode,
                dimension, category, sex.code(), age, unit.name());
    }
}
