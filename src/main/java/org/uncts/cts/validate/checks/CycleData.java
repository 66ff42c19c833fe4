package org.uncts.cts.validate.checks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.uncts.cts.reference.PopulationTable;

/**
 * What the cross-row checks look at, in one DuckDB session: the cycle's accepted observations as
 * table {@code obs} (read once from the consolidated Parquet), the previous published vintage as
 * view {@code prev} when the job spec names one, and the reference population.
 */
public final class CycleData {

    private final Connection db;
    private final PopulationTable population;
    private final String previousName;

    private CycleData(Connection db, PopulationTable population, String previousName) {
        this.db = db;
        this.population = population;
        this.previousName = previousName;
    }

    /**
     * @param observations   Parquet file or glob of the cycle's accepted observations (published columns)
     * @param previousVintage a previous run's output folder, or a .parquet or .csv file of its
     *                        observations; null when there is none
     * @param previousName    how findings name the previous vintage (e.g. its path as the spec gives it)
     */
    public static CycleData open(Connection db, String observations, PopulationTable population, Path previousVintage,
                                 String previousName) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE obs AS SELECT country_iso3, indicator, coalesce(iccs_code, '') AS iccs_code, "
                    + "dimension, category, sex, age, unit, year, value, obs_status, series_key, source_file, source_line "
                    + "FROM read_parquet(" + KeyFields.quote(observations) + ", hive_partitioning = false)");
            if (previousVintage != null) {
                st.execute("CREATE OR REPLACE TEMP TABLE prev AS SELECT country_iso3, indicator, coalesce(iccs_code, '') AS iccs_code, "
                        + "dimension, category, sex, age, unit, CAST(year AS INTEGER) AS year, TRY_CAST(value AS DOUBLE) AS value, "
                        + "concat_ws('|', country_iso3, indicator, coalesce(iccs_code, ''), dimension, category, sex, age, unit) AS series_key "
                        + "FROM " + source(previousVintage));
            }
        }
        return new CycleData(db, population, previousVintage == null ? null : previousName);
    }

    /** The SQL table expression that reads a previous vintage, whatever form it was given in. */
    static String source(Path previous) {
        String p = previous.toAbsolutePath().normalize().toString();
        if (Files.isDirectory(previous)) {
            return "read_parquet(" + KeyFields.quote(p + "/observations/**/*.parquet") + ", hive_partitioning = false)";
        }
        if (p.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            // codes such as ICCS 0101 and M49 004 keep their leading zeros as text
            return "read_csv(" + KeyFields.quote(p) + ", header = true, all_varchar = true)";
        }
        return "read_parquet(" + KeyFields.quote(p) + ")";
    }

    public Connection db() {
        return db;
    }

    public PopulationTable population() {
        return population;
    }

    public boolean hasPrevious() {
        return previousName != null;
    }

    public String previousName() {
        return previousName;
    }
}
