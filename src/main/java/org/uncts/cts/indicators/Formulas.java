package org.uncts.cts.indicators;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of every derived indicator (docs/indicators.md). Each formula is one SELECT over the
 * cycle's counts ({@code obs}) and the population ({@code pop}) giving the columns of table
 * {@code ind}: formula_id, country, year, base indicator, breakdown, value, unit, numerator,
 * denominator, their sources, status and a note when the value is missing.
 */
final class Formulas {

    static final List<String> IDS = List.of(
            "rate_per_100k", "sdg_16_1_1", "prison_population_rate", "police_per_100k",
            "sdg_16_3_2", "occupancy_pct",
            "share_female_of_total", "share_female_of_known", "share_of_total", "share_of_known",
            "prosecuted_per_100_suspected", "convicted_per_100_prosecuted", "convicted_per_100_suspected",
            "convicted_per_100_offences");

    private static final String HOMICIDE = "indicator = 'victims_intentional_homicide' AND iccs_code = '0101' "
            + "AND dimension = 'Total' AND category = 'Total'";
    private static final String HELD_TOTAL = "indicator = 'persons_held' AND dimension = 'Total' AND category = 'Total'";
    /** A category that counts cases whose category is not known (relationship unknown, unspecified means). */
    private static final String UNKNOWN_CATEGORY = "(lower(category) LIKE '%unknown%' OR lower(category) LIKE '%unspecified%')";

    private Formulas() {
    }

    static List<String> all() {
        List<String> out = new ArrayList<>();
        // rates per 100,000: a count over the population of the same country, year and sex; victims of
        // unknown sex count in the total only, and age groups have no population yet
        out.add(rate("rate_per_100k", "indicator <> 'prison_capacity'"));
        out.add(rate("sdg_16_1_1", HOMICIDE));
        out.add(rate("prison_population_rate", HELD_TOTAL));
        out.add(rate("police_per_100k", "indicator = 'criminal_justice_personnel' AND dimension = 'Total' "
                + "AND lower(category) = 'police personnel'"));
        // SDG 16.3.2: unsentenced detainees as a share of all persons held (same day, same country)
        out.add(ratio("sdg_16_3_2", DerivedIndicators.PERCENT, 100, "n.indicator",
                "n.indicator = 'persons_held' AND lower(n.dimension) = 'by sentence status' AND lower(n.category) = 'unsentenced'",
                "d.indicator = 'persons_held' AND d.dimension = 'Total' AND d.category = 'Total'",
                List.of("country_iso3", "year", "iccs_code", "sex", "age"), "n.dimension", "n.category"));
        out.add(ratio("occupancy_pct", DerivedIndicators.PERCENT, 100, "n.indicator",
                "n.indicator = 'persons_held' AND n.dimension = 'Total' AND n.category = 'Total' AND n.sex = '_T'",
                "d.indicator = 'prison_capacity' AND d.sex = '_T'",
                List.of("country_iso3", "year", "iccs_code", "age"), "n.dimension", "n.category"));
        // shares of women: of the total, and of the cases whose sex is known
        out.add(ratio("share_female_of_total", DerivedIndicators.PERCENT, 100, "n.indicator", "n.sex = 'F'", "d.sex = '_T'",
                List.of("country_iso3", "year", "indicator", "iccs_code", "dimension", "category", "age"), "n.dimension", "n.category"));
        out.add(shareOfKnownSex());
        // shares of a breakdown's categories (mechanism, relationship, sentence status, ...)
        out.add(ratio("share_of_total", DerivedIndicators.PERCENT, 100, "n.indicator", "n.dimension <> 'Total'",
                "d.dimension = 'Total' AND d.category = 'Total'",
                List.of("country_iso3", "year", "indicator", "iccs_code", "sex", "age"), "n.dimension", "n.category"));
        out.add(shareOfKnownCategory());
        // criminal justice ratios: only where stage, offence, breakdown and year match
        List<String> stageKey = List.of("country_iso3", "year", "iccs_code", "dimension", "category", "sex", "age");
        out.add(ratio("prosecuted_per_100_suspected", DerivedIndicators.PER_100, 100, "n.indicator",
                "n.indicator = 'persons_prosecuted'", "d.indicator = 'persons_suspected'", stageKey, "n.dimension", "n.category"));
        out.add(ratio("convicted_per_100_prosecuted", DerivedIndicators.PER_100, 100, "n.indicator",
                "n.indicator = 'persons_convicted'", "d.indicator = 'persons_prosecuted'", stageKey, "n.dimension", "n.category"));
        out.add(ratio("convicted_per_100_suspected", DerivedIndicators.PER_100, 100, "n.indicator",
                "n.indicator = 'persons_convicted'", "d.indicator = 'persons_suspected'", stageKey, "n.dimension", "n.category"));
        out.add(ratio("convicted_per_100_offences", DerivedIndicators.PER_100, 100, "n.indicator",
                "n.indicator = 'persons_convicted' AND n.sex = '_T'", "d.indicator = 'offences_recorded' AND d.sex = '_T'",
                List.of("country_iso3", "year", "iccs_code", "dimension", "category", "age"), "n.dimension", "n.category"));
        return out;
    }

