package org.uncts.cts.validate.checks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.uncts.cts.model.Sex;
import org.uncts.cts.validate.catalogue.Rule;

/**
 * A rate per 100,000 inside plausible bounds (homicide above 100, prison population above 1,000,
 * police below 50 or above 1,500 per 100,000 are almost always a unit or a population mistake).
 * Counts are turned into rates with the reference population of the same sex; a reported rate is
 * judged as it is, unless its count is also reported (then the count speaks, once). Age groups
 * other than all ages have no population and are not judged.
 */
public final class RateRangeCheck implements CycleCheck {

    @Override
    public void run(CycleData data, Rule rule, FindingSink sink) throws SQLException {
        Double min = rule.has("min") ? rule.number("min", 0) : null;
        Double max = rule.has("max") ? rule.number("max", 0) : null;
        List<String> twin = new ArrayList<>(KeyFields.ALL);
        twin.remove("unit");
        String sql = "SELECT o.series_key, o.country_iso3, o.year, o.sex, o.unit, o.value, "
                + "o.source_file || ':' || o.source_line AS line FROM obs o "
                + "WHERE o.value IS NOT NULL AND o.age = '_T' AND " + KeyFields.indicatorFilter("o", rule.strings("indicators"))
                + " AND " + KeyFields.where("o", rule.map("cell"))
                + " AND (o.unit = 'COUNT' OR NOT EXISTS (SELECT 1 FROM obs c WHERE c.unit = 'COUNT' AND c.value IS NOT NULL AND "
                + data.key("c", twin) + " = " + data.key("o", twin) + ")) ORDER BY o.series_key, o.year";
        try (Statement st = data.db().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                boolean count = "COUNT".equals(rs.getString("unit"));
                double value = rs.getDouble("value");
                int year = rs.getInt("year");
                double rate = value;
                OptionalDouble pop = OptionalDouble.empty();
                if (count) {
                    pop = data.population().population(rs.getString("country_iso3"), year, Sex.fromCode(rs.getString("sex")));
                    if (pop.isEmpty() || pop.getAsDouble() <= 0) {
                        continue;
                    }
                    rate = 100_000 * value / pop.getAsDouble();
                }
                Double bound = min != null && rate < min ? min : max != null && rate > max ? max : null;
                if (bound == null) {
                    continue;
                }
                String shownRate = Figures.number(Math.round(rate * 100) / 100.0);
                Map<String, String> extra = new LinkedHashMap<>();
                extra.put("rate", shownRate);
                extra.put("bound", Figures.number(bound));
                extra.put("count", count ? Figures.number(value) : "");
                extra.put("population", pop.isPresent() ? Figures.number(pop.getAsDouble()) : "");
                String found = count ? shownRate + " per 100,000 (100,000 x " + Figures.number(value) + " / "
                        + Figures.number(pop.getAsDouble()) + ")" : shownRate + " per 100,000 (as reported)";
                String expected = (bound.equals(min) ? ">= " : "<= ") + Figures.number(bound) + " per 100,000";
                sink.add(rule, rs.getString("series_key"), year, Integer.toString(year), found, expected, rate - bound,
                        Figures.lines(rs.getString("line")), extra);
            }
        }
    }
}
