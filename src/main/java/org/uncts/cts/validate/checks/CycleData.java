package org.uncts.cts.validate.checks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /** Bits of column {@code cell} that hold each key field; empty when the key did not fit in 62 bits. */
    private final Map<String, Long> masks;

    private CycleData(Connection db, PopulationTable population, String previousName, Map<String, Long> masks) {
        this.db = db;
        this.population = population;
        this.previousName = previousName;
        this.masks = masks;
    }

    /**
     * @param observations   Parquet file or glob of the cycle's accepted observations (published columns)
     * @param previousVintage a previous run's output folder, or a .parquet or .csv file of its
     *                        observations; null when there is none
     * @param previousName    how findings name the previous vintage (e.g. its path as the spec gives it)
     */
    public static CycleData open(Connection db, String observations, PopulationTable population, Path previousVintage,
                                 String previousName) throws SQLException {
        Map<String, Long> masks;
        try (Statement st = db.createStatement()) {
            // read straight into the packed table: one pass over the Parquet, no copy
            String source = "(SELECT country_iso3, indicator, coalesce(iccs_code, '') AS iccs_code, "
                    + "dimension, category, sex, age, unit, year, value, obs_status, series_key, source_file, source_line "
                    + "FROM read_parquet(" + KeyFields.quote(observations) + ", hive_partitioning = false))";
            masks = packKeys(st, source);
            if (previousVintage != null) {
                st.execute("CREATE OR REPLACE TEMP TABLE prev AS SELECT country_iso3, indicator, coalesce(iccs_code, '') AS iccs_code, "
                        + "dimension, category, sex, age, unit, CAST(year AS INTEGER) AS year, TRY_CAST(value AS DOUBLE) AS value, "
                        + "concat_ws('|', country_iso3, indicator, coalesce(iccs_code, ''), dimension, category, sex, age, unit) AS series_key "
                        + "FROM " + source(previousVintage));
            }
        }
        return new CycleData(db, population, previousVintage == null ? null : previousName, masks);
    }

    /**
     * Packs each figure's key (country, indicator, ICCS, dimension, category, sex, age, unit, year)
     * into one BIGINT, column {@code cell}: each field becomes a small number (its rank among the
     * field's distinct values) in its own bits. Two figures share the fields F exactly when their
     * cells agree on F's bits, so joins and groupings on "every field but sex" become one integer
     * comparison instead of eight string comparisons. Exact, not a hash; if the fields need more
     * than 62 bits (never seen in practice), the checks compare the columns themselves.
     */
    /** Off only in tests, to check that the column-by-column fallback finds the same. */
    static boolean packKeys = true;

    private static Map<String, Long> packKeys(Statement st, String source) throws SQLException {
        if (!packKeys) {
            return unpacked(st, source);
        }
        String anyNull = String.join(" OR ", KeyFields.ALL.stream().map(f -> f + " IS NULL").toList());
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + source + " WHERE " + anyNull)) {
            rs.next();
            if (rs.getLong(1) > 0) {
                // a figure without a full key would be lost by the joins below
                return unpacked(st, source);
            }
        }
        Map<String, Long> masks = new LinkedHashMap<>();
        StringBuilder cell = new StringBuilder();
        StringBuilder joins = new StringBuilder();
        int offset = 0;
        for (String field : KeyFields.ALL) {
            String dict = "key_" + field;
            st.execute("CREATE OR REPLACE TEMP TABLE " + dict + " AS SELECT v, CAST(row_number() OVER (ORDER BY v) AS BIGINT) AS code "
                    + "FROM (SELECT DISTINCT " + field + " AS v FROM " + source + ")");
            long n;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + dict)) {
                rs.next();
                n = rs.getLong(1);
            }
            int bits = 64 - Long.numberOfLeadingZeros(n);
            if (offset + bits > 62) {
                return unpacked(st, source);
            }
            masks.put(field, ((1L << bits) - 1) << offset);
            cell.append(cell.isEmpty() ? "" : " | ").append("(").append(dict).append(".code << ").append(offset).append(")");
            joins.append(" JOIN ").append(dict).append(" ON ").append(dict).append(".v = o.").append(field);
            offset += bits;
        }
        st.execute("CREATE OR REPLACE TEMP TABLE obs AS SELECT o.*, " + cell + " AS cell FROM " + source + " o" + joins);
        return masks;
    }

    private static Map<String, Long> unpacked(Statement st, String source) throws SQLException {
        st.execute("CREATE OR REPLACE TEMP TABLE obs AS SELECT * FROM " + source);
        return Map.of();
    }

    /**
     * An SQL expression equal for two figures exactly when they agree on the given key fields:
     * the packed cell with the other fields' bits cleared, or a row of the columns themselves.
     *
     * @param alias the table alias, or empty for none
     */
    String key(String alias, List<String> fields) {
        String a = alias == null || alias.isEmpty() ? "" : alias + ".";
        if (masks.isEmpty()) {
            return "row(" + String.join(", ", fields.stream().map(f -> a + f).toList()) + ")";
        }
        long keep = 0;
        for (String f : fields) {
            keep |= masks.get(f);
        }
        return "(" + a + "cell & " + keep + ")";
    }

    /** The SQL table expression that reads a previous vintage, whatever form it was given in. */
    static String source(Path previous) {
        String p = previous.toAbsolutePath().normalize().toString();
        if (Files.isDirectory(previous)) {
            // an output folder: its current release (a release folder, or an older flat layout, as is)
            String dir = org.uncts.cts.publish.Releases.current(previous.toAbsolutePath().normalize()).toString();
            return "read_parquet(" + KeyFields.quote(dir + "/observations/**/*.parquet") + ", hive_partitioning = false)";
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
