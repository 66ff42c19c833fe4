package org.uncts.cts.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs a query in an in-memory DuckDB and returns the rows, for assertions. */
public final class Duck {

    private Duck() {
    }

    /** Runs a statement that returns no rows (COPY, CREATE) in an in-memory DuckDB. */
    public static void execute(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static List<List<Object>> rows(String sql) {
        return rows("jdbc:duckdb:", new java.util.Properties(), sql);
    }

    /** The rows of a query on a given DuckDB database, opened with the given properties (e.g. read-only). */
    public static List<List<Object>> rows(String url, java.util.Properties props, String sql) {
        try (Connection c = DriverManager.getConnection(url, props); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<Object>> out = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static long count(String sql) {
        return ((Number) rows(sql).get(0).get(0)).longValue();
    }

    public static String parquet(java.nio.file.Path dirOrGlob) {
        return "read_parquet('" + dirOrGlob.toAbsolutePath().toString().replace("'", "''") + "')";
    }
}