    private static String rate(String id, String filter) {
        return "SELECT '" + id + "', o.country_iso3, o.year, o.indicator, o.iccs_code, o.dimension, o.category, o.sex, o.age, "
                + "CASE WHEN o.value IS NULL OR p.population IS NULL OR p.population <= 0 THEN NULL "
                + "ELSE 100000 * o.value / p.population END, '" + DerivedIndicators.PER_100K + "', "
                + "o.value, p.population, o.series_key, p.pop_source, "
                + "CASE WHEN o.value IS NOT NULL AND p.population IS NULL THEN 'O' ELSE o.obs_status END, "
                + "CASE WHEN o.value IS NULL THEN 'count not available (status ' || o.obs_status || ')' "
                + "WHEN p.population IS NULL THEN 'no population for ' || o.country_iso3 || ', ' || o.year || ', sex ' || o.sex "
                + "WHEN p.population <= 0 THEN 'population is zero' END "
                + "FROM obs o LEFT JOIN pop p ON p.country_iso3 = o.country_iso3 AND p.year = o.year AND p.sex = o.sex "
                + "WHERE o.sex <> '_U' AND o.age = '_T' AND " + filter.replaceAll("\\b(indicator|iccs_code|dimension|category)\\b", "o.$1");
    }

    /**
     * multiplier x numerator / denominator, for rows n and d that agree on the given key fields.
     * Status: the numerator's unless it is A, then the denominator's.
     */
    private static String ratio(String id, String unit, int multiplier, String base, String numerator, String denominator,
                                List<String> key, String dimension, String category) {
        String on = on("n", "d", key);
        return "SELECT '" + id + "', n.country_iso3, n.year, " + base + ", n.iccs_code, " + dimension + ", " + category
                + ", n.sex, n.age, "
                + "CASE WHEN n.value IS NULL OR d.value IS NULL OR d.value = 0 THEN NULL ELSE " + multiplier
                + " * n.value / d.value END, '" + unit + "', n.value, d.value, n.series_key, d.series_key, "
                + "CASE WHEN n.obs_status <> 'A' THEN n.obs_status ELSE d.obs_status END, "
                + "CASE WHEN n.value IS NULL THEN 'numerator not available (status ' || n.obs_status || ')' "
                + "WHEN d.value IS NULL THEN 'denominator not available (status ' || d.obs_status || ')' "
                + "WHEN d.value = 0 THEN 'denominator is zero' END "
                + "FROM obs n JOIN obs d ON " + on + " WHERE " + numerator + " AND " + denominator;
    }

