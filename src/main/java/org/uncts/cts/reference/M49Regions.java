package org.uncts.cts.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The M49 regions, sub-regions and intermediate regions (shipped as
 * {@code reference/m49-regions.csv}), so that rows of our simple country layout, which name
 * regions only, get the same codes as rows read from the UNSD file, and so that a sub-region
 * that is really an intermediate region ("Caribbean") is placed where M49 puts it.
 */
final class M49Regions {

    /** @param parentCode the enclosing region's code, null for the five top-level regions */
    record Region(String code, String name, String parentCode) {
    }

    static final String RESOURCE = "m49-regions.csv";

    private static final class Holder {
        static final M49Regions BUILT_IN = load();
    }

    private final Map<String, Region> byCode = new HashMap<>();
    private final Map<String, Region> byName = new HashMap<>();

    private M49Regions(List<Region> regions) {
        for (Region r : regions) {
            byCode.put(r.code(), r);
            byName.put(Names.countryKey(r.name()), r);
        }
    }

    static M49Regions builtIn() {
        return Holder.BUILT_IN;
    }

    private static M49Regions load() {
        CsvTable t = CsvTable.readResource(RESOURCE);
        int code = t.column("code");
        int name = t.column("name");
        int parent = t.column("parent_code");
        List<Region> regions = t.rows().stream()
                .map(r -> new Region(r.get(code), r.get(name), r.get(parent).isEmpty() ? null : r.get(parent)))
                .toList();
        return new M49Regions(regions);
    }

    /** Looks a region up by name, ignoring case, accents, punctuation and spaces. */
    Optional<Region> byName(String name) {
        return Optional.ofNullable(byName.get(Names.countryKey(name)));
    }

    Optional<Region> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** 1 for a region, 2 for a sub-region, 3 for an intermediate region. */
    int level(Region region) {
        int level = 1;
        for (Region r = region; r.parentCode() != null; r = byCode.get(r.parentCode())) {
            level++;
        }
        return level;
    }
}
