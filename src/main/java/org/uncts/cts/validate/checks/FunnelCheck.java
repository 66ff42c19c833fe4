package org.uncts.cts.validate.checks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uncts.cts.validate.catalogue.Rule;

/**
 * The criminal justice funnel: each stage (suspected, prosecuted, brought before courts,
 * convicted) has no more persons than the stage before it, for the same offence, breakdown and
 * year. A stage the country does not report is skipped: the next one is compared with the last
 * reported stage before it.
 */
public final class FunnelCheck implements CycleCheck {

    @Override
    public void run(CycleData data, Rule rule, FindingSink sink) throws SQLException {
        List<String> stages = rule.strings("stages");
        List<String> shared = new ArrayList<>(KeyFields.ALL);
        shared.remove("indicator");
        String stageList = "[" + String.join(", ", stages.stream().map(KeyFields::quote).toList()) + "]";
        String sql = "SELECT * FROM (SELECT series_key, year, indicator, value, source_file || ':' || source_line AS line, "
                + "lag(indicator) OVER w AS earlier, lag(value) OVER w AS earlier_value, "
                + "lag(source_file || ':' || source_line) OVER w AS earlier_line "
                + "FROM obs WHERE unit = 'COUNT' AND value IS NOT NULL AND indicator IN (" + stageList.substring(1, stageList.length() - 1) + ") "
                + "WINDOW w AS (PARTITION BY " + data.key("", shared) + " ORDER BY list_position(" + stageList + ", indicator))) "
                + "WHERE earlier IS NOT NULL AND value - earlier_value > greatest(" + rule.tolerance().absolute() + ", "
                + rule.tolerance().relative() + " * abs(earlier_value)) ORDER BY series_key, year";
        try (Statement st = data.db().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                double v = rs.getDouble("value");
                double e = rs.getDouble("earlier_value");
                int year = rs.getInt("year");
                sink.add(rule, rs.getString("series_key"), year, Integer.toString(year), Figures.number(v),
                        "<= " + Figures.number(e) + " (" + rs.getString("earlier") + ")", v - e,
                        Figures.lines(rs.getString("line") + "\n" + rs.getString("earlier_line")),
                        Map.of("stage", stageName(rs.getString("indicator")), "stage_value", Figures.number(v),
                                "earlier_stage", stageName(rs.getString("earlier")), "earlier_value", Figures.number(e)));
            }
        }
    }

    /** persons_brought_before_courts -> "brought before courts". */
    static String stageName(String indicator) {
        return indicator.startsWith("persons_") ? indicator.substring(8).replace('_', ' ') : indicator.replace('_', ' ');
    }
}