    /** Women as a share of the cases whose sex is known: F / (Total - Unknown); Unknown counts as 0 when not given. */
    private static String shareOfKnownSex() {
        List<String> key = List.of("country_iso3", "year", "indicator", "iccs_code", "dimension", "category", "age");
        return "SELECT 'share_female_of_known', n.country_iso3, n.year, n.indicator, n.iccs_code, n.dimension, n.category, "
                + "n.sex, n.age, CASE WHEN n.value IS NULL OR d.value IS NULL OR d.value - coalesce(u.value, 0) <= 0 THEN NULL "
                + "ELSE 100 * n.value / (d.value - coalesce(u.value, 0)) END, '" + DerivedIndicators.PERCENT + "', "
                + "n.value, d.value - coalesce(u.value, 0), n.series_key, "
                + "d.series_key || CASE WHEN u.series_key IS NULL THEN '' ELSE ' less ' || u.series_key END, "
                + "CASE WHEN n.obs_status <> 'A' THEN n.obs_status ELSE d.obs_status END, "
                + "CASE WHEN n.value IS NULL OR d.value IS NULL THEN 'count not available' "
                + "WHEN d.value - coalesce(u.value, 0) <= 0 THEN 'no case of known sex' END "
                + "FROM obs n JOIN obs d ON " + on("n", "d", key) + " AND d.sex = '_T' "
                + "LEFT JOIN obs u ON " + on("n", "u", key) + " AND u.sex = '_U' "
                + "WHERE n.sex = 'F'";
    }

    private static String on(String a, String b, List<String> key) {
        return String.join(" AND ", key.stream().map(f -> a + "." + f + " = " + b + "." + f).toList());
    }

    /**
     * A category as a share of the cases whose category is known: the total less the dimension's
     * unknown category ('... unknown', 'Unspecified ...'); no share of known for the unknown category itself.
     */
    private static String shareOfKnownCategory() {
        String key = "country_iso3, year, indicator, iccs_code, sex, age";
        return "WITH unknown AS (SELECT " + key + ", dimension, value AS unknown_value, series_key AS unknown_series "
                + "FROM obs WHERE dimension <> 'Total' AND " + UNKNOWN_CATEGORY + ") "
                + "SELECT 'share_of_known', n.country_iso3, n.year, n.indicator, n.iccs_code, n.dimension, n.category, n.sex, n.age, "
                + "CASE WHEN n.value IS NULL OR d.value IS NULL OR d.value - coalesce(u.unknown_value, 0) <= 0 THEN NULL "
                + "ELSE 100 * n.value / (d.value - coalesce(u.unknown_value, 0)) END, '" + DerivedIndicators.PERCENT + "', "
                + "n.value, d.value - coalesce(u.unknown_value, 0), n.series_key, "
                + "d.series_key || CASE WHEN u.unknown_series IS NULL THEN '' ELSE ' less ' || u.unknown_series END, "
                + "CASE WHEN n.obs_status <> 'A' THEN n.obs_status ELSE d.obs_status END, "
                + "CASE WHEN n.value IS NULL OR d.value IS NULL THEN 'count not available' "
                + "WHEN d.value - coalesce(u.unknown_value, 0) <= 0 THEN 'no case of known category' END "
                + "FROM obs n JOIN obs d ON n.country_iso3 = d.country_iso3 AND n.year = d.year AND n.indicator = d.indicator "
                + "AND n.iccs_code = d.iccs_code AND n.sex = d.sex AND n.age = d.age AND d.dimension = 'Total' AND d.category = 'Total' "
                + "LEFT JOIN unknown u ON u.country_iso3 = n.country_iso3 AND u.year = n.year AND u.indicator = n.indicator "
                + "AND u.iccs_code = n.iccs_code AND u.sex = n.sex AND u.age = n.age AND u.dimension = n.dimension "
                + "WHERE n.dimension <> 'Total' AND NOT " + UNKNOWN_CATEGORY.replace("category", "n.category");
    }
}
