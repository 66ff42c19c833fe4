package org.uncts.cts.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicators dataset: values derived from a cycle's accepted observations and the reference
 * population, in DuckDB SQL, one row per formula, country, breakdown and year, each with its
 * inputs (numerator, denominator and where they came from). Formulas and their ids are listed in
 * docs/indicators.md. A missing input gives a row with a null value and a note, never a value
 * computed from something else.
 */
public final class DerivedIndicators {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DerivedIndicators.class);

    static final String PER_100K = "per 100,000 population";
    static final String PERCENT = "percent";
    static final String PER_100 = "per 100";

    /** How many rows each formula produced, in the order of the formulas. */
    public record Result(Map<String, Long> rowsByFormula, long rows) {
    }

    private DerivedIndicators() {
    }

    /**
     * @param observations Parquet glob of the cycle's accepted observations (published columns)
     * @param population   Parquet file(s) of the population dataset (country_iso3, year, sex, population, source, edition)
     */
    public static Result write(String observations, String population, Path output, long runId) {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET preserve_insertion_order = false");
            st.execute("CREATE TEMP TABLE obs AS SELECT country_iso3, year, indicator, coalesce(iccs_code, '') AS iccs_code, "
                    + "dimension, category, sex, age, unit, value, obs_status, series_key "
                    + "FROM read_parquet(" + quote(observations) + ", hive_partitioning = false) WHERE unit = 'COUNT'");
            st.execute("CREATE TEMP TABLE pop AS SELECT country_iso3, year, sex, population, "
                    + "source || coalesce(' (' || edition || ')', '') AS pop_source FROM read_parquet(" + quote(population) + ")");
            st.execute("CREATE TEMP TABLE ind (formula_id VARCHAR, country_iso3 VARCHAR, year INTEGER, base_indicator VARCHAR, "
                    + "iccs_code VARCHAR, dimension VARCHAR, category VARCHAR, sex VARCHAR, age VARCHAR, value DOUBLE, unit VARCHAR, "
                    + "numerator DOUBLE, denominator DOUBLE, numerator_series VARCHAR, denominator_source VARCHAR, "
                    + "obs_status VARCHAR, note VARCHAR)");
            for (String sql : Formulas.all()) {
                st.execute("INSERT INTO ind " + sql);
            }
            Files.createDirectories(output.toAbsolutePath().getParent());
            st.execute("COPY (SELECT " + runId + "::BIGINT AS run_id, formula_id, country_iso3, year, base_indicator, "
                    + "nullif(iccs_code, '') AS iccs_code, dimension, category, sex, age, value, unit, numerator, denominator, "
                    + "numerator_series, denominator_source, obs_status, note, "
                    + "concat_ws('|', formula_id, country_iso3, base_indicator, iccs_code, dimension, category, sex, age) AS series_id "
                    + "FROM ind ORDER BY formula_id, country_iso3, base_indicator, iccs_code, dimension, category, sex, age, year) TO "
                    + quote(output.toAbsolutePath().toString()) + " (FORMAT parquet, COMPRESSION zstd)");
            Map<String, Long> counts = new LinkedHashMap<>();
            long total = 0;
            try (ResultSet rs = st.executeQuery("SELECT formula_id, count(*) FROM ind GROUP BY 1 ORDER BY 1")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                    total += rs.getLong(2);
                }
            }
            LOG.info("run {}: {} indicator rows {}", runId, total, counts);
            return new Result(counts, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Deriving the indicators of run " + runId + " failed in DuckDB: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the indicators of run " + runId + " failed: " + e.getMessage(), e);
        }
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** The formula ids, for documentation and tests. */
    public static List<String> formulaIds() {
        return Formulas.IDS;
    }
}
