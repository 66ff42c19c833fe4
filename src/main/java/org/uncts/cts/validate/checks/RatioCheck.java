package org.uncts.cts.validate.checks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uncts.cts.validate.catalogue.Rule;

/**
 * Two counts of the same country, breakdown and year that should stand in a known proportion,
 * e.g. homicide victims and homicide offences: at least one victim per offence, and not more
 * than 25% more victims than offences. Counts only; a zero denominator is not judged.
 */
public final class RatioCheck implements CycleCheck {

    @Override
    public void run(CycleData data, Rule rule, FindingSink sink) throws SQLException {
        Map<String, Object> num = rule.map("numerator");
        Map<String, Object> den = rule.map("denominator");
        List<String> shared = KeyFields.sharedBy(List.of(num, den));
        String low = rule.has("min_ratio") ? Double.toString(rule.number("min_ratio", 0)) : null;
        String high = rule.has("max_ratio") ? Double.toString(rule.number("max_ratio", 0)) : null;
        String outside = low != null && high != null ? "(n.value / d.value < " + low + " OR n.value / d.value > " + high + ")"
                : low != null ? "n.value / d.value < " + low : "n.value / d.value > " + high;
        String sql = "SELECT n.series_key, n.year, n.value AS nv, d.value AS dv, d.series_key AS d_key, "
                + "n.source_file || ':' || n.source_line || chr(10) || d.source_file || ':' || d.source_line AS lines "
                + "FROM obs n JOIN obs d ON " + data.key("n", shared) + " = " + data.key("d", shared)
                + " WHERE n.unit = 'COUNT' AND d.unit = 'COUNT' AND n.value IS NOT NULL AND d.value > 0 AND "
                + KeyFields.where("n", num) + " AND " + KeyFields.where("d", den) + " AND " + outside
                + " ORDER BY n.series_key, n.year";
        String bounds = low != null && high != null ? "between " + Figures.number(Double.parseDouble(low)) + " and "
                + Figures.number(Double.parseDouble(high)) : low != null ? "at least " + Figures.number(Double.parseDouble(low))
                : "at most " + Figures.number(Double.parseDouble(high));
        try (Statement st = data.db().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                double n = rs.getDouble("nv");
                double d = rs.getDouble("dv");
                double ratio = n / d;
                int year = rs.getInt("year");
                double bound = low != null && ratio < Double.parseDouble(low) ? Double.parseDouble(low) : Double.parseDouble(high);
                String shown = Figures.number(Math.round(ratio * 1000) / 1000.0);
                Map<String, String> extra = new LinkedHashMap<>();
                extra.put("numerator", Figures.series(rs.getString("series_key")));
                extra.put("numerator_value", Figures.number(n));
                extra.put("denominator", Figures.series(rs.getString("d_key")));
                extra.put("denominator_value", Figures.number(d));
                extra.put("ratio", shown);
                extra.put("min_ratio", low == null ? "" : Figures.number(Double.parseDouble(low)));
                extra.put("max_ratio", high == null ? "" : Figures.number(Double.parseDouble(high)));
                sink.add(rule, rs.getString("series_key"), year, Integer.toString(year),
                        Figures.number(n) + " / " + Figures.number(d) + " = " + shown, "a ratio " + bounds,
                        ratio - bound, Figures.lines(rs.getString("lines")), extra);
            }
        }
    }
}
