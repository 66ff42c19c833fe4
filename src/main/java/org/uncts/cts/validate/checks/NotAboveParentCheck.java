package org.uncts.cts.validate.checks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uncts.cts.validate.catalogue.Rule;

/**
 * A part is not larger than what contains it: an ICCS subcategory and its parent category
 * (03011 <= 0301), or two cells named by the rule (female victims of partners or family <= all
 * female victims). Along the ICCS hierarchy each code is compared with its nearest reported
 * ancestor only, so one wrong figure gives one finding, not one per level above it.
 */
public final class NotAboveParentCheck implements CycleCheck {

    @Override
    public void run(CycleData data, Rule rule, FindingSink sink) throws SQLException {
        boolean iccs = "iccs".equals(rule.string("hierarchy", ""));
        String indicators = KeyFields.indicatorFilter("c", rule.strings("indicators"));
        String sql;
        if (iccs) {
            List<String> shared = new ArrayList<>(KeyFields.ALL);
            shared.remove("iccs_code");
            sql = "SELECT c.series_key, c.year, c.iccs_code AS part, c.value AS part_value, p.iccs_code AS whole, "
                    + "p.value AS whole_value, c.source_file || ':' || c.source_line AS part_line, "
                    + "p.source_file || ':' || p.source_line AS whole_line "
                    + "FROM obs c JOIN obs p ON " + data.key("c", shared) + " = " + data.key("p", shared)
                    + " AND length(p.iccs_code) < length(c.iccs_code) AND p.iccs_code <> '' AND starts_with(c.iccs_code, p.iccs_code)"
                    + " WHERE c.value IS NOT NULL AND p.value IS NOT NULL AND c.unit = 'COUNT' AND " + indicators
                    + " QUALIFY row_number() OVER (PARTITION BY c.series_key, c.year ORDER BY length(p.iccs_code) DESC) = 1";
        } else {
            Map<String, Object> part = rule.map("part");
            Map<String, Object> whole = rule.map("whole");
            List<String> shared = KeyFields.sharedBy(List.of(part, whole));
            sql = "SELECT c.series_key, c.year, c.series_key AS part, c.value AS part_value, p.series_key AS whole, "
                    + "p.value AS whole_value, c.source_file || ':' || c.source_line AS part_line, "
                    + "p.source_file || ':' || p.source_line AS whole_line "
                    + "FROM obs c JOIN obs p ON " + data.key("c", shared) + " = " + data.key("p", shared)
                    + " WHERE c.value IS NOT NULL AND p.value IS NOT NULL AND c.unit = 'COUNT' AND " + indicators
                    + " AND " + KeyFields.where("c", part) + " AND " + KeyFields.where("p", whole);
        }
        String outer = "SELECT * FROM (" + sql + ") WHERE part_value - whole_value > greatest("
                + rule.tolerance().absolute() + ", " + rule.tolerance().relative() + " * abs(whole_value)) "
                + "ORDER BY series_key, year";
        try (Statement st = data.db().createStatement(); ResultSet rs = st.executeQuery(outer)) {
            while (rs.next()) {
                double part = rs.getDouble("part_value");
                double whole = rs.getDouble("whole_value");
                int year = rs.getInt("year");
                String partName = iccs ? "ICCS " + rs.getString("part") : Figures.series(rs.getString("part"));
                String wholeName = iccs ? "ICCS " + rs.getString("whole") : Figures.series(rs.getString("whole"));
                sink.add(rule, rs.getString("series_key"), year, Integer.toString(year),
                        Figures.number(part), "<= " + Figures.number(whole) + " (" + wholeName + ")", part - whole,
                        Figures.lines(rs.getString("part_line") + "\n" + rs.getString("whole_line")),
                        Map.of("part", iccs ? rs.getString("part") : partName, "part_value", Figures.number(part),
                                "whole", iccs ? rs.getString("whole") : wholeName, "whole_value", Figures.number(whole)));
            }
        }
    }
}
