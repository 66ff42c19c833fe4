package org.uncts.cts.publication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a {@link PublicationTable} from a definition and the datasets of one release (the views
 * of {@link org.uncts.cts.publish.ReleaseData}). Country figures come from indicators,
 * observations and trends; regional rows from regional_aggregates and regional_trends, so a
 * table never computes a figure of its own: it shows the published ones with their flags.
 */
public final class TableBuilder {

    /**
     * What the person asking for the table chose.
     *
     * @param from   first year (overrides the definition); null for the definition's
     * @param to     last year; null for the definition's
     * @param region keep only the countries (or regions) of this region or subregion, by name or M49 code; null for all
     */
    public record Options(Integer from, Integer to, String region) {
        public static Options defaults() {
            return new Options(null, null, null);
        }
    }

    /** Facts about the run the table is from, for the title and the source line. */
    public record Context(String cycle, long runId) {
    }

    /** Marker letters of observation statuses and regional flags, in the order the legend lists them. */
    static final Map<String, String> LEGEND = legend();

    private static final int STATISTIC_YEAR = 0;

    private static final Map<String, String> GROUPING_HEADINGS = Map.of("m49_region", "Regions (M49)",
            "m49_subregion", "Subregions (M49)", "m49_intermediate_region", "Intermediate regions (M49)",
            "sdg_region", "SDG regions");

    private final String name;
    private final TableDefinition def;
    private final Connection db;
    private final Options options;
    private final Context context;

    private TableBuilder(String name, TableDefinition def, Connection db, Options options, Context context) {
        this.name = name;
        this.def = def;
        this.db = db;
        this.options = options;
        this.context = context;
    }

