package org.uncts.cts.validate.checks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.uncts.cts.validate.catalogue.Rule;

/**
 * Revisions of published history: a figure that differs from the previous vintage of the same
 * series and year by more than the relative tolerance, or at all when the previous count was
 * small (below small_count), where any change is visible in a published trend.
 */
public final class RevisionCheck implements CycleCheck {

    @Override
    public void run(CycleData data, Rule rule, FindingSink sink) throws SQLException {
        if (!data.hasPrevious()) {
            return;
        }
        double small = rule.number("small_count", 100);
        String sql = "SELECT o.series_key, o.year, o.value, p.value AS previous, o.source_file || ':' || o.source_line AS line "
                + "FROM obs o JOIN prev p ON p.series_key = o.series_key AND p.year = o.year "
                + "WHERE o.value IS NOT NULL AND p.value IS NOT NULL AND o.value <> p.value AND ("
                + "(o.unit = 'COUNT' AND abs(p.value) < " + small + ") OR abs(o.value - p.value) > greatest("
                + rule.tolerance().absolute() + ", " + rule.tolerance().relative() + " * abs(p.value))) "
                + "ORDER BY o.series_key, o.year";
        try (Statement st = data.db().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                double v = rs.getDouble("value");
                double p = rs.getDouble("previous");
                int year = rs.getInt("year");
                double change = v - p;
                sink.add(rule, rs.getString("series_key"), year, Integer.toString(year), Figures.number(v),
                        Figures.number(p) + " (previous vintage)", change, Figures.lines(rs.getString("line")),
                        Map.of("previous", Figures.number(p), "previous_source", data.previousName(),
                                "change", Figures.signed(change),
                                "change_pct", Figures.percent(p == 0 ? Double.POSITIVE_INFINITY : change / p)));
            }
        }
    }
}
