package org.uncts.cts.validate.checks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uncts.cts.validate.catalogue.Rule;

/**
 * "The same figure in two places": two different series of one country (two indicators, or two
 * cells of a breakdown) hold exactly the same figure in two or more of the same years. One
 * finding per pair of series, listing the years. Small figures (below min_value) coincide by
 * chance and are left out.
 */
public final class SameFigureCheck implements CycleCheck {

    @Override
    public void run(CycleData data, Rule rule, FindingSink sink) throws SQLException {
        long minYears = Math.round(rule.number("min_years", 2));
        double minValue = rule.number("min_value", 10);
        // Only figures that occur at least twice in a country, unit and year can pair up; pairs are counted on keys
        // first, and the years, figures and lines gathered only for the pairs seen in min_years years
        String sql = "WITH f AS (SELECT country_iso3, unit, year, value, series_key, source_file || ':' || source_line AS line "
                + "FROM (SELECT * FROM obs WHERE value IS NOT NULL AND value >= " + minValue + " "
                + "QUALIFY count(*) OVER (PARTITION BY " + data.key("", List.of("country_iso3", "unit", "year")) + ", value) > 1)), "
                + "pairs AS (SELECT a.series_key AS a_key, b.series_key AS b_key "
                + "FROM f a JOIN f b ON a.country_iso3 = b.country_iso3 AND a.unit = b.unit AND a.year = b.year "
                + "AND a.value = b.value AND a.series_key < b.series_key "
                + "GROUP BY a.series_key, b.series_key HAVING count(*) >= " + minYears + ") "
                + "SELECT a.series_key AS a_key, b.series_key AS b_key, list(a.year ORDER BY a.year) AS years, "
                + "string_agg(CAST(a.value AS VARCHAR), chr(10) ORDER BY a.year) AS vals, "
                + "string_agg(a.line, chr(10) ORDER BY a.year) AS a_lines, string_agg(b.line, chr(10) ORDER BY a.year) AS b_lines "
                + "FROM pairs JOIN f a ON a.series_key = pairs.a_key JOIN f b ON b.series_key = pairs.b_key "
                + "AND a.country_iso3 = b.country_iso3 AND a.unit = b.unit AND a.year = b.year AND a.value = b.value "
                + "GROUP BY a.series_key, b.series_key ORDER BY a_key, b_key";
        try (Statement st = data.db().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<Integer> years = Figures.yearList(rs.getArray("years"));
                List<String> values = new ArrayList<>();
                String[] vals = rs.getString("vals").split("\n");
                for (int i = 0; i < vals.length; i++) {
                    values.add(years.get(i) + ": " + Figures.number(Double.parseDouble(vals[i])));
                }
                String other = rs.getString("b_key");
                List<Finding.SourceLine> lines = new ArrayList<>(Figures.lines(rs.getString("a_lines")));
                List<Finding.SourceLine> otherLines = Figures.lines(rs.getString("b_lines"));
                lines.addAll(otherLines);
                sink.add(rule, rs.getString("a_key"), null, Figures.years(years), String.join(", ", values),
                        "different figures in " + Figures.series(other), null, lines,
                        Map.of("other_series", Figures.series(other), "other_lines", Figures.linesText(otherLines)));
            }
        }
    }
}
