package org.uncts.cts.publication.chart;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.uncts.cts.aggregate.RegionalAggregation;

/**
 * The regions of a release and the areas in each, read from its {@code countries} dataset, with
 * the groupings of {@code regional_aggregates}: World, M49 region, sub-region, intermediate region
 * and SDG region (from the M49 sub-region, as the aggregation maps it). Unlike the aggregation,
 * a chart of countries also shows sub-national areas (England and Wales) and areas without an M49
 * code (Kosovo): each is its own line and nothing is summed.
 */
public final class Regions {

    /** One area of the countries dataset. */
    public record Area(String iso3, String name) {
    }

    /** One region and its areas, by name. */
    public record Region(Grouping grouping, String code, String name, List<Area> areas) {
    }

    private final List<Region> regions;

    Regions(List<Region> regions) {
        this.regions = List.copyOf(regions);
    }

    public List<Region> all() {
        return regions;
    }

    /** The regions of one grouping, by name. */
    public List<Region> of(Grouping grouping) {
        return regions.stream().filter(r -> r.grouping() == grouping).toList();
    }

    /**
     * A region by name or code (case-insensitive), looked for in {@code preferred} first and then
     * in the other groupings (Sub-Saharan Africa is both an M49 sub-region and an SDG region).
     */
    public Optional<Region> find(String nameOrCode, Grouping preferred) {
        String k = nameOrCode.strip().toLowerCase(Locale.ROOT);
        List<Grouping> order = new ArrayList<>(List.of(Grouping.values()));
        order.remove(preferred);
        order.add(0, preferred);
        for (Grouping g : order) {
            for (Region r : of(g)) {
                if (r.name().toLowerCase(Locale.ROOT).equals(k) || r.code().equals(nameOrCode.strip())) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /** For messages: every region by grouping, "M49 regions: Africa, Americas, ...; SDG regions: ...". */
    public String describe() {
        Map<Grouping, String> names = new LinkedHashMap<>();
        for (Grouping g : Grouping.values()) {
            List<Region> rs = of(g);
            if (!rs.isEmpty()) {
                names.put(g, rs.stream().map(Region::name).collect(Collectors.joining(", ")));
            }
        }
        return names.entrySet().stream().map(e -> e.getKey().label() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }

    /** The regions of the release the connection reads (its {@code countries} view). */
    public static Regions read(Connection db) throws SQLException {
        Map<String, String[]> sdgBySubregionCode = new HashMap<>();
        Map<String, String[]> sdgBySubregionName = new HashMap<>();
        for (String[] row : RegionalAggregation.sdgMapping()) {
            sdgBySubregionCode.put(row[0], new String[] {row[2], row[3]});
            sdgBySubregionName.put(row[1].toLowerCase(Locale.ROOT), new String[] {row[2], row[3]});
        }
        Map<String, List<Area>> areas = new HashMap<>();
        Map<String, Region> heads = new LinkedHashMap<>(); // grouping|code -> the region, its areas apart
        String sql = "SELECT iso3, coalesce(name, iso3), region_code, region, subregion_code, subregion,"
                + " intermediate_region_code, intermediate_region FROM countries ORDER BY 2";
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Area a = new Area(rs.getString(1), rs.getString(2));
                add(heads, areas, Grouping.WORLD, "001", "World", a);
                add(heads, areas, Grouping.M49_REGION, rs.getString(3), rs.getString(4), a);
                add(heads, areas, Grouping.M49_SUBREGION, rs.getString(5), rs.getString(6), a);
                add(heads, areas, Grouping.M49_INTERMEDIATE_REGION, rs.getString(7), rs.getString(8), a);
                String[] sdg = rs.getString(5) != null ? sdgBySubregionCode.get(rs.getString(5))
                        : rs.getString(6) == null ? null : sdgBySubregionName.get(rs.getString(6).toLowerCase(Locale.ROOT));
                if (sdg != null) {
                    add(heads, areas, Grouping.SDG_REGION, sdg[0], sdg[1], a);
                }
            }
        }
        List<Region> out = new ArrayList<>();
        for (var e : heads.entrySet()) {
            Region h = e.getValue();
            out.add(new Region(h.grouping(), h.code(), h.name(), List.copyOf(areas.get(e.getKey()))));
        }
        out.sort(Comparator.comparing((Region r) -> r.grouping().ordinal()).thenComparing(Region::name));
        return new Regions(out);
    }

    private static void add(Map<String, Region> heads, Map<String, List<Area>> areas, Grouping g, String code,
                            String name, Area a) {
        if (code == null && name == null) {
            return;
        }
        String c = code == null ? name : code;
        String key = g.id() + "|" + c;
        heads.putIfAbsent(key, new Region(g, c, name == null ? c : name, List.of()));
        areas.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
    }
}
