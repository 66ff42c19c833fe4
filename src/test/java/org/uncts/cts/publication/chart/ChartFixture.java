package org.uncts.cts.publication.chart;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A tiny release as DuckDB views with the names and columns of ReleaseData's: five areas in three
 * M49 regions, homicide rates with a missing year (FRA 2020), an estimate (DEU 2019), a missing
 * value (DEU 2023), other sexes and formulas that a chart must not pick up; regional values with
 * one year not published (World 2019).
 */
final class ChartFixture {

    static final double WORLD_2020 = 5.5;

    private ChartFixture() {
    }

    static Connection open() throws SQLException {
        Connection db = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = db.createStatement()) {
            st.execute("""
                    CREATE VIEW countries AS SELECT * FROM (VALUES
                      ('FRA', '250', 'France', '150', 'Europe', '155', 'Western Europe', NULL, NULL, NULL),
                      ('DEU', '276', 'Germany', '150', 'Europe', '155', 'Western Europe', NULL, NULL, NULL),
                      ('GBR_E_W', NULL, 'England and Wales', '150', 'Europe', '154', 'Northern Europe', NULL, NULL, 'GBR'),
                      ('BRA', '076', 'Brazil', '019', 'Americas', '419', 'Latin America and the Caribbean', '005', 'South America', NULL),
                      ('KEN', '404', 'Kenya', '002', 'Africa', '202', 'Sub-Saharan Africa', '014', 'Eastern Africa', NULL))
                    t(iso3, m49, name, region_code, region, subregion_code, subregion,
                      intermediate_region_code, intermediate_region, parent_iso3)
                    """);
            StringBuilder ind = new StringBuilder("CREATE VIEW indicator_rows AS SELECT * FROM (VALUES ");
            String sep = "";
            for (int year = 2018; year <= 2022; year++) {
                for (String c : new String[] {"FRA", "DEU", "GBR_E_W", "BRA", "KEN"}) {
                    if (c.equals("FRA") && year == 2020) {
                        continue; // a gap
                    }
                    double v = rate(c, year);
                    String status = c.equals("DEU") && year == 2019 ? "E" : "A";
                    ind.append(sep).append(row("sdg_16_1_1", c, year, "victims_intentional_homicide", "'0101'",
                            "Total", "Total", "_T", v, status));
                    sep = ", ";
                    // what the chart must not draw: another sex, another formula
                    ind.append(sep).append(row("sdg_16_1_1", c, year, "victims_intentional_homicide", "'0101'",
                            "Total", "Total", "M", v * 1.8, "A"));
                    ind.append(sep).append(row("prison_population_rate", c, year, "persons_held", "NULL",
                            "Total", "Total", "_T", v * 30, "A"));
                }
            }
            ind.append(sep).append("('sdg_16_1_1', 'DEU', 2023, 'victims_intentional_homicide', '0101', 'Total', 'Total',"
                    + " '_T', '_T', NULL::DOUBLE, 'per 100,000 population', 'O')");
            ind.append(") t(formula_id, country_iso3, year, base_indicator, iccs_code, dimension, category, sex, age, value,"
                    + " unit, obs_status)");
            st.execute(ind.toString());
            st.execute("CREATE VIEW indicators AS SELECT * FROM indicator_rows"); // a test may replace it

            StringBuilder agg = new StringBuilder("CREATE VIEW regional_aggregates AS SELECT * FROM (VALUES ");
            sep = "";
            String[][] regions = {{"world", "001", "World"}, {"m49_region", "150", "Europe"},
                {"m49_region", "019", "Americas"}, {"m49_region", "002", "Africa"}};
            for (String[] r : regions) {
                for (int year = 2018; year <= 2022; year++) {
                    boolean published = !(r[0].equals("world") && year == 2019);
                    double v = r[0].equals("world") && year == 2020 ? WORLD_2020 : regionRate(r[1], year);
                    agg.append(sep).append("('").append(r[0]).append("', '").append(r[1]).append("', '").append(r[2])
                            .append("', 'sdg_16_1_1', 'victims_intentional_homicide', '0101', 'Total', 'Total', '_T', '_T', ")
                            .append(year).append(", ").append(published ? String.valueOf(v) : "NULL::DOUBLE")
                            .append(", 'per 100,000 population', ").append(published).append(")");
                    sep = ", ";
                }
            }
            // a region with rows but nothing published: listed under the chart, not drawn
            agg.append(sep).append("('m49_region', '009', 'Oceania', 'sdg_16_1_1', 'victims_intentional_homicide', '0101',"
                    + " 'Total', 'Total', '_T', '_T', 2020, NULL::DOUBLE, 'per 100,000 population', false)");
            agg.append(") t(grouping, region_code, region_name, formula_id, base_indicator, iccs_code, dimension, category,"
                    + " sex, age, year, value, unit, published)");
            st.execute(agg.toString());
        }
        return db;
    }

    /** The homicide rate of a country and year in the fixture. */
    static double rate(String iso3, int year) {
        double base = switch (iso3) {
            case "FRA" -> 1.2;
            case "DEU" -> 0.8;
            case "GBR_E_W" -> 1.0;
            case "BRA" -> 22.0;
            default -> 5.0;
        };
        return base + (year - 2018) * 0.1;
    }

    static double regionRate(String code, int year) {
        double base = switch (code) {
            case "150" -> 1.0;
            case "019" -> 15.0;
            case "002" -> 4.0;
            default -> 6.0;
        };
        return base - (year - 2018) * 0.1;
    }

    private static String row(String formula, String iso3, int year, String base, String iccs, String dimension,
                              String category, String sex, double value, String status) {
        return "('" + formula + "', '" + iso3 + "', " + year + ", '" + base + "', " + iccs + ", '" + dimension + "', '"
                + category + "', '" + sex + "', '_T', " + value + ", 'per 100,000 population', '" + status + "')";
    }
}
