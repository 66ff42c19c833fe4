package org.uncts.cts.model;

/**
 * One accepted, normalized observation: a value of one series in one year, with provenance.
 *
 * @param age     age group code: _T, Y0T9 ... Y_GE60, _U, JUVENILE, ADULT
 * @param value   null when the status is a missing status (O, M, L, K, Q)
 * @param flag    the flag as reported, kept verbatim for traceability
 */
public record Observation(
        long runId,
        String countryIso3,
        String countryM49,
        String countryName,
        String region,
        String subregion,
        int year,
        String indicator,
        String iccsCode,
        String dimension,
        String category,
        Sex sex,
        String age,
        Unit unit,
        Double value,
        ObsStatus status,
        String flag,
        String note,
        String source,
        Provenance provenance) {

    public SeriesKey seriesKey() {
        return new SeriesKey(countryIso3, indicator, iccsCode, dimension, category, sex, age, unit);
    }
}
