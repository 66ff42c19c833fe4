package org.uncts.cts.validate.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields that place a figure in a table (the series key and the year), and SQL conditions
 * on them built from rule parameters such as {@code total: {sex: _T}}. Dimension and category
 * are labels typed by focal points, so they are compared without regard to case.
 */
final class KeyFields {

    /** Every field of a figure's key, in series-key order, then the year. */
    static final List<String> ALL = List.of("country_iso3", "indicator", "iccs_code", "dimension", "category", "sex",
            "age", "unit", "year");

    /** Fields a rule may name in its parameters. */
    static final Set<String> NAMEABLE = Set.of("indicator", "iccs_code", "dimension", "category", "sex", "age");

    private KeyFields() {
    }

    /** The key fields not named by any of the given parameter maps: those two figures must share. */
    static List<String> sharedBy(List<Map<String, Object>> maps) {
        Set<String> named = new LinkedHashSet<>();
        maps.forEach(m -> named.addAll(m.keySet()));
        List<String> out = new ArrayList<>(ALL);
        out.removeAll(named);
        return out;
    }

    /** "alias.field = value AND ..." for a map of field to value or list of values. */
    static String where(String alias, Map<String, Object> conditions) {
        List<String> parts = new ArrayList<>();
        conditions.forEach((field, v) -> {
            if (v instanceof List<?> list) {
                List<String> lits = list.stream().map(x -> literal(field, String.valueOf(x))).toList();
                parts.add(column(alias, field) + " IN (" + String.join(", ", lits) + ")");
            } else {
                parts.add(column(alias, field) + " = " + literal(field, String.valueOf(v)));
            }
        });
        return parts.isEmpty() ? "TRUE" : String.join(" AND ", parts);
    }

    /** The column as compared: lower-cased for the free-text labels. */
    static String column(String alias, String field) {
        String c = alias == null || alias.isEmpty() ? field : alias + "." + field;
        return caseless(field) ? "lower(" + c + ")" : c;
    }

    static String literal(String field, String value) {
        return quote(caseless(field) ? value.toLowerCase(Locale.ROOT) : value);
    }

    static String indicatorFilter(String alias, List<String> indicators) {
        if (indicators.isEmpty()) {
            return "TRUE";
        }
        return alias + ".indicator IN (" + String.join(", ", indicators.stream().map(KeyFields::quote).toList()) + ")";
    }

    private static boolean caseless(String field) {
        return field.equals("dimension") || field.equals("category");
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
