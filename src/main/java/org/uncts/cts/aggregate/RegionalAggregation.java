package org.uncts.cts.aggregate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.uncts.cts.store.ParquetPart;

/**
 * Regional and global aggregates of the country indicators: for each grouping (World, M49 region,
 * sub-region and intermediate region, SDG region), region, aggregable formula, breakdown and year,
 * value = Σ numerator / Σ denominator × multiplier over the member countries with reported or
 * imputed data, published only when countries with reported data hold at least
 * {@link Settings#threshold()} of the region's population. See docs/indicators.md, "Regional aggregates".
 *
 * <p>Members are the countries of the countries dataset with an M49 code and no parent: sub-national
 * areas (GBR_E_W, IRQ_KRI) are never aggregated, so they are never counted twice with their
 * country, and areas without an M49 code (XKX) are left out too (WPP counts Kosovo in Serbia).
 */
public final class RegionalAggregation {

    static final String SDG_RESOURCE = "/aggregate/sdg-regions.csv";

    public static final String AGGREGATES_DIR = "regional_aggregates";
    public static final String IMPUTATIONS_DIR = "regional_imputations";

    /** What was written: the two files and their row counts. */
    public record Result(Path aggregates, long aggregateRows, Path imputations, long imputationRows) {
    }

    private RegionalAggregation() {
    }

