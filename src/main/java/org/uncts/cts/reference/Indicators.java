package org.uncts.cts.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable list of accepted indicators, found by id, label or alias ignoring case and spaces
 * around and between words.
 */
public final class Indicators {

    static final String RESOURCE = "indicators.csv";

    private final Map<String, Indicator> byKey;
    private final Map<String, Indicator> byId;
    private final List<Indicator> all;

    private Indicators(Map<String, Indicator> byKey, List<Indicator> all) {
        this.byKey = Map.copyOf(byKey);
        this.all = List.copyOf(all);
        Map<String, Indicator> ids = new HashMap<>();
        all.forEach(i -> ids.put(Names.labelKey(i.id()), i));
        this.byId = Map.copyOf(ids);
    }

    /** The list shipped as {@code reference/indicators.csv}, checked against the built-in ICCS codes. */
    public static Indicators builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final Indicators BUILT_IN = IndicatorFileReader.readResource(RESOURCE, IccsCodes.builtIn());
    }

    /** The list shipped as {@code reference/indicators.csv}, checked against {@code iccs}. */
    public static Indicators builtIn(IccsCodes iccs) {
        return IndicatorFileReader.readResource(RESOURCE, iccs);
    }

    /** Reads an indicator file; fixed ICCS codes must exist in {@code iccs}. */
    public static Indicators load(Path file, IccsCodes iccs) {
        return IndicatorFileReader.read(file, iccs);
    }

    /** The indicator whose id, label or alias is {@code text} (case and spacing ignored). */
    public Optional<Indicator> resolve(String text) {
        return Optional.ofNullable(text == null ? null : byKey.get(Names.labelKey(text)));
    }

    /** The indicator with this id (case ignored). */
    public Optional<Indicator> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(Names.labelKey(id)));
    }

    /** Every indicator, in file order. */
    public List<Indicator> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    /** Collects indicators; a text that would name two of them is an error at the line that adds it. */
    static final class Builder {
        private final String source;
        private final Map<String, Indicator> byKey = new HashMap<>();
        private final Map<String, Long> keyLines = new HashMap<>();
        private final List<Indicator> all = new ArrayList<>();

        Builder(String source) {
            this.source = source;
        }

        Builder add(Indicator indicator, long line) {
            if (byId(indicator.id()) != null) {
                throw new ReferenceDataException(source, line, "id", "indicator id '" + indicator.id()
                        + "' is already used at line " + keyLines.get(Names.labelKey(indicator.id())) + ".",
                        "give each indicator a distinct id.");
            }
            List<String> texts = new ArrayList<>();
            texts.add(indicator.id());
            texts.add(indicator.label());
            texts.addAll(indicator.aliases());
            for (int i = 0; i < texts.size(); i++) {
                String key = Names.labelKey(texts.get(i));
                Indicator other = byKey.get(key);
                if (other != null && other != indicator) {
                    String field = i == 0 ? "id" : i == 1 ? "label" : "aliases";
                    throw new ReferenceDataException(source, line, field, "'" + texts.get(i)
                            + "' already names indicator " + other.id() + " (line " + keyLines.get(key) + ").",
                            "make ids, labels and aliases unique across indicators.");
                }
                byKey.put(key, indicator);
                keyLines.putIfAbsent(key, line);
            }
            all.add(indicator);
            return this;
        }

        private Indicator byId(String id) {
            String key = Names.labelKey(id);
            return all.stream().filter(i -> Names.labelKey(i.id()).equals(key)).findFirst().orElse(null);
        }

        Indicators build() {
            return new Indicators(byKey, all);
        }
    }
}
