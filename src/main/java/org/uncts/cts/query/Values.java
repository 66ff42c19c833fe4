package org.uncts.cts.query;

import static java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME;
import static java.time.format.DateTimeFormatter.ISO_LOCAL_TIME;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBStruct;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JDBC values into plain Java values (numbers, booleans, strings, lists, maps) and those into
 * text, so that every output format shows a value the same way: dates ISO-8601, nested values as
 * compact JSON.
 */
final class Values {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** Doubles in this magnitude range print without an exponent; statisticians read 12345678, not 1.2345678E7. */
    private static final double PLAIN_MIN = 1e-6;
    private static final double PLAIN_MAX = 1e15;

    private Values() {
    }

    /** A JSON-friendly value: null, Number, Boolean, String, List or Map. */
    static Object plain(Object value) throws SQLException {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        // ISO-8601 with seconds always shown (LocalDateTime.toString drops ":00").
        if (value instanceof Timestamp timestamp) {
            return ISO_LOCAL_DATE_TIME.format(timestamp.toLocalDateTime());
        }
        if (value instanceof LocalDateTime dateTime) {
            return ISO_LOCAL_DATE_TIME.format(dateTime);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return ISO_OFFSET_DATE_TIME.format(dateTime);
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof java.sql.Time time) {
            return ISO_LOCAL_TIME.format(time.toLocalTime());
        }
        if (value instanceof LocalTime time) {
            return ISO_LOCAL_TIME.format(time);
        }
        if (value instanceof Array array) {
            List<Object> list = new ArrayList<>();
            for (Object element : (Object[]) array.getArray()) {
                list.add(plain(element));
            }
            return list;
        }
        if (value instanceof DuckDBStruct struct) {
            return plainMap(struct.getMap());
        }
        if (value instanceof Map<?, ?> map) {
            return plainMap(map);
        }
        if (value instanceof Blob blob) {
            return "\\x" + HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
        }
        return value.toString(); // LocalDate (ISO), UUID, DuckDB's text for intervals and the like
    }

    /** Text for table and CSV cells; null stays null so each format can show it its own way. */
    static String text(Object plain) {
        if (plain == null) {
            return null;
        }
        if (plain instanceof Double d) {
            return decimal(d);
        }
        if (plain instanceof Float f) {
            return Float.isFinite(f) ? decimal(Double.parseDouble(Float.toString(f))) : f.toString();
        }
        if (plain instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (plain instanceof List<?> || plain instanceof Map<?, ?>) {
            return JSON.writeValueAsString(plain);
        }
        return plain.toString();
    }

    private static String decimal(double d) {
        double magnitude = Math.abs(d);
        if (Double.isFinite(d) && (magnitude == 0 || (magnitude >= PLAIN_MIN && magnitude < PLAIN_MAX))) {
            // BigDecimal.valueOf keeps Double.toString's shortest digits; ".0" marks whole doubles as DuckDB does.
            BigDecimal exact = BigDecimal.valueOf(d);
            String digits = exact.toPlainString();
            return exact.scale() <= 0 ? digits + ".0" : digits;
        }
        return Double.toString(d);
    }

    private static Map<String, Object> plainMap(Map<?, ?> map) throws SQLException {
        Map<String, Object> plain = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            plain.put(String.valueOf(text(plain(entry.getKey()))), plain(entry.getValue()));
        }
        return plain;
    }
}