    /**
     * @throws TableException when the table cannot be made (no data, unknown region, a cell
     *                        definition matching more than one figure), with what to change
     */
    public static PublicationTable build(String name, TableDefinition def, Connection db, Options options, Context context) {
        try {
            return new TableBuilder(name, def, db, options, context).build();
        } catch (SQLException e) {
            throw new TableException("Table " + name + ": cannot read the datasets (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    private PublicationTable build() throws SQLException {
        int[] range = years();
        int from = range[0];
        int to = range[1];
        List<Integer> years = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            years.add(y);
        }
        boolean countries = def.rows().countries();
        List<Figures> figures = new ArrayList<>();
        for (TableDefinition.Column c : def.columns()) {
            figures.add(new Figures(countries ? countryFigures(c.cell(), from, to) : Map.of(),
                    regionalFigures(c.cell(), from, to), c));
        }
        Markers markers = new Markers();
        List<TableColumn> columns = columns(years);
        List<RowKey> keys = countries ? countryRows() : regionRows();
        List<TableRow> rows = new ArrayList<>();
        for (RowKey key : keys) {
            if (key.kind == TableRow.Kind.HEADING) {
                rows.add(new TableRow(TableRow.Kind.HEADING, key.level, key.label, key.code, List.of()));
                continue;
            }
            List<TableCell> cells = cells(key, figures, years, markers);
            boolean any = cells.stream().skip(def.latestYear() ? 1 : 0)
                    .anyMatch(c -> c.number() != null || c.text() != null);
            if (key.kind == TableRow.Kind.COUNTRY && !any) {
                continue; // a country with nothing to show is left out, as in a yearbook
            }
            rows.add(new TableRow(key.kind, key.level, key.label, key.code, cells));
        }
        rows = dropEmptyGroups(rows);
        if (rows.stream().noneMatch(r -> r.kind() == TableRow.Kind.COUNTRY || r.kind() == TableRow.Kind.AGGREGATE
                && r.cells().stream().anyMatch(c -> c.number() != null || c.text() != null))) {
            throw new TableException("Table " + name + ": no figures for " + from + "-" + to
                    + (options.region() == null ? "" : " in " + options.region())
                    + ". Check the years (--from/--to) and that the run produced the indicators the table uses.");
        }
        Map<String, String> fill = placeholders(from, to);
        List<String> notes = new ArrayList<>();
        notes.add(TableCell.NOT_AVAILABLE + " not available.");
        if (!countries || def.rows().aggregates()) {
            notes.add("Regional and world figures are the sum of the member countries' counts over the sum of their"
                    + " population, published when the countries with data cover at least half of the population.");
        }
        for (String f : def.footnotes()) {
            notes.add(fill(f, fill));
        }
        return new PublicationTable(name, fill(def.title(), fill), def.subtitle() == null ? null : fill(def.subtitle(), fill),
                countries ? "Region / country or area" : "Region", columns, rows, markers.footnotes(), notes,
                def.source() == null ? null : fill(def.source(), fill));
    }

    // ---- years and columns

    private int[] years() throws SQLException {
        Integer min = null;
        Integer max = null;
        try (PreparedStatement st = db.prepareStatement("SELECT CAST(min(year) AS INTEGER), CAST(max(year) AS INTEGER) FROM observations");
             ResultSet rs = st.executeQuery()) {
            if (rs.next()) {
                min = (Integer) rs.getObject(1);
                max = (Integer) rs.getObject(2);
            }
        }
        if (min == null) {
            throw new TableException("Table " + name + ": the release has no observations; run `./cts run` on returns first.");
        }
        TableDefinition.Years y = def.years();
        int from = min;
        int to = max;
        if (y != null) {
            if (y.last() != null) {
                from = Math.max(min, max - y.last() + 1);
            }
            from = y.from() != null ? y.from() : from;
            to = y.to() != null ? y.to() : to;
        }
        from = options.from() != null ? options.from() : from;
        to = options.to() != null ? options.to() : to;
        if (from > to) {
            throw new TableException("Table " + name + ": the first year " + from + " is after the last year " + to
                    + " (the data cover " + min + "-" + max + ").");
        }
        return new int[] {from, to};
    }

    private List<TableColumn> columns(List<Integer> years) {
        List<TableColumn> columns = new ArrayList<>();
        if (def.year().equals(TableDefinition.EACH)) {
            boolean several = def.columns().size() > 1;
            for (TableDefinition.Column c : def.columns()) {
                String group = c.group() != null ? c.group() : several ? c.header() : null;
                for (int y : years) {
                    String header = c.header() != null && c.header().contains("{year}") && !several
                            ? c.header().replace("{year}", Integer.toString(y)) : Integer.toString(y);
                    columns.add(new TableColumn(header, group));
                }
            }
            return columns;
        }
        if (def.latestYear()) {
            columns.add(new TableColumn("Year", null));
        }
        for (TableDefinition.Column c : def.columns()) {
            columns.add(new TableColumn(c.header(), c.group()));
        }
        return columns;
    }

    // ---- rows

    private record RowKey(TableRow.Kind kind, int level, String label, String code, String figureKey) {
    }

    private record Country(String iso3, String name, String regionCode, String region, String subregionCode, String subregion) {
    }

    private List<RowKey> countryRows() throws SQLException {
        List<Country> all = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT iso3, name, region_code, region, subregion_code, subregion FROM countries");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                all.add(new Country(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
            }
        }
        List<Country> kept = all;
        String region = options.region();
        if (region != null) {
            kept = all.stream().filter(c -> matches(region, c.regionCode(), c.region())
                    || matches(region, c.subregionCode(), c.subregion())).toList();
            if (kept.isEmpty()) {
                Set<String> valid = new java.util.TreeSet<>();
                all.forEach(c -> {
                    if (c.region() != null) {
                        valid.add(c.region());
                        valid.add(c.subregion());
                    }
                });
                throw new TableException("Table " + name + ": no country in region '" + region + "'. Regions and subregions: "
                        + String.join(", ", valid) + " (or their M49 codes).");
            }
        }
        String other = "Other areas";
        Comparator<String> byName = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
        // region -> subregion -> countries, names sorted as in a yearbook; areas without a region last
        TreeMap<String, TreeMap<String, List<Country>>> tree = new TreeMap<>(byName);
        for (Country c : kept) {
            String r = c.region() == null ? other : c.region();
            String s = c.region() == null || def.rows().groupBy().equals("region") ? "" : Objects.toString(c.subregion(), "");
            tree.computeIfAbsent(r, k -> new TreeMap<>(byName)).computeIfAbsent(s, k -> new ArrayList<>()).add(c);
        }
        boolean aggregates = def.rows().aggregates();
        List<RowKey> rows = new ArrayList<>();
        if (aggregates && region == null) {
            rows.add(new RowKey(TableRow.Kind.AGGREGATE, 0, "World", "001", "world|001"));
        }
        if (def.rows().groupBy().equals("none")) {
            kept.stream().sorted(Comparator.comparing(Country::name, byName))
                    .forEach(c -> rows.add(new RowKey(TableRow.Kind.COUNTRY, 0, c.name(), c.iso3(), c.iso3())));
            return rows;
        }
        List<String> regionNames = new ArrayList<>(tree.keySet());
        if (regionNames.remove(other)) {
            regionNames.add(other);
        }
        for (String r : regionNames) {
            Map<String, List<Country>> subs = tree.get(r);
            String regionCode = subs.values().iterator().next().get(0).regionCode();
            boolean real = !r.equals(other);
            rows.add(groupRow(0, r, regionCode, "m49_region", aggregates && real));
            for (Map.Entry<String, List<Country>> s : subs.entrySet()) {
                int level = 1;
                if (!s.getKey().isEmpty()) {
                    String subCode = s.getValue().get(0).subregionCode();
                    rows.add(groupRow(1, s.getKey(), subCode, "m49_subregion", aggregates));
                    level = 2;
                }
                for (Country c : s.getValue().stream().sorted(Comparator.comparing(Country::name, byName)).toList()) {
                    rows.add(new RowKey(TableRow.Kind.COUNTRY, level, c.name(), c.iso3(), c.iso3()));
                }
            }
        }
        return rows;
    }

    private static RowKey groupRow(int level, String label, String code, String grouping, boolean aggregate) {
        return aggregate ? new RowKey(TableRow.Kind.AGGREGATE, level, label, code, grouping + "|" + code)
                : new RowKey(TableRow.Kind.HEADING, level, label, code, null);
    }

    private List<RowKey> regionRows() throws SQLException {
        List<RowKey> rows = new ArrayList<>();
        for (String grouping : def.rows().groupings()) {
            Map<String, String> regions = new TreeMap<>();
            try (PreparedStatement st = db.prepareStatement(
                    "SELECT DISTINCT region_code, region_name FROM regional_aggregates WHERE grouping = ?")) {
                st.setString(1, grouping);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        regions.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            if (!grouping.equals("world") && def.rows().groupings().stream().filter(g -> !g.equals("world")).count() > 1) {
                // several kinds of region in one table: a heading says which list a region belongs to
                rows.add(new RowKey(TableRow.Kind.HEADING, 0, GROUPING_HEADINGS.get(grouping), null, null));
            }
            regions.entrySet().stream()
                    .filter(e -> options.region() == null || matches(options.region(), e.getKey(), e.getValue()))
                    .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER))
                    .forEach(e -> rows.add(new RowKey(TableRow.Kind.AGGREGATE, grouping.equals("world") ? 0 : 1,
                            e.getValue(), e.getKey(), grouping + "|" + e.getKey())));
        }
        if (rows.isEmpty()) {
            throw new TableException("Table " + name + ": no regions" + (options.region() == null ? "" : " matching '"
                    + options.region() + "'") + " in the groupings " + def.rows().groupings()
                    + ". Ask `./cts sql \"select distinct grouping, region_code, region_name from regional_aggregates\"` for the valid ones.");
        }
        return rows;
    }

    private static boolean matches(String wanted, String code, String label) {
        return wanted.equalsIgnoreCase(Objects.toString(code, "")) || wanted.equalsIgnoreCase(Objects.toString(label, ""));
    }

    /** Heading rows whose group kept no country are dropped (aggregate rows stay: they carry figures). */
    private static List<TableRow> dropEmptyGroups(List<TableRow> rows) {
        List<TableRow> kept = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TableRow r = rows.get(i);
            if (r.kind() == TableRow.Kind.HEADING) {
                boolean hasChild = false;
                for (int j = i + 1; j < rows.size() && rows.get(j).level() > r.level(); j++) {
                    if (rows.get(j).kind() != TableRow.Kind.HEADING) {
                        hasChild = true;
                        break;
                    }
                }
                if (!hasChild) {
                    continue;
                }
            }
            kept.add(r);
        }
        return kept;
    }

    // ---- cells

    private List<TableCell> cells(RowKey key, List<Figures> figures, List<Integer> years, Markers markers) {
        boolean country = key.kind == TableRow.Kind.COUNTRY;
        List<TableCell> cells = new ArrayList<>();
        if (def.year().equals(TableDefinition.EACH)) {
            for (Figures f : figures) {
                for (int y : years) {
                    cells.add(cell(f.of(country, key.figureKey, y), f.column.cell(), key, y, markers));
                }
            }
            return cells;
        }
        if (def.year().equals(TableDefinition.PERIOD)) {
            for (Figures f : figures) {
                cells.add(cell(f.of(country, key.figureKey, STATISTIC_YEAR), f.column.cell(), key, null, markers));
            }
            return cells;
        }
        // latest: the latest year with a figure in the first column, and every column at that year
        Integer latest = null;
        Map<Integer, Figure> anchor = figures.get(0).all(country, key.figureKey);
        for (Map.Entry<Integer, Figure> e : anchor.entrySet()) {
            if (e.getValue().value() != null && (latest == null || e.getKey() > latest)) {
                latest = e.getKey();
            }
        }
        cells.add(latest == null ? TableCell.missing(List.of()) : TableCell.text(Integer.toString(latest), List.of()));
        for (Figures f : figures) {
            cells.add(latest == null ? TableCell.missing(List.of())
                    : cell(f.of(country, key.figureKey, latest), f.column.cell(), key, latest, markers));
        }
        return cells;
    }

    private TableCell cell(Figure f, TableDefinition.Cell def, RowKey key, Integer year, Markers markers) {
        if (f == null) {
            return TableCell.missing(List.of());
        }
        List<String> m = new ArrayList<>();
        if (f.status() != null && LEGEND.containsKey(f.status().toLowerCase(Locale.ROOT))) {
            m.add(markers.use(f.status().toLowerCase(Locale.ROOT)));
        }
        if (f.imputed() && f.value() != null) { // on figures only: a year or a direction is not imputed
            m.add(markers.use("i"));
        }
        if (f.unpublished()) {
            m.add(markers.use("c"));
        }
        if (f.note() != null && !f.note().isBlank()) {
            m.add(markers.note(key.label + (year == null ? "" : ", " + year) + ": " + f.note().strip()));
        }
        if (f.value() != null) {
            return TableCell.number(f.value(), def.decimalsOrDefault(), m);
        }
        return f.text() != null ? TableCell.text(f.text(), m) : TableCell.missing(m);
    }

    // ---- figures

    /** One figure of a cell definition: a number or a text, with what the markers need. */
    record Figure(Double value, String text, String status, String note, boolean imputed, boolean unpublished) {
    }

    private record Figures(Map<String, Map<Integer, Figure>> countries, Map<String, Map<Integer, Figure>> regions,
                           TableDefinition.Column column) {
        Figure of(boolean country, String key, int year) {
            return all(country, key).get(year);
        }

        Map<Integer, Figure> all(boolean country, String key) {
            return (country ? countries : regions).getOrDefault(key, Map.of());
        }
    }

    private Map<String, Map<Integer, Figure>> countryFigures(TableDefinition.Cell c, int from, int to) throws SQLException {
        boolean counts = c.formula() == null && c.statistic() == null;
        Filter f = new Filter(c, counts ? "indicator" : "base_indicator");
        if (c.statistic() != null) {
            return query(c, "SELECT country_iso3, " + STATISTIC_YEAR + ", " + statistic(c.statistic()) + ", NULL, NULL, false, false, series_id"
                    + " FROM trends WHERE formula_id = ? AND period = ?" + f.sql("") + " QUALIFY row_number() OVER ("
                    + "PARTITION BY series_id ORDER BY segment_start DESC) = 1", f.params(c.formula(), c.period()));
        }
        if (c.formula() != null) {
            return query(c, "SELECT i.country_iso3, i.year, i.value, NULL, i.obs_status, o.note, false, false, i.series_id"
                    + " FROM indicators i LEFT JOIN observations o ON o.series_key = i.numerator_series AND o.year = i.year"
                    + " WHERE i.formula_id = ? AND i.year BETWEEN ? AND ?" + f.sql("i."), f.params(c.formula(), from, to));
        }
        return query(c, "SELECT country_iso3, year, value, NULL, obs_status, note, false, false, series_key"
                + " FROM observations WHERE unit = 'COUNT' AND year BETWEEN ? AND ?" + f.sql(""), f.params(from, to));
    }

    private Map<String, Map<Integer, Figure>> regionalFigures(TableDefinition.Cell c, int from, int to) throws SQLException {
        Filter f = new Filter(c, "base_indicator");
        String series = "grouping || '|' || region_code || '|' || formula_id || '|' || base_indicator || '|' || coalesce(iccs_code, '')"
                + " || '|' || dimension || '|' || category || '|' || sex || '|' || age";
        String key = "grouping || '|' || region_code";
        if (c.statistic() != null) {
            // a trend over years that include imputed countries is marked i
            return query(c, "SELECT " + key + ", " + STATISTIC_YEAR + ", " + statistic(c.statistic()) + ", NULL, NULL,"
                    + " coalesce(n_points_imputed, 0) > 0, false, " + series + " FROM regional_trends WHERE formula_id = ? AND period = ?" + f.sql(""), f.params(c.formula(), c.period()));
        }
        if (c.formula() != null) {
            return query(c, "SELECT " + key + ", year, CASE WHEN published THEN value END, NULL, NULL, NULL, imputation IS NOT NULL,"
                    + " NOT published, " + series + " FROM regional_aggregates WHERE formula_id = ? AND year BETWEEN ? AND ?" + f.sql(""),
                    f.params(c.formula(), from, to));
        }
        // a count: the members' counts summed (rate_per_100k's numerator), shown when the rate is published
        return query(c, "SELECT " + key + ", year, CASE WHEN published THEN numerator_sum END, NULL, NULL, NULL,"
                + " imputation IS NOT NULL, NOT published, " + series
                + " FROM regional_aggregates WHERE formula_id = 'rate_per_100k' AND year BETWEEN ? AND ?" + f.sql(""), f.params(from, to));
    }

    /** The statistic's column as (number, text): directions and years as text, so years print as 2015, not 2,015. */
    private static String statistic(String s) {
        return switch (s) {
            case "mk_direction" -> "NULL, mk_direction";
            case "first_year", "last_year" -> "NULL, CAST(" + s + " AS VARCHAR)";
            // as statisticians print a p-value: below 0.001 it is "<0.001", not 0.000
            case "mk_p" -> "CASE WHEN mk_p >= 0.001 THEN mk_p END, CASE WHEN mk_p < 0.001 THEN '<0.001' END";
            default -> "CAST(" + s + " AS DOUBLE), NULL";
        };
    }

    /** The breakdown conditions of a cell; sex and age always, the others when given. */
    private static final class Filter {
        private final List<Object> values = new ArrayList<>();
        private final List<String> columns = new ArrayList<>();

        /** @param indicatorColumn {@code indicator} in observations, {@code base_indicator} in the derived datasets */
        Filter(TableDefinition.Cell c, String indicatorColumn) {
            add("sex", c.sex());
            add("age", c.age());
            add(indicatorColumn, c.indicator());
            add("iccs_code", c.iccs());
            add("dimension", c.dimension());
            add("category", c.category());
        }

        private void add(String column, String value) {
            if (value != null) {
                columns.add(column);
                values.add(value);
            }
        }

        String sql(String alias) {
            StringBuilder sb = new StringBuilder();
            for (String c : columns) {
                sb.append(" AND ").append(alias).append(c).append(" = ?");
            }
            return sb.toString();
        }

        Object[] params(Object... first) {
            List<Object> all = new ArrayList<>(List.of(first));
            all.addAll(values);
            return all.toArray();
        }
    }

    private Map<String, Map<Integer, Figure>> query(TableDefinition.Cell c, String sql, Object[] params) throws SQLException {
        Map<String, Map<Integer, Figure>> out = new HashMap<>();
        Map<String, String> seriesOf = new HashMap<>();
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    int year = rs.getInt(2);
                    Object raw = rs.getObject(3);
                    Double value = raw == null ? null : ((Number) raw).doubleValue();
                    Figure fig = new Figure(value, rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                            rs.getBoolean(8));
                    String series = rs.getString(9);
                    Figure before = out.computeIfAbsent(key, k -> new TreeMap<>()).put(year, fig);
                    String cellId = key + "|" + year;
                    String other = seriesOf.put(cellId, series);
                    if (before != null && !Objects.equals(other, series)) {
                        throw new TableException("Table " + name + ": a cell definition (" + describe(c) + ") matches more than"
                                + " one figure for " + key + (year == STATISTIC_YEAR ? "" : " " + year) + ": " + other + " and " + series
                                + ". Add iccs, dimension or category to the cell to say which one.");
                    }
                }
            }
        }
        return out;
    }

    private static String describe(TableDefinition.Cell c) {
        List<String> parts = new ArrayList<>();
        if (c.formula() != null) {
            parts.add("formula " + c.formula());
        }
        if (c.indicator() != null) {
            parts.add("indicator " + c.indicator());
        }
        if (c.statistic() != null) {
            parts.add("statistic " + c.statistic() + " over " + c.period());
        }
        parts.add("sex " + c.sex());
        return String.join(", ", parts);
    }

    // ---- markers and text

    /** The markers used so far: legend letters in their fixed order, then numbered notes in order of first use. */
    private static final class Markers {
        private final Set<String> letters = new LinkedHashSet<>();
        private final Map<String, String> notes = new LinkedHashMap<>();

        String use(String letter) {
            letters.add(letter);
            return letter;
        }

        String note(String text) {
            return notes.computeIfAbsent(text, t -> Integer.toString(notes.size() + 1));
        }

        List<Footnote> footnotes() {
            List<Footnote> out = new ArrayList<>();
            LEGEND.forEach((letter, text) -> {
                if (letters.contains(letter)) {
                    out.add(new Footnote(letter, text));
                }
            });
            notes.forEach((text, number) -> out.add(new Footnote(number, text)));
            return out;
        }
    }

    private static Map<String, String> legend() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("e", "Estimate.");
        m.put("p", "Provisional figure.");
        m.put("b", "Break in series: not comparable with earlier years.");
        m.put("d", "The national definition differs from the ICCS.");
        m.put("u", "Low reliability.");
        m.put("i", "Includes imputed figures for member countries without data (see regional_imputations).");
        m.put("c", "Not published: the countries with data cover too little of the region's population"
                + " (see the reason column of regional_aggregates).");
        return java.util.Collections.unmodifiableMap(m);
    }

    private Map<String, String> placeholders(int from, int to) throws SQLException {
        Map<String, String> m = new HashMap<>();
        m.put("from", Integer.toString(from));
        m.put("to", Integer.toString(to));
        m.put("year", from == to ? Integer.toString(to) : from + "-" + to);
        m.put("region", options.region() == null ? "all regions" : options.region());
        m.put("cycle", context.cycle());
        m.put("run_id", Long.toString(context.runId()));
        String edition = null;
        try (PreparedStatement st = db.prepareStatement("SELECT max(edition) FROM population");
             ResultSet rs = st.executeQuery()) {
            if (rs.next()) {
                edition = rs.getString(1);
            }
        }
        m.put("population_edition", edition == null ? "population reference file of the run" : edition);
        return m;
    }

    private static String fill(String text, Map<String, String> values) {
        return new org.apache.commons.text.StringSubstitutor(values, "{", "}").replace(text);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
