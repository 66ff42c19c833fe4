package org.uncts.cts.publication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A tiny release for table tests: two regions, four countries (Botswana without figures),
 * figures chosen so that every expected cell can be read off the inserts below.
 */
public final class TinyRelease {

    static final List<String> DATASETS = List.of("countries", "population", "observations", "indicators",
            "regional_aggregates", "regional_trends");

    private TinyRelease() {
    }

    /** The datasets as tables of an open (in-memory) connection. */
    public static void create(Connection db) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("""
                    CREATE TABLE countries AS SELECT * FROM (VALUES
                      ('FRA', 'France', '150', 'Europe', '155', 'Western Europe'),
                      ('DEU', 'Germany', '150', 'Europe', '155', 'Western Europe'),
                      ('KEN', 'Kenya', '002', 'Africa', '202', 'Sub-Saharan Africa'),
                      ('BWA', 'Botswana', '002', 'Africa', '202', 'Sub-Saharan Africa'))
                      t(iso3, name, region_code, region, subregion_code, subregion)""");
            st.execute("CREATE TABLE population AS SELECT 'WPP 2024' AS edition");
            // observations: counts; BWA has nothing, so it is left out of every table
            st.execute("""
                    CREATE TABLE observations AS SELECT *, country_iso3 || '|' || indicator || '|0101|' || dimension || '|Total|'
                      || sex || '|_T|COUNT' AS series_key FROM (VALUES
                      ('FRA', 2020, 'victims', 'Total', '_T', 854.0, 'A', NULL),
                      ('FRA', 2021, 'victims', 'Total', '_T', 870.0, 'E', 'estimated from police data'),
                      ('DEU', 2020, 'victims', 'Total', '_T', 1234567.0, 'A', NULL),
                      ('KEN', 2019, 'victims', 'Total', '_T', 2900.0, 'A', NULL),
                      ('KEN', 2019, 'victims', 'by mechanism', '_T', 1500.0, 'A', NULL))
                      t(country_iso3, year, indicator, dimension, sex, value, obs_status, note),
                      (SELECT '0101' AS iccs_code, 'Total' AS category, '_T' AS age, 'COUNT' AS unit)""");
            st.execute("""
                    CREATE TABLE indicators AS SELECT *, 'sdg_16_1_1|' || country_iso3 AS series_id,
                      country_iso3 || '|victims|0101|Total|Total|_T|_T|COUNT' AS numerator_series FROM (VALUES
                      ('FRA', 2020, 1.26329, 'A'),
                      ('FRA', 2021, 1.28, 'E'),
                      ('DEU', 2020, 1.45, 'A'),
                      ('KEN', 2019, 5.55, 'B'))
                      t(country_iso3, year, value, obs_status),
                      (SELECT 'sdg_16_1_1' AS formula_id, 'victims' AS base_indicator, '0101' AS iccs_code,
                        'Total' AS dimension, 'Total' AS category, '_T' AS sex, '_T' AS age)""");
            // the same rows for sdg_16_1_1 and rate_per_100k (whose numerator_sum is a region's count)
            st.execute("""
                    CREATE TABLE regional_aggregates AS SELECT * FROM (VALUES
                      ('world', '001', 'World', 2020, 2.0, true, NULL, 100.0),
                      ('world', '001', 'World', 2021, 2.1, true, 'interpolation:1', 110.0),
                      ('m49_region', '150', 'Europe', 2020, 1.35, true, NULL, 50.0),
                      ('m49_region', '002', 'Africa', 2020, 4.0, false, NULL, 60.0),
                      ('m49_subregion', '155', 'Western Europe', 2020, 1.35, true, NULL, 50.0))
                      t(grouping, region_code, region_name, year, value, published, imputation, numerator_sum),
                      (VALUES ('sdg_16_1_1'), ('rate_per_100k')) f(formula_id),
                      (SELECT 'victims' AS base_indicator, '0101' AS iccs_code,
                        'Total' AS dimension, 'Total' AS category, '_T' AS sex, '_T' AS age)""");
            st.execute("""
                    CREATE TABLE regional_trends AS SELECT * FROM (VALUES
                      ('world', '001', 'all', 2015, 2015, 2024, 10, 2, -2.345, -3.0, -1.5, -25, 0.0004, 'decreasing'),
                      ('m49_region', '150', 'all', 2015, 2015, 2024, 10, 0, 0.4, -0.2, 1.0, 5, 0.52, 'no significant trend'))
                      t(grouping, region_code, period, segment_start, first_year, last_year, n_points, n_points_imputed,
                        ols_annual_pct, ols_ci_low, ols_ci_high, mk_s, mk_p, mk_direction),
                      (SELECT 'sdg_16_1_1' AS formula_id, 'victims' AS base_indicator, '0101' AS iccs_code,
                        'Total' AS dimension, 'Total' AS category, '_T' AS sex, '_T' AS age)""");
        }
    }

    /** The datasets as Parquet files in a release folder (release/&lt;dataset&gt;/&lt;dataset&gt;.parquet). */
    public static Path write(Path release) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            create(db);
            for (String d : DATASETS) {
                Files.createDirectories(release.resolve(d));
                st.execute("COPY " + d + " TO '" + release.resolve(d).resolve(d + ".parquet") + "' (FORMAT parquet)");
            }
        }
        return release;
    }
}
