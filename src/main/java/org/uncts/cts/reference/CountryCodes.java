package org.uncts.cts.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable country lookup: ISO3 (and UNODC sub-national codes), M49 numbers, official names
 * and aliases. {@link #resolve} is called for every input row, so every key is normalised once
 * here and a lookup is a few hash-map probes.
 *
 * <p>Built from one or more country files ({@link CountryFileReader}) and, optionally, the
 * built-ins: the sub-national and non-ISO areas UNODC reports ({@code reference/areas-extra.csv},
 * used unless a file defines the same code) and common aliases
 * ({@code reference/country-aliases.csv}, each used only if its country is loaded and the alias
 * is not already someone's name or alias).
 */
public final class CountryCodes {

    static final String AREAS_RESOURCE = "areas-extra.csv";
    static final String ALIASES_RESOURCE = "country-aliases.csv";

    private final Map<String, CountryMatch> byIso3;
    private final Map<String, CountryMatch> byM49;
    private final Map<String, CountryMatch> byName;
    private final Map<String, CountryMatch> byAlias;
    private final List<Country> all;

    private CountryCodes(Map<String, CountryMatch> byIso3, Map<String, CountryMatch> byM49,
            Map<String, CountryMatch> byName, Map<String, CountryMatch> byAlias) {
        this.byIso3 = Map.copyOf(byIso3);
        this.byM49 = Map.copyOf(byM49);
        this.byName = Map.copyOf(byName);
        this.byAlias = Map.copyOf(byAlias);
        this.all = byIso3.values().stream().map(CountryMatch::country)
                .sorted(Comparator.comparing(Country::iso3)).toList();
    }

    /** Reads the files (layouts detected per file) and adds the built-in areas and aliases. */
    public static CountryCodes load(List<Path> files) {
        return load(files, true);
    }

    public static CountryCodes load(List<Path> files, boolean includeBuiltIns) {
        Builder b = builder().includeBuiltIns(includeBuiltIns);
        files.forEach(f -> b.add(CountryFileReader.read(f)));
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds the country a piece of text names: an ISO3 or sub-national code (any case), an M49
     * number ("56", "056"), an official name or an alias (both ignoring case, accents,
     * punctuation and spaces). Empty for blank or unknown text.
     */
    public Optional<CountryMatch> resolve(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        CountryMatch m = byIso3.get(t.toUpperCase(Locale.ROOT));
        if (m != null) {
            return Optional.of(m);
        }
        String m49 = m49Key(t);
        if (m49 != null) {
            return Optional.ofNullable(byM49.get(m49));
        }
        String key = Names.countryKey(t);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        m = byName.get(key);
        if (m == null) {
            m = byAlias.get(key);
        }
        return Optional.ofNullable(m);
    }

    /** The country with this ISO3 or sub-national code, any case. */
    public Optional<Country> byIso3(String iso3) {
        if (iso3 == null) {
            return Optional.empty();
        }
        CountryMatch m = byIso3.get(iso3.strip().toUpperCase(Locale.ROOT));
        return m == null ? Optional.empty() : Optional.of(m.country());
    }

    /** The country with this M49 code, with or without leading zeros. */
    public Optional<Country> byM49(String m49) {
        String key = m49 == null ? null : m49Key(m49.strip());
        CountryMatch m = key == null ? null : byM49.get(key);
        return m == null ? Optional.empty() : Optional.of(m.country());
    }

    /** Every country and area, sorted by code. */
    public Collection<Country> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    /** "56" -> "056"; null if the text is not a number below 1000. */
    private static String m49Key(String t) {
        int n = t.length();
        if (n == 0 || n > 6) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        int v = Integer.parseInt(t);
        if (v >= 1000) {
            return null;
        }
        String s = Integer.toString(v);
        return "000".substring(s.length()) + s;
    }

    /** Fields in which two definitions of the same code disagree; a region one of them leaves empty is no conflict. */
    static List<String> conflicts(Country a, Country b) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(a.m49(), b.m49())) {
            fields.add("m49");
        }
        if (!a.name().equals(b.name())) {
            fields.add("name");
        }
        if (!Objects.equals(a.parentIso3(), b.parentIso3())) {
            fields.add("parent_iso3");
        }
        if (differ(a.region(), b.region())) {
            fields.add("region");
        }
        if (differ(a.subregion(), b.subregion())) {
            fields.add("subregion");
        }
        if (differ(a.intermediateRegion(), b.intermediateRegion())) {
            fields.add("intermediate region");
        }
        return fields;
    }

    private static boolean differ(String x, String y) {
        return x != null && y != null && !Names.countryKey(x).equals(Names.countryKey(y));
    }

    /** Collects country files and aliases, then checks them against each other in {@link #build()}. */
    public static final class Builder {

        private record Placed(Country country, String source, long line, boolean builtIn) {
        }

        private record AliasDecl(String alias, String iso3, String source, long line) {
        }

        private final Map<String, Placed> countries = new LinkedHashMap<>();
        private final List<AliasDecl> aliases = new ArrayList<>();
        private boolean includeBuiltIns;

        private Builder() {
        }

        /** Adds a file's countries; a code defined again with different data is an error. */
        public Builder add(CountryFile file) {
            for (CountryFile.Entry e : file.entries()) {
                Placed earlier = countries.get(e.country().iso3());
                if (earlier != null) {
                    List<String> diff = conflicts(earlier.country(), e.country());
                    if (!diff.isEmpty()) {
                        throw new ReferenceDataException(file.source(), e.line(), diff.get(0),
                                e.country().iso3() + " is already defined in " + earlier.source() + " line "
                                        + earlier.line() + " with a different " + String.join(", ", diff) + " ("
                                        + describe(earlier.country(), diff.get(0)) + " there, "
                                        + describe(e.country(), diff.get(0)) + " here).",
                                "make the two definitions agree, or remove one of them.");
                    }
                } else {
                    countries.put(e.country().iso3(), new Placed(e.country(), file.source(), e.line(), false));
                }
                for (String alias : e.aliases()) {
                    aliases.add(new AliasDecl(alias, e.country().iso3(), file.source(), e.line()));
                }
            }
            return this;
        }

        /** Adds an alias from elsewhere (a job spec, a test); it takes precedence over built-in aliases. */
        public Builder addAlias(String alias, String iso3) {
            aliases.add(new AliasDecl(alias, iso3.strip().toUpperCase(Locale.ROOT), "(alias " + alias + ")", 0));
            return this;
        }

        /** Whether to add the built-in areas (GBR_E_W, IRQ_KRI, XKX, ...) and common aliases. */
        public Builder includeBuiltIns(boolean include) {
            this.includeBuiltIns = include;
            return this;
        }

        public CountryCodes build() {
            Map<String, Placed> placed = new LinkedHashMap<>(countries);
            List<BuiltIns.Alias> builtInAliases = new ArrayList<>();
            if (includeBuiltIns) {
                for (CountryFile.Entry e : BuiltIns.AREAS.entries()) {
                    String iso3 = e.country().iso3();
                    if (placed.putIfAbsent(iso3, new Placed(e.country(), BuiltIns.AREAS.source(), e.line(), true))
                            == null) {
                        e.aliases().forEach(a -> builtInAliases.add(new BuiltIns.Alias(a, iso3, e.line())));
                    }
                }
                builtInAliases.addAll(BuiltIns.ALIASES);
            }
            Map<String, CountryMatch> byIso3 = new HashMap<>();
            Map<String, CountryMatch> byM49 = new HashMap<>();
            Map<String, CountryMatch> byName = new HashMap<>();
            Map<String, Placed> nameOwner = new HashMap<>();
            Map<String, Placed> m49Owner = new HashMap<>();
            for (Placed p : placed.values()) {
                Country c = inheritRegions(p, placed);
                byIso3.put(c.iso3(), new CountryMatch(c, MatchKind.ISO3));
                if (c.m49() != null) {
                    Placed other = m49Owner.putIfAbsent(c.m49(), p);
                    if (other != null) {
                        throw new ReferenceDataException(p.source(), p.line(), "m49", "M49 code " + c.m49()
                                + " is already used by " + other.country().iso3() + " (" + other.source() + " line "
                                + other.line() + ").", "check the M49 code of " + c.iso3() + ".");
                    }
                    byM49.put(c.m49(), new CountryMatch(c, MatchKind.M49));
                }
                String key = Names.countryKey(c.name());
                Placed other = nameOwner.get(key);
                if (other != null) {
                    if (p.builtIn()) {
                        continue; // a file's own country of that name wins over a built-in area
                    }
                    throw new ReferenceDataException(p.source(), p.line(), "name", "the name '" + c.name()
                            + "' is already the name of " + other.country().iso3() + " (" + other.source() + " line "
                            + other.line() + ").", "give each country a distinct name.");
                }
                nameOwner.put(key, p);
                byName.put(key, new CountryMatch(c, MatchKind.NAME));
            }
            Map<String, CountryMatch> byAlias = new HashMap<>();
            Map<String, AliasDecl> aliasOwner = new HashMap<>();
            for (AliasDecl a : aliases) {
                String key = Names.countryKey(a.alias());
                CountryMatch target = byIso3.get(a.iso3());
                if (key.isEmpty() || target == null) {
                    continue; // a file alias always has its country; a programmatic one may not
                }
                CountryMatch named = byName.get(key);
                if (named != null) {
                    if (!named.country().iso3().equals(a.iso3())) {
                        throw new ReferenceDataException(a.source(), a.line(), "aliases", "alias '" + a.alias()
                                + "' of " + a.iso3() + " is the name of " + named.country().iso3() + ".",
                                "remove the alias.");
                    }
                    continue;
                }
                AliasDecl earlier = aliasOwner.putIfAbsent(key, a);
                if (earlier != null && !earlier.iso3().equals(a.iso3())) {
                    throw new ReferenceDataException(a.source(), a.line(), "aliases", "alias '" + a.alias()
                            + "' of " + a.iso3() + " is already an alias of " + earlier.iso3() + " ("
                            + earlier.source() + (earlier.line() > 0 ? " line " + earlier.line() : "") + ").",
                            "keep the alias on one country only.");
                }
                byAlias.put(key, new CountryMatch(target.country(), MatchKind.ALIAS));
            }
            for (BuiltIns.Alias a : builtInAliases) {
                String key = Names.countryKey(a.alias());
                CountryMatch target = byIso3.get(a.iso3());
                // Files win: a built-in alias never shadows a loaded name or alias.
                if (target != null && !byName.containsKey(key) && !byAlias.containsKey(key)) {
                    byAlias.put(key, new CountryMatch(target.country(), MatchKind.ALIAS));
                }
            }
            return new CountryCodes(byIso3, byM49, byName, byAlias);
        }

        /**
         * A sub-national unit listed without regions takes its country's; a file naming a parent
         * that is nowhere to be found most likely has a typo.
         */
        private static Country inheritRegions(Placed p, Map<String, Placed> placed) {
            Country c = p.country();
            if (c.parentIso3() == null) {
                return c;
            }
            Placed parent = placed.get(c.parentIso3());
            if (parent == null) {
                if (p.builtIn()) {
                    return c;
                }
                throw new ReferenceDataException(p.source(), p.line(), "parent_iso3", "parent '" + c.parentIso3()
                        + "' of " + c.iso3() + " is not among the loaded countries.",
                        "correct parent_iso3, or load a country file that defines " + c.parentIso3() + ".");
            }
            if (c.region() == null && c.subregion() == null) {
                return c.withRegionsOf(parent.country());
            }
            return c;
        }

        private static String describe(Country c, String field) {
            Object v = switch (field) {
                case "m49" -> c.m49();
                case "name" -> c.name();
                case "parent_iso3" -> c.parentIso3();
                case "region" -> c.region();
                case "subregion" -> c.subregion();
                default -> c.intermediateRegion();
            };
            return v == null ? "empty" : "'" + v + "'";
        }
    }
}