    /**
     * Aggregates and writes {@code output/regional_aggregates/regional_aggregates.parquet} and
     * {@code output/regional_imputations/regional_imputations.parquet}.
     *
     * @param indicatorsGlob   Parquet file or glob of the indicators dataset
     * @param populationGlob   Parquet file or glob of the population dataset
     * @param countriesParquet Parquet file or glob of the countries dataset
     */
    public static Result run(Path indicatorsGlob, Path populationGlob, Path countriesParquet, Settings settings,
                             Path output, long runId) throws IOException {
        Path aggregates = output.resolve(AGGREGATES_DIR).resolve(AGGREGATES_DIR + ".parquet");
        Path imputations = output.resolve(IMPUTATIONS_DIR).resolve(IMPUTATIONS_DIR + ".parquet");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET memory_limit = '2GB'");
            load(db, st, indicatorsGlob, populationGlob, countriesParquet, settings);
            imputeSeries(db, st, settings);
            imputeMedian(st, settings);
            long rows = writeAggregates(st, settings, aggregates, runId);
            long imputed = writeImputations(st, imputations, runId);
            return new Result(aggregates, rows, imputations, imputed);
        } catch (SQLException e) {
            throw new IOException("Regional aggregation failed: " + e.getMessage(), e);
        }
    }

    private static void load(Connection db, Statement st, Path indicators, Path population, Path countries,
                             Settings settings) throws SQLException {
        st.execute("CREATE TABLE formulas(formula_id VARCHAR, multiplier DOUBLE, imputable BOOLEAN)");
        try (DuckDBAppender a = db.unwrap(DuckDBConnection.class).createAppender("formulas")) {
            for (Settings.Formula f : settings.formulas()) {
                a.beginRow().append(f.id()).append(f.multiplier()).append(f.imputable()).endRow();
            }
        }
        st.execute("CREATE TABLE sdg_map(m49_subregion_code VARCHAR, m49_subregion VARCHAR,"
                + " sdg_region_code VARCHAR, sdg_region VARCHAR)");
        try (DuckDBAppender a = db.unwrap(DuckDBConnection.class).createAppender("sdg_map")) {
            for (String[] row : sdgMapping()) {
                a.beginRow().append(row[0]).append(row[1]).append(row[2]).append(row[3]).endRow();
            }
        }
        // Members: M49 countries only; sub-national areas (parent_iso3) and areas without M49 code are left out.
        st.execute("CREATE TABLE countries AS SELECT * FROM read_parquet(" + quote(countries) + ")"
                + " WHERE m49 IS NOT NULL AND parent_iso3 IS NULL");
        st.execute("""
                CREATE TABLE members AS
                SELECT iso3, 'world' AS grouping, '001' AS region_code, 'World' AS region_name FROM countries
                UNION ALL SELECT iso3, 'm49_region', region_code, coalesce(region, region_code)
                    FROM countries WHERE region_code IS NOT NULL
                UNION ALL SELECT iso3, 'm49_subregion', subregion_code, coalesce(subregion, subregion_code)
                    FROM countries WHERE subregion_code IS NOT NULL
                UNION ALL SELECT iso3, 'm49_intermediate_region', intermediate_region_code,
                        coalesce(intermediate_region, intermediate_region_code)
                    FROM countries WHERE intermediate_region_code IS NOT NULL
                UNION ALL SELECT c.iso3, 'sdg_region', s.sdg_region_code, s.sdg_region
                    FROM countries c JOIN sdg_map s ON c.subregion_code = s.m49_subregion_code
                        OR (c.subregion_code IS NULL AND lower(c.subregion) = lower(s.m49_subregion))
                """);
        st.execute("""
                CREATE TABLE regions AS SELECT grouping, region_code, min(region_name) AS region_name,
                    count(*)::INTEGER AS countries_in_region FROM members GROUP BY grouping, region_code
                """);
        st.execute("CREATE TABLE pop AS SELECT country_iso3 AS iso3, year, sex, population FROM read_parquet("
                + quote(population) + ", union_by_name = true) WHERE country_iso3 IN (SELECT iso3 FROM countries)");
        requireNone(st, "SELECT iso3 || ' ' || year || ' ' || sex FROM pop GROUP BY ALL HAVING count(*) > 1",
                "population listed twice for");
        // Reported cells: a value with its numerator and a positive denominator, not imputed upstream.
        st.execute("CREATE TABLE rep0 AS SELECT i.formula_id, i.base_indicator, coalesce(i.iccs_code, '') AS iccs,"
                + " i.dimension, i.category, i.sex, i.age, i.unit, i.country_iso3 AS iso3, i.year, i.numerator,"
                + " i.denominator FROM read_parquet(" + quote(indicators) + ", union_by_name = true) i"
                + " JOIN formulas f USING (formula_id)"
                + " WHERE i.value IS NOT NULL AND i.numerator IS NOT NULL AND i.denominator > 0"
                + " AND i.obs_status <> 'I' AND i.country_iso3 IN (SELECT iso3 FROM countries)");
        st.execute("""
                CREATE TABLE keys AS SELECT row_number() OVER (ORDER BY formula_id, base_indicator, iccs, dimension,
                        category, sex, age) AS key_id, *
                FROM (SELECT formula_id, base_indicator, iccs, dimension, category, sex, age, min(unit) AS unit,
                        count(DISTINCT unit) AS units, min(year) AS ymin, max(year) AS ymax
                      FROM rep0 GROUP BY formula_id, base_indicator, iccs, dimension, category, sex, age)
                """);
        requireNone(st, "SELECT formula_id || ' ' || base_indicator FROM keys WHERE units > 1",
                "more than one unit in the series of");
        st.execute("""
                CREATE TABLE reported AS SELECT k.key_id, r.iso3, r.year, r.numerator, r.denominator
                FROM rep0 r JOIN keys k USING (formula_id, base_indicator, iccs, dimension, category, sex, age)
                """);
        requireNone(st, "SELECT key_id || ' ' || iso3 || ' ' || year FROM reported GROUP BY ALL HAVING count(*) > 1",
                "indicator listed twice (key, country, year)");
        st.execute("CREATE TABLE imputed(key_id BIGINT, iso3 VARCHAR, year INTEGER, method VARCHAR, rate DOUBLE,"
                + " numerator DOUBLE, denominator DOUBLE, basis VARCHAR)");
    }

    /**
     * Interpolation and carrying, per country series, for imputable formulas and all-ages cells:
     * the imputed denominator is the country's population of the cell's sex and year, the
     * numerator the imputed rate × that population / multiplier. No population, no imputation.
     */
    private static void imputeSeries(Connection db, Statement st, Settings settings) throws SQLException {
        Map<String, Double> population = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT iso3, year, sex, population FROM pop")) {
            while (rs.next()) {
                population.put(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3), rs.getDouble(4));
            }
        }
        String sql = """
                SELECT r.key_id, r.iso3, r.year, r.numerator / r.denominator * f.multiplier AS rate,
                    k.ymin, k.ymax, k.sex, f.multiplier
                FROM reported r JOIN keys k USING (key_id) JOIN formulas f USING (formula_id)
                WHERE f.imputable AND k.age = '_T'
                ORDER BY r.key_id, r.iso3, r.year
                """;
        try (Statement q = db.createStatement(); ResultSet rs = q.executeQuery(sql);
             DuckDBAppender out = db.unwrap(DuckDBConnection.class).createAppender("imputed")) {
            long key = -1;
            String iso3 = null;
            TreeMap<Integer, Double> series = new TreeMap<>();
            int ymin = 0;
            int ymax = 0;
            String sex = null;
            double multiplier = 0;
            while (true) {
                boolean more = rs.next();
                if (iso3 != null && (!more || rs.getLong(1) != key || !rs.getString(2).equals(iso3))) {
                    for (SeriesImputer.Imputed i : SeriesImputer.impute(series, ymin, ymax, settings.carryYears())) {
                        Double p = population.get(iso3 + "|" + i.year() + "|" + sex);
                        if (p == null) {
                            continue;
                        }
                        out.beginRow().append(key).append(iso3).append(i.year()).append(i.method()).append(i.rate())
                                .append(i.rate() * p / multiplier).append((double) p).append(i.basis()).endRow();
                    }
                    series.clear();
                }
                if (!more) {
                    break;
                }
                key = rs.getLong(1);
                iso3 = rs.getString(2);
                series.put(rs.getInt(3), rs.getDouble(4));
                ymin = rs.getInt(5);
                ymax = rs.getInt(6);
                sex = rs.getString(7);
                multiplier = rs.getDouble(8);
            }
        }
    }

    /**
     * Optional: member countries with neither reported nor series-imputed data in a year get the
     * median of the reported rates of the region (of the grouping being aggregated) in that year.
     */
    private static void imputeMedian(Statement st, Settings settings) throws SQLException {
        st.execute("CREATE TABLE imputed_median(key_id BIGINT, grouping VARCHAR, region_code VARCHAR, iso3 VARCHAR,"
                + " year INTEGER, rate DOUBLE, numerator DOUBLE, denominator DOUBLE, basis VARCHAR)");
        if (!settings.regionalMedian()) {
            return;
        }
        st.execute("""
                INSERT INTO imputed_median
                WITH rates AS (
                    SELECT r.key_id, m.grouping, m.region_code, r.year,
                        median(r.numerator / r.denominator * f.multiplier) AS rate, count(*) AS n
                    FROM reported r JOIN members m USING (iso3) JOIN keys k USING (key_id)
                        JOIN formulas f USING (formula_id)
                    WHERE f.imputable AND k.age = '_T'
                    GROUP BY r.key_id, m.grouping, m.region_code, r.year)
                SELECT rt.key_id, rt.grouping, rt.region_code, m.iso3, rt.year, rt.rate,
                    rt.rate * p.population / f.multiplier, p.population,
                    'median of ' || rt.n || ' reported rates in ' || rt.grouping || ' ' || rt.region_code
                FROM rates rt
                JOIN members m ON m.grouping = rt.grouping AND m.region_code = rt.region_code
                JOIN keys k ON k.key_id = rt.key_id
                JOIN formulas f ON f.formula_id = k.formula_id
                JOIN pop p ON p.iso3 = m.iso3 AND p.year = rt.year AND p.sex = k.sex
                LEFT JOIN reported r ON r.key_id = rt.key_id AND r.iso3 = m.iso3 AND r.year = rt.year
                LEFT JOIN imputed i ON i.key_id = rt.key_id AND i.iso3 = m.iso3 AND i.year = rt.year
                WHERE r.iso3 IS NULL AND i.iso3 IS NULL
                """);
    }

    private static long writeAggregates(Statement st, Settings settings, Path target, long runId)
            throws SQLException, IOException {
        // One row per country, key and year with anything to add (population, reported or imputed data).
        st.execute("""
                CREATE TABLE facts AS
                WITH ky AS (SELECT key_id, sex, unnest(range(ymin, ymax + 1))::INTEGER AS year FROM keys)
                SELECT ky.key_id, c.iso3, ky.year, p.population, r.numerator AS rn, r.denominator AS rd,
                    i.numerator AS inum, i.denominator AS iden, i.method
                FROM ky CROSS JOIN countries c
                LEFT JOIN pop p ON p.iso3 = c.iso3 AND p.year = ky.year AND p.sex = ky.sex
                LEFT JOIN reported r ON r.key_id = ky.key_id AND r.iso3 = c.iso3 AND r.year = ky.year
                LEFT JOIN imputed i ON i.key_id = ky.key_id AND i.iso3 = c.iso3 AND i.year = ky.year
                WHERE p.population IS NOT NULL OR r.numerator IS NOT NULL OR i.numerator IS NOT NULL
                """);
        String sql = """
                WITH agg AS (
                    SELECT f.key_id, m.grouping, m.region_code, f.year,
                        count(f.rn) AS reporting,
                        count(f.inum) + count(md.numerator) AS imputed,
                        count(f.population) AS with_population,
                        coalesce(sum(f.population), 0) AS pop_total,
                        coalesce(sum(f.population) FILTER (WHERE f.rn IS NOT NULL), 0) AS pop_reported,
                        coalesce(sum(f.population) FILTER (WHERE f.rn IS NULL
                            AND (f.inum IS NOT NULL OR md.numerator IS NOT NULL)), 0) AS pop_imputed,
                        coalesce(sum(coalesce(f.rn, f.inum, md.numerator)), 0) AS num_sum,
                        coalesce(sum(coalesce(f.rd, f.iden, md.denominator)), 0) AS den_sum,
                        count(*) FILTER (WHERE f.method = 'interpolation') AS n_interpolation,
                        count(*) FILTER (WHERE f.method = 'carry_forward') AS n_carry_forward,
                        count(*) FILTER (WHERE f.method = 'carry_backward') AS n_carry_backward,
                        count(md.numerator) AS n_regional_median
                    FROM facts f JOIN members m USING (iso3)
                    LEFT JOIN imputed_median md ON md.key_id = f.key_id AND md.grouping = m.grouping
                        AND md.region_code = m.region_code AND md.iso3 = f.iso3 AND md.year = f.year
                    GROUP BY f.key_id, m.grouping, m.region_code, f.year),
                grid AS (
                    SELECT k.*, unnest(range(k.ymin, k.ymax + 1))::INTEGER AS year FROM keys k)
                SELECT g.formula_id, g.base_indicator, g.iccs, g.dimension, g.category, g.sex, g.age, g.year, g.unit,
                    fm.multiplier, r.grouping, r.region_code, r.region_name, r.countries_in_region,
                    coalesce(a.reporting, 0), coalesce(a.imputed, 0), coalesce(a.with_population, 0),
                    coalesce(a.pop_total, 0), coalesce(a.pop_reported, 0), coalesce(a.pop_imputed, 0),
                    coalesce(a.num_sum, 0), coalesce(a.den_sum, 0),
                    coalesce(a.n_interpolation, 0), coalesce(a.n_carry_forward, 0),
                    coalesce(a.n_carry_backward, 0), coalesce(a.n_regional_median, 0)
                FROM grid g CROSS JOIN regions r
                JOIN formulas fm ON fm.formula_id = g.formula_id
                LEFT JOIN agg a ON a.key_id = g.key_id AND a.grouping = r.grouping
                    AND a.region_code = r.region_code AND a.year = g.year
                ORDER BY g.key_id, r.grouping, r.region_code, g.year
                """;
        try (ResultSet rs = st.executeQuery(sql);
             ParquetPart.Writer<GenericRecord> w = ParquetPart.open(target, AggregateSchemas.REGIONAL_AGGREGATE)) {
            while (rs.next()) {
                w.write(aggregateRow(rs, settings, runId));
            }
            w.commit();
            return w.rows();
        }
    }

    private static GenericRecord aggregateRow(ResultSet rs, Settings settings, long runId) throws SQLException {
        GenericData.Record r = new GenericData.Record(AggregateSchemas.REGIONAL_AGGREGATE);
        int c = 1;
        r.put("run_id", runId);
        r.put("formula_id", rs.getString(c++));
        r.put("base_indicator", rs.getString(c++));
        String iccs = rs.getString(c++);
        r.put("iccs_code", iccs.isEmpty() ? null : iccs);
        r.put("dimension", rs.getString(c++));
        r.put("category", rs.getString(c++));
        r.put("sex", rs.getString(c++));
        r.put("age", rs.getString(c++));
        r.put("year", rs.getInt(c++));
        r.put("unit", rs.getString(c++));
        double multiplier = rs.getDouble(c++);
        r.put("grouping", rs.getString(c++));
        r.put("region_code", rs.getString(c++));
        r.put("region_name", rs.getString(c++));
        int members = rs.getInt(c++);
        int reporting = rs.getInt(c++);
        int imputed = rs.getInt(c++);
        int withPopulation = rs.getInt(c++);
        double popTotal = rs.getDouble(c++);
        double popReported = rs.getDouble(c++);
        double popImputed = rs.getDouble(c++);
        double num = rs.getDouble(c++);
        double den = rs.getDouble(c++);
        List<String> methods = new ArrayList<>();
        for (String method : SeriesImputer.METHODS) {
            int n = rs.getInt(c++);
            if (n > 0) {
                methods.add(method + ":" + n);
            }
        }
        r.put("countries_in_region", members);
        r.put("countries_reporting", reporting);
        r.put("countries_imputed", imputed);
        r.put("countries_without_population", members - withPopulation);
        r.put("population_total", popTotal);
        r.put("population_reported", popReported);
        r.put("population_imputed", popImputed);
        r.put("numerator_sum", num);
        r.put("denominator_sum", den);
        r.put("imputation", methods.isEmpty() ? null : String.join(";", methods));
        Double coverage = popTotal > 0 ? popReported / popTotal : null;
        r.put("coverage", coverage);
        String reason;
        if (coverage == null) {
            reason = "no population figures for the region's countries";
        } else if (coverage < settings.threshold()) {
            reason = (reporting == 0 ? "no country reported: " : "")
                    + "coverage " + percent(coverage) + " of population, below " + percent(settings.threshold());
        } else if (!(den > 0)) {
            reason = "no data";
        } else {
            reason = null;
        }
        boolean published = reason == null;
        r.put("published", published);
        r.put("reason", reason);
        r.put("value", published ? num / den * multiplier : null);
        return r;
    }

    /** A share as a percentage with at most one decimal, rounded down so that 49.99% never reads 50%. */
    static String percent(double share) {
        double p = Math.floor(share * 1000 + 1e-9) / 10;
        String s = String.format(Locale.ROOT, "%.1f", p);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
    }

    private static long writeImputations(Statement st, Path target, long runId) throws SQLException, IOException {
        String sql = """
                SELECT k.formula_id, k.base_indicator, k.iccs, k.dimension, k.category, k.sex, k.age, x.iso3, x.year,
                    x.method, x.grouping, x.region_code, x.rate, x.numerator, x.denominator, x.basis
                FROM (SELECT key_id, iso3, year, method, NULL::VARCHAR AS grouping, NULL::VARCHAR AS region_code,
                          rate, numerator, denominator, basis FROM imputed
                      UNION ALL
                      SELECT key_id, iso3, year, 'regional_median', grouping, region_code,
                          rate, numerator, denominator, basis FROM imputed_median) x
                JOIN keys k USING (key_id)
                ORDER BY x.key_id, x.iso3, x.year, x.grouping NULLS FIRST, x.region_code
                """;
        try (ResultSet rs = st.executeQuery(sql);
             ParquetPart.Writer<GenericRecord> w = ParquetPart.open(target, AggregateSchemas.REGIONAL_IMPUTATION)) {
            while (rs.next()) {
                GenericData.Record r = new GenericData.Record(AggregateSchemas.REGIONAL_IMPUTATION);
                r.put("run_id", runId);
                r.put("formula_id", rs.getString(1));
                r.put("base_indicator", rs.getString(2));
                r.put("iccs_code", rs.getString(3).isEmpty() ? null : rs.getString(3));
                r.put("dimension", rs.getString(4));
                r.put("category", rs.getString(5));
                r.put("sex", rs.getString(6));
                r.put("age", rs.getString(7));
                r.put("country_iso3", rs.getString(8));
                r.put("year", rs.getInt(9));
                r.put("method", rs.getString(10));
                r.put("grouping", rs.getString(11));
                r.put("region_code", rs.getString(12));
                r.put("rate", rs.getDouble(13));
                r.put("numerator", rs.getDouble(14));
                r.put("denominator", rs.getDouble(15));
                r.put("basis", rs.getString(16));
                w.write(r);
            }
            w.commit();
            return w.rows();
        }
    }

    /** The SDG regional grouping as M49 sub-region → SDG region rows (code, name, code, name). */
    public static List<String[]> sdgMapping() {
        try (InputStream in = RegionalAggregation.class.getResourceAsStream(SDG_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SDG_RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine(); // header
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    String[] f = line.split(",", -1);
                    if (f.length != 4) {
                        throw new IllegalStateException(SDG_RESOURCE + ": expected 4 fields in " + line);
                    }
                    rows.add(f);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireNone(Statement st, String sql, String what) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql + " LIMIT 5")) {
            List<String> found = new ArrayList<>();
            while (rs.next()) {
                found.add(rs.getString(1));
            }
            if (!found.isEmpty()) {
                throw new SQLException("Input error, " + what + ": " + String.join(", ", found));
            }
        }
    }

    private static String quote(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
