package org.uncts.cts.query;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A result column: its label, and whether it holds numbers (right-aligned in tables). */
record Column(String label, boolean numeric) {

    static List<Column> of(ResultSetMetaData meta) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new Column(meta.getColumnLabel(i), isNumberClass(meta.getColumnClassName(i))));
        }
        return columns;
    }

    /** Decided from the Java class the driver maps the SQL type to, so unsigned and huge types count too. */
    private static boolean isNumberClass(String className) {
        if (className == null) {
            return false;
        }
        try {
            return Number.class.isAssignableFrom(Class.forName(className, false, Column.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
