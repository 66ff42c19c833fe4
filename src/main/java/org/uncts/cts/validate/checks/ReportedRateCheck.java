package org.uncts.cts.validate.checks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.uncts.cts.model.Sex;
import org.uncts.cts.validate.catalogue.Rule;

/**
 * A reported rate per 100,000 agrees with the count of the same series over the reference
 * population (of the same sex): 100,000 x count / population. Rates with no count beside them,
 * or no population for the country, year and sex, or an age group other than all ages, cannot be
 * recomputed and are not judged.
 */
public final class ReportedRateCheck implements CycleCheck {

    @Override
    public void run(CycleData data, Rule rule, FindingSink sink) throws SQLException {
        List<String> shared = new ArrayList<>(KeyFields.ALL);
        shared.remove("unit");
        String sql = "SELECT r.series_key, r.country_iso3, r.year, r.sex, r.value AS rate, c.value AS count, "
                + "r.source_file || ':' || r.source_line || chr(10) || c.source_file || ':' || c.source_line AS lines "
                + "FROM obs r JOIN obs c ON " + data.key("r", shared) + " = " + data.key("c", shared) + " AND c.unit = 'COUNT' "
                + "WHERE r.unit = 'RATE_PER_100K' AND r.age = '_T' AND r.value IS NOT NULL AND c.value IS NOT NULL AND "
                + KeyFields.indicatorFilter("r", rule.strings("indicators"))
                + " ORDER BY r.series_key, r.year";
        try (Statement st = data.db().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Sex sex = Sex.fromCode(rs.getString("sex"));
                if (sex == null) {
                    continue;
                }
                int year = rs.getInt("year");
                OptionalDouble pop = data.population().population(rs.getString("country_iso3"), year, sex);
                if (pop.isEmpty() || pop.getAsDouble() <= 0) {
                    continue;
                }
                double rate = rs.getDouble("rate");
                double count = rs.getDouble("count");
                double computed = 100_000 * count / pop.getAsDouble();
                if (!rule.tolerance().exceeded(rate - computed, computed)) {
                    continue;
                }
                String shown = Figures.number(Math.round(computed * 10_000) / 10_000.0);
                sink.add(rule, rs.getString("series_key"), year, Integer.toString(year), Figures.number(rate),
                        shown + " (100,000 x " + Figures.number(count) + " / " + Figures.number(pop.getAsDouble()) + ")",
                        rate - computed, Figures.lines(rs.getString("lines")),
                        Map.of("count", Figures.number(count), "population", Figures.number(pop.getAsDouble()),
                                "computed", shown));
            }
        }
    }
}
