package org.uncts.cts.validate.checks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uncts.cts.validate.catalogue.Rule;

/**
 * Parts of a breakdown add up to its total (male + female + unknown = total; categories of a
 * dimension; ICCS subcategories). Set-based: one SQL query per rule groups the parts of every
 * total in the cycle. A total is checked only when every required part is reported (a missing
 * optional part, such as sex unknown, counts as zero); counts only, missing values skipped.
 */
public final class SumOfPartsCheck implements CycleCheck {

    @Override
    public void run(CycleData data, Rule rule, FindingSink sink) throws SQLException {
        Map<String, Object> total = rule.map("total");
        Map<String, Object> parts = rule.map("parts");
        String listField = parts.entrySet().stream().filter(e -> e.getValue() instanceof List<?>)
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("rule " + rule.id() + ": parts has no list"));
        List<String> partValues = ((List<?>) parts.get(listField)).stream().map(String::valueOf).toList();
        List<String> required = rule.has("required_parts") ? rule.strings("required_parts") : partValues;
        List<String> shared = KeyFields.sharedBy(List.of(total, parts));
        String indicators = KeyFields.indicatorFilter("o", rule.strings("indicators"));
        String requiredList = sqlList(listField, required);
        String allParts = sqlList(listField, partValues);
        String requiredCount = Integer.toString(new java.util.LinkedHashSet<>(required).size());
        String partsWhere = "o.unit = 'COUNT' AND o.value IS NOT NULL AND " + indicators + " AND " + KeyFields.where("o", parts);
        // Two phases: sums of the parts for every total first (cheap aggregates only), then the listing and source
        // lines only for the totals that do not match
        String sql = "WITH p AS (SELECT " + data.key("o", shared) + " AS k, sum(o.value) AS parts_sum, "
                // each cell holds a part once (duplicate keys are set aside before the checks), so a
                // plain count finds the required parts without a costly distinct
                + "count(*) FILTER (WHERE " + KeyFields.column("o", listField)
                + " IN (" + requiredList.substring(1, requiredList.length() - 1) + ")) AS required_found "
                + "FROM obs o WHERE " + partsWhere + " GROUP BY ALL), "
                + "bad AS (SELECT t.series_key AS total_key, t.value AS total, p.parts_sum, "
                + "t.source_file || ':' || t.source_line AS total_line, t.year, p.k "
                + "FROM obs t JOIN p ON " + data.key("t", shared) + " = p.k"
                + " WHERE t.unit = 'COUNT' AND t.value IS NOT NULL AND " + indicators.replace("o.", "t.")
                + " AND " + KeyFields.where("t", total)
                + " AND p.required_found = " + requiredCount
                + " AND abs(p.parts_sum - t.value) > greatest(" + rule.tolerance().absolute() + ", "
                + rule.tolerance().relative() + " * abs(t.value))), "
                + "agg AS (SELECT b.total_key, b.year, "
                + "string_agg(o." + listField + " || ' ' || CAST(o.value AS VARCHAR), chr(10) ORDER BY list_position(" + allParts + ", "
                + KeyFields.column("o", listField) + ")) AS listing, "
                + Figures.linesAgg("o") + " AS lines "
                + "FROM bad b JOIN obs o ON " + data.key("o", shared) + " = b.k WHERE " + partsWhere
                + " GROUP BY b.total_key, b.year) "
                + "SELECT b.total_key AS series_key, b.year, b.total, b.parts_sum, agg.listing, "
                + "b.total_line || chr(10) || agg.lines AS lines "
                + "FROM bad b JOIN agg ON agg.total_key = b.total_key AND agg.year = b.year"
                + " ORDER BY b.total_key, b.year";
        try (Statement st = data.db().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                double t = rs.getDouble("total");
                double sum = rs.getDouble("parts_sum");
                int year = rs.getInt("year");
                String listing = listing(rs.getString("listing"));
                Map<String, String> extra = new LinkedHashMap<>();
                extra.put("parts", listing);
                extra.put("sum", Figures.number(sum));
                extra.put("total", Figures.number(t));
                sink.add(rule, rs.getString("series_key"), year, Integer.toString(year),
                        listing + " = " + Figures.number(sum), Figures.number(t), sum - t,
                        Figures.lines(rs.getString("lines")), extra);
            }
        }
    }

    private static String sqlList(String field, List<String> values) {
        return "[" + String.join(", ", values.stream().map(v -> KeyFields.literal(field, v)).toList()) + "]";
    }

    /** "M 120 + F 80 + _U 3" from the aggregated "name value" lines. */
    private static String listing(String agg) {
        List<String> items = new ArrayList<>();
        for (String line : agg.split("\n")) {
            int sp = line.lastIndexOf(' ');
            items.add(Figures.label(line.substring(0, sp)) + " " + Figures.number(Double.parseDouble(line.substring(sp + 1))));
        }
        return String.join(" + ", items);
    }
}
