package org.uncts.cts.validate.checks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uncts.cts.validate.catalogue.Rule;

/**
 * Completeness against the previous vintage: a series the country reported before and does not
 * report in this cycle. Only countries that sent something this cycle, and indicators that this
 * cycle's returns contain (for any country), are looked at: a country that has not replied yet is
 * followed up as non-response, and a table not yet received (or not given to ./cts validate) is
 * not missing series by series.
 */
public final class MissingSeriesCheck implements CycleCheck {

    @Override
    public void run(CycleData data, Rule rule, FindingSink sink) throws SQLException {
        if (!data.hasPrevious()) {
            return;
        }
        String sql = "SELECT p.series_key, list(DISTINCT p.year ORDER BY p.year) AS years, "
                + "string_agg(p.year || ': ' || coalesce(CAST(p.value AS VARCHAR), 'missing'), chr(10) ORDER BY p.year) AS vals "
                + "FROM prev p WHERE p.country_iso3 IN (SELECT DISTINCT country_iso3 FROM obs) "
                + "AND p.indicator IN (SELECT DISTINCT indicator FROM obs) "
                + "AND NOT EXISTS (SELECT 1 FROM obs o WHERE o.series_key = p.series_key) "
                + "GROUP BY p.series_key ORDER BY p.series_key";
        try (Statement st = data.db().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<Integer> years = Figures.yearList(rs.getArray("years"));
                List<String> values = new ArrayList<>();
                for (String v : rs.getString("vals").split("\n")) {
                    int c = v.indexOf(": ");
                    String num = v.substring(c + 2);
                    values.add(v.substring(0, c) + ": " + (num.equals("missing") ? num : Figures.number(Double.parseDouble(num))));
                }
                String ys = Figures.years(years);
                sink.add(rule, rs.getString("series_key"), null, ys, "not reported",
                        String.join(", ", values) + " (previous vintage)", null,
                        List.of(new Finding.SourceLine(data.previousName(), null)),
                        Map.of("previous_years", ys, "previous_source", data.previousName()));
            }
        }
    }
}
