package org.uncts.cts.validate.checks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.uncts.cts.validate.catalogue.Rule;
import org.uncts.cts.validate.catalogue.RuleKind;

/**
 * Checks along each series, year after year, in Java over one sorted pass of the cycle: the
 * year-on-year change rule and the turned-zero rule. Only consecutive years are compared, and
 * never across a break in series (a year with status B starts a new series).
 */
public final class SeriesTrendChecks {

    /** A figure of a series in one year, with where it came from. */
    public record Point(int year, double value, String status, String line) {
    }

    /** The key fields of a series: all but the year. */
    private static final List<String> SERIES = KeyFields.ALL.subList(0, KeyFields.ALL.size() - 1);

    private final List<Rule> yearOnYear;
    private final List<Rule> turnedZero;

    public SeriesTrendChecks(List<Rule> rules) {
        this.yearOnYear = rules.stream().filter(r -> r.kind() == RuleKind.YEAR_ON_YEAR).toList();
        this.turnedZero = rules.stream().filter(r -> r.kind() == RuleKind.TURNED_ZERO).toList();
    }

    public void run(CycleData data, FindingSink sink) throws SQLException {
        if (yearOnYear.isEmpty() && turnedZero.isEmpty()) {
            return;
        }
        // DuckDB pairs each figure with the same series' figure of the year before (a join on the packed series key
        // and the year) and returns only the pairs some rule could flag (a loose superset of the rules' tests); the
        // exact tests and the findings stay in compare(). Lines are joined into text only for the pairs kept.
        String sql = "SELECT series_key, unit, indicator, year, value, obs_status, source_file || ':' || source_line AS line, "
                + "prev_year, prev_value, prev_file || ':' || prev_source_line AS prev_line "
                + "FROM (SELECT a.series_key, a.unit, a.indicator, a.year, a.value, a.obs_status, a.source_file, a.source_line, "
                + "b.year AS prev_year, b.value AS prev_value, b.source_file AS prev_file, b.source_line AS prev_source_line "
                + "FROM obs a JOIN obs b ON " + data.key("a", SERIES) + " = " + data.key("b", SERIES) + " AND b.year = a.year - 1 "
                + "WHERE a.value IS NOT NULL AND b.value IS NOT NULL AND coalesce(a.obs_status, '') <> 'B') "
                + "WHERE " + candidates() + " "
                + "ORDER BY series_key, year, source_file, source_line";
        try (Statement st = data.db().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Point before = new Point(rs.getInt(8), rs.getDouble(9), null, rs.getString(10));
                Point p = new Point(rs.getInt(4), rs.getDouble(5), rs.getString(6), rs.getString(7));
                compare(rs.getString(1), rs.getString(2), rs.getString(3), before, p, sink);
            }
        }
    }

    /** SQL over value (now) and prev_value (before) that holds for every pair a rule flags, and for few others. */
    private String candidates() {
        List<String> any = new java.util.ArrayList<>();
        for (Rule r : turnedZero) {
            any.add("(" + appliesSql(r) + " AND value = 0)");
        }
        for (Rule r : yearOnYear) {
            // beyondChange() with its bounds lowered by 0.1%, so that rounding in SQL cannot leave a flagged pair out
            String d = "abs(value - prev_value)";
            String bound = "greatest(0, CASE WHEN prev_value = 0 THEN 0 ELSE " + r.tolerance().relative() + " * abs(prev_value) END, "
                    + r.number("noise_factor", 3) + " * sqrt(greatest(0, value) + greatest(0, prev_value)), "
                    + r.tolerance().absolute() + ")";
            any.add("(" + appliesSql(r) + " AND " + d + " > 0 AND " + d + " >= 0.999 * " + bound + ")");
        }
        return any.isEmpty() ? "FALSE" : String.join(" OR ", any);
    }

    private static String appliesSql(Rule r) {
        List<String> units = r.strings("units");
        List<String> indicators = r.strings("indicators");
        String u = units.isEmpty() ? "TRUE" : "unit IN (" + String.join(", ", units.stream().map(KeyFields::quote).toList()) + ")";
        String i = indicators.isEmpty() ? "TRUE"
                : "indicator IN (" + String.join(", ", indicators.stream().map(KeyFields::quote).toList()) + ")";
        return u + " AND " + i;
    }

    private void compare(String key, String unit, String indicator, Point before, Point now, FindingSink sink) {
        if (now.year() != before.year() + 1 || "B".equals(now.status())) {
            return;
        }
        boolean zeroSpoken = false;
        for (Rule r : turnedZero) {
            if (applies(r, unit, indicator) && turnedZero(r, before.value(), now.value())) {
                zeroSpoken = true;
                sink.add(r, key, now.year(), before.year() + "-" + now.year(), Figures.number(now.value()),
                        "a figure near " + Figures.number(before.value()) + " or an empty cell if not available", now.value() - before.value(),
                        Figures.lines(now.line() + "\n" + before.line()),
                        Map.of("previous_year", Integer.toString(before.year()), "previous", Figures.number(before.value())));
            }
        }
        if (zeroSpoken) {
            return; // the turned-zero finding explains this change; one question per figure
        }
        for (Rule r : yearOnYear) {
            if (!applies(r, unit, indicator)) {
                continue;
            }
            double bound = noiseBound(r, before.value(), now.value());
            if (beyondChange(r, before.value(), now.value())) {
                double d = now.value() - before.value();
                sink.add(r, key, now.year(), before.year() + "-" + now.year(), Figures.number(now.value()),
                        Figures.number(before.value()) + " +/- " + Figures.number(Math.max(
                                r.tolerance().relative() * Math.abs(before.value()), bound)) + " (" + before.year() + ")",
                        d, Figures.lines(now.line() + "\n" + before.line()),
                        Map.of("previous_year", Integer.toString(before.year()), "previous", Figures.number(before.value()),
                                "change", Figures.signed(d),
                                "change_pct", Figures.percent(before.value() == 0 ? Double.POSITIVE_INFINITY : d / before.value()),
                                "noise_bound", Figures.number(Math.round(bound * 10) / 10.0)));
            }
        }
    }

    /**
     * Whether a change from x(t-1) to x(t) is flagged: |d| / x(t-1) beyond the relative tolerance
     * AND |d| > noise_factor x sqrt(x(t) + x(t-1)), the Poisson noise guard for small counts.
     */
    public static boolean beyondChange(Rule rule, double before, double now) {
        double d = Math.abs(now - before);
        boolean relative = before == 0 ? d > 0 : d / Math.abs(before) > rule.tolerance().relative();
        return relative && d > noiseBound(rule, before, now) && d > rule.tolerance().absolute();
    }

    static double noiseBound(Rule rule, double before, double now) {
        return rule.number("noise_factor", 3) * Math.sqrt(Math.max(0, now) + Math.max(0, before));
    }

    /** An exact zero after a year with at least min_before. */
    public static boolean turnedZero(Rule rule, double before, double now) {
        return now == 0 && before >= rule.number("min_before", 10);
    }

    private static boolean applies(Rule r, String unit, String indicator) {
        List<String> units = r.strings("units");
        List<String> indicators = r.strings("indicators");
        return (units.isEmpty() || units.contains(unit)) && (indicators.isEmpty() || indicators.contains(indicator));
    }
}
