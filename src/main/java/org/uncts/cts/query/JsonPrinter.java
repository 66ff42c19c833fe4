package org.uncts.cts.query;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON array of objects, one row per line (easy to diff and grep, streamed so it is fine for large
 * results). Numbers stay numbers, NULL is null, lists and structs become arrays and objects.
 */
final class JsonPrinter implements ResultPrinter {

    @Override
    public long print(ResultSet rows, PrintStream out) throws SQLException {
        List<String> keys = uniqueKeys(Column.of(rows.getMetaData()));
        long count = 0;
        out.print("[");
        while (rows.next()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                object.put(keys.get(i), Values.plain(rows.getObject(i + 1)));
            }
            out.print(count == 0 ? "\n" : ",\n");
            out.print(Values.JSON.writeValueAsString(object));
            count++;
        }
        out.println(count == 0 ? "]" : "\n]");
        return count;
    }

    @Override
    public void printNoResult(PrintStream out) {
        out.println("[]");
    }

    /** JSON objects cannot repeat a key, SQL results can ("SELECT a, a"): repeats get _2, _3... */
    private static List<String> uniqueKeys(List<Column> columns) {
        Set<String> used = new HashSet<>();
        List<String> keys = new ArrayList<>();
        for (Column column : columns) {
            String key = column.label();
            for (int suffix = 2; !used.add(key); suffix++) {
                key = column.label() + "_" + suffix;
            }
            keys.add(key);
        }
        return keys;
    }
}
