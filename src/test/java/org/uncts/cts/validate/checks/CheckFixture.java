package org.uncts.cts.validate.checks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uncts.cts.model.Severity;
import org.uncts.cts.model.Sex;
import org.uncts.cts.reference.PopulationFile;
import org.uncts.cts.reference.PopulationFileLayout;
import org.uncts.cts.reference.PopulationTable;
import org.uncts.cts.testing.Duck;
import org.uncts.cts.validate.catalogue.Rule;
import org.uncts.cts.validate.catalogue.RuleKind;
import org.uncts.cts.validate.catalogue.Tolerance;

/**
 * Hand-built observations for the cross-row checks: rows are added one by one (each gets its own
 * line in file "t.csv"), written to Parquet with the published columns, and checked.
 */
final class CheckFixture {

    /** A finding as read back from the findings Parquet. */
    record Row(String ruleId, String seriesKey, Integer year, String years, String value, String expected,
               Double imbalance, String message, String sourceLines) {
    }

    private final Path dir;
    private final List<String> rows = new ArrayList<>();
    private final List<String> previous = new ArrayList<>();
    private final List<PopulationFile.Entry> population = new ArrayList<>();

    CheckFixture(Path dir) {
        this.dir = dir;
    }

    /** country, indicator, iccs, dimension, category, sex, age, unit, year, value (null = missing), status. */
    CheckFixture obs(String country, String indicator, String iccs, String dimension, String category, String sex,
                     String unit, int year, Double value, String status) {
        rows.add(values(country, indicator, iccs, dimension, category, sex, unit, year, value)
                + ", '" + status + "', 't.csv', " + (rows.size() + 2) + ")");
        return this;
    }

    /** A count, status A, no breakdown but sex. */
    CheckFixture count(String country, String indicator, String iccs, String sex, int year, double value) {
        return obs(country, indicator, iccs, "Total", "Total", sex, "COUNT", year, value, "A");
    }

    CheckFixture previous(String country, String indicator, String iccs, String sex, int year, double value) {
        previous.add(values(country, indicator, iccs, "Total", "Total", sex, "COUNT", year, value) + ")");
        return this;
    }

    CheckFixture population(String iso3, int year, Sex sex, double people) {
        population.add(new PopulationFile.Entry(population.size() + 2, iso3, year, sex, people));
        return this;
    }

    private static String values(String country, String indicator, String iccs, String dimension, String category,
                                 String sex, String unit, int year, Double value) {
        return "('" + country + "', '" + indicator + "', " + (iccs == null ? "NULL::VARCHAR" : "'" + iccs + "'") + ", '" + dimension
                + "', '" + category + "', '" + sex + "', '_T', '" + unit + "', " + year + ", "
                + (value == null ? "NULL" : value + "::DOUBLE");
    }

    static Rule rule(String id, RuleKind kind, Tolerance tolerance, Map<String, Object> params) {
        return new Rule(id, kind, kind == RuleKind.FUNNEL ? Severity.WARNING : Severity.ERROR, "test rule " + id, "why",
                tolerance, params, "{series} {year}: {value} vs {expected} ({imbalance})", false, "test");
    }

    List<Row> check(Rule... rules) {
        Path obs = dir.resolve("obs.parquet");
        String cols = "country_iso3, indicator, iccs_code, dimension, category, sex, age, unit, year, value, obs_status, source_file, source_line";
        Duck.execute("COPY (SELECT *, concat_ws('|', country_iso3, indicator, coalesce(iccs_code, ''), dimension, category, sex, age, unit) "
                + "AS series_key FROM (VALUES " + String.join(", ", rows) + ") t(" + cols + ")) TO '" + obs + "' (FORMAT parquet)");
        Path prev = null;
        if (!previous.isEmpty()) {
            prev = dir.resolve("previous.parquet");
            Duck.execute("COPY (SELECT * FROM (VALUES " + String.join(", ", previous) + ") t(country_iso3, indicator, iccs_code, "
                    + "dimension, category, sex, age, unit, year, value)) TO '" + prev + "' (FORMAT parquet)");
        }
        PopulationTable pop = PopulationTable.of(List.of(new PopulationFile("pop.csv", "x", PopulationFileLayout.values()[0],
                population, List.of())));
        Path out = dir.resolve("findings.parquet");
        new CrossRowValidation(List.of(rules)).run(new CrossRowValidation.Inputs(obs.toString(), pop, prev,
                prev == null ? null : "previous.parquet", null), out, 1, iso3 -> iso3);
        List<Row> found = new ArrayList<>();
        for (List<Object> r : Duck.rows("SELECT rule_id, series_key, year, years, value, expected, imbalance, message, "
                + "source_lines FROM read_parquet('" + out + "')")) {
            found.add(new Row((String) r.get(0), (String) r.get(1), (Integer) r.get(2), (String) r.get(3), (String) r.get(4),
                    (String) r.get(5), (Double) r.get(6), (String) r.get(7), (String) r.get(8)));
        }
        return found;
    }
}
