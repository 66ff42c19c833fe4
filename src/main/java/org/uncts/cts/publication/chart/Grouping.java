package org.uncts.cts.publication.chart;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The regional groupings of {@code regional_aggregates} (column {@code grouping}), as chart definitions name them. */
public enum Grouping {
    WORLD("world", "World"),
    M49_REGION("m49_region", "M49 regions"),
    M49_SUBREGION("m49_subregion", "M49 sub-regions"),
    M49_INTERMEDIATE_REGION("m49_intermediate_region", "M49 intermediate regions"),
    SDG_REGION("sdg_region", "SDG regions");

    private final String id;
    private final String label;

    Grouping(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The id as written in YAML and in regional_aggregates.grouping. */
    public String id() {
        return id;
    }

    /** For messages: "M49 regions". */
    public String label() {
        return label;
    }

    public static Optional<Grouping> byId(String id) {
        String s = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.id.equals(s)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Grouping::id).toList();
    }
}
