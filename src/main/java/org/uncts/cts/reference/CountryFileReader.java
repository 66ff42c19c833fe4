package org.uncts.cts.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a country file in either layout, recognised from the header:
 * <ul>
 * <li>UNSD M49 download ({@code Global Code;Global Name;Region Code;Region Name;Sub-region Code;
 * Sub-region Name;Intermediate Region Code;Intermediate Region Name;Country or Area;M49 Code;
 * ISO-alpha2 Code;ISO-alpha3 Code;...}); rows without an ISO3 code are skipped and counted;</li>
 * <li>our simple layout ({@code iso3,m49,name,region,subregion,parent_iso3}, optional
 * {@code aliases} separated by {@code |}); region codes come from the M49 region names.</li>
 * </ul>
 * Column order is free and names are case-insensitive.
 */
public final class CountryFileReader {

    static final String M49_HEADER = "Global Code;Global Name;Region Code;Region Name;Sub-region Code;"
            + "Sub-region Name;Intermediate Region Code;Intermediate Region Name;Country or Area;M49 Code;"
            + "ISO-alpha2 Code;ISO-alpha3 Code;...";
    static final String SIMPLE_HEADER = "iso3,m49,name,region,subregion,parent_iso3 (optional: aliases)";

    private static final List<String> M49_REQUIRED = List.of("region code", "region name", "sub-region code",
            "sub-region name", "intermediate region code", "intermediate region name", "country or area", "m49 code",
            "iso-alpha3 code");
    private static final List<String> SIMPLE_REQUIRED = List.of("iso3", "m49", "name", "region", "subregion",
            "parent_iso3");
    private static final List<String> SIMPLE_ALLOWED = List.of("iso3", "m49", "name", "region", "subregion",
            "parent_iso3", "aliases");

    private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");
    /** ISO3, optionally with UNODC's sub-national suffixes: GBR_E_W, IRQ_KRI. */
    private static final Pattern AREA_CODE = Pattern.compile("[A-Z]{3}(_[A-Z0-9]+)*");
    private static final Pattern M49 = Pattern.compile("\\d{1,3}");

    private CountryFileReader() {
    }

    public static CountryFile read(Path file) {
        return read(CsvTable.read(file));
    }

    /** Reads a country file shipped in {@code src/main/resources/reference}. */
    static CountryFile readResource(String name) {
        return read(CsvTable.readResource(name));
    }

    private static CountryFile read(CsvTable t) {
        List<String> h = t.normalizedHeader();
        if (h.contains("iso3")) {
            return readSimple(t);
        }
        if (h.contains("m49 code") || h.contains("iso-alpha3 code") || (!h.isEmpty() && h.get(0).equals("global code"))) {
            return readM49(t);
        }
        throw new ReferenceDataException(t.source(), t.headerLine(), null,
                "the header '" + t.headerText() + "' is not a known country file layout.",
                "use the UNSD M49 layout (" + M49_HEADER + ") or the simple layout (" + SIMPLE_HEADER + ").");
    }

    private static CountryFile readM49(CsvTable t) {
        t.requireColumns(M49_REQUIRED, M49_HEADER);
        int regionCode = t.column("region code");
        int regionName = t.column("region name");
        int subCode = t.column("sub-region code");
        int subName = t.column("sub-region name");
        int interCode = t.column("intermediate region code");
        int interName = t.column("intermediate region name");
        int name = t.column("country or area");
        int m49 = t.column("m49 code");
        int iso3 = t.column("iso-alpha3 code");
        Collector out = new Collector(t.source());
        List<Long> skipped = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            String code = r.get(iso3).toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                skipped.add(r.line());
                continue;
            }
            if (!ISO3.matcher(code).matches()) {
                throw new ReferenceDataException(t.source(), r.line(), "ISO-alpha3 Code",
                        "'" + r.get(iso3) + "' is not a 3-letter ISO code.",
                        "give the ISO 3166-1 alpha-3 code, or leave it empty to skip the row.");
            }
            String countryName = required(t, r, name, "Country or Area");
            Country c = new Country(code,
                    m49Code(t, r, r.get(m49), "M49 Code", true),
                    countryName,
                    m49Code(t, r, r.get(regionCode), "Region Code", false), blankToNull(r.get(regionName)),
                    m49Code(t, r, r.get(subCode), "Sub-region Code", false), blankToNull(r.get(subName)),
                    m49Code(t, r, r.get(interCode), "Intermediate Region Code", false),
                    blankToNull(r.get(interName)),
                    null);
            out.add(r.line(), c, List.of());
        }
        return new CountryFile(t.source(), t.sha256(), CountryFileLayout.UNSD_M49, out.entries, skipped);
    }

    private static CountryFile readSimple(CsvTable t) {
        t.requireColumns(SIMPLE_REQUIRED, SIMPLE_HEADER);
        t.requireOnlyColumns(SIMPLE_ALLOWED, SIMPLE_HEADER);
        int iso3 = t.column("iso3");
        int m49 = t.column("m49");
        int name = t.column("name");
        int region = t.column("region");
        int subregion = t.column("subregion");
        int parent = t.column("parent_iso3");
        int aliases = t.column("aliases");
        M49Regions regions = M49Regions.builtIn();
        Collector out = new Collector(t.source());
        for (CsvTable.Row r : t.rows()) {
            String code = r.get(iso3).toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                throw new ReferenceDataException(t.source(), r.line(), "iso3", "the ISO3 code is missing.",
                        "give the ISO3 code (e.g. FRA) or a sub-national code (e.g. GBR_E_W), or delete the row.");
            }
            String parentCode = r.get(parent).toUpperCase(Locale.ROOT);
            areaCode(t, r, code, "iso3");
            if (!parentCode.isEmpty()) {
                areaCode(t, r, parentCode, "parent_iso3");
                if (parentCode.equals(code)) {
                    throw new ReferenceDataException(t.source(), r.line(), "parent_iso3",
                            "'" + code + "' is given as its own parent.",
                            "leave parent_iso3 empty for a country; give the country's ISO3 for a sub-national unit.");
                }
            }
            Country c = placeInRegions(t, r, regions, code, m49Code(t, r, r.get(m49), "m49", false),
                    required(t, r, name, "name"), r.get(region), r.get(subregion),
                    parentCode.isEmpty() ? null : parentCode);
            List<String> aliasList = aliases < 0 ? List.of()
                    : Arrays.stream(r.get(aliases).split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            out.add(r.line(), c, aliasList);
        }
        return new CountryFile(t.source(), t.sha256(), CountryFileLayout.SIMPLE, out.entries, List.of());
    }

    /**
     * Gives a simple-layout row the M49 codes of the regions it names, in M49's own spelling.
     * A sub-region that M49 files as an intermediate region (Caribbean, Western Africa) is
     * moved down a level. Names M49 does not know are kept as text without a code.
     */
    private static Country placeInRegions(CsvTable t, CsvTable.Row r, M49Regions regions, String iso3, String m49,
            String name, String regionText, String subregionText, String parentIso3) {
        String regionCode = null;
        String region = blankToNull(regionText);
        String subCode = null;
        String sub = blankToNull(subregionText);
        String interCode = null;
        String inter = null;
        M49Regions.Region reg = region == null ? null : regions.byName(region).orElse(null);
        if (reg != null) {
            if (regions.level(reg) != 1) {
                throw new ReferenceDataException(t.source(), r.line(), "region",
                        "'" + region + "' is an M49 sub-region, not a region.",
                        "put one of Africa, Americas, Asia, Europe, Oceania in region and '" + region
                                + "' in subregion.");
            }
            regionCode = reg.code();
            region = reg.name();
        }
        M49Regions.Region s = sub == null ? null : regions.byName(sub).orElse(null);
        if (s != null) {
            int level = regions.level(s);
            if (level == 1) {
                throw new ReferenceDataException(t.source(), r.line(), "subregion",
                        "'" + sub + "' is an M49 region, not a sub-region.",
                        "put it in the region column and give the sub-region (e.g. Northern Europe) here.");
            }
            if (level == 3) {
                interCode = s.code();
                inter = s.name();
                s = regions.byCode(s.parentCode()).orElseThrow();
            }
            subCode = s.code();
            sub = s.name();
            M49Regions.Region expected = regions.byCode(s.parentCode()).orElseThrow();
            if (reg != null && !expected.code().equals(reg.code())) {
                throw new ReferenceDataException(t.source(), r.line(), "subregion",
                        "sub-region '" + subregionText + "' belongs to " + expected.name() + ", not to " + reg.name()
                                + ".",
                        "correct the region or the sub-region.");
            }
            if (reg == null && region != null) {
                throw new ReferenceDataException(t.source(), r.line(), "region",
                        "'" + region + "' is not an M49 region, and sub-region '" + subregionText + "' belongs to "
                                + expected.name() + ".",
                        "write " + expected.name() + " in region, or leave region empty.");
            }
            if (reg == null) {
                regionCode = expected.code();
                region = expected.name();
            }
        }
        return new Country(iso3, m49, name, regionCode, region, subCode, sub, interCode, inter, parentIso3);
    }

    private static String required(CsvTable t, CsvTable.Row r, int column, String field) {
        String v = r.get(column);
        if (v.isEmpty()) {
            throw new ReferenceDataException(t.source(), r.line(), field, "the value is missing.",
                    "fill in " + field + " or delete the row.");
        }
        return v;
    }

    private static void areaCode(CsvTable t, CsvTable.Row r, String code, String field) {
        if (!AREA_CODE.matcher(code).matches()) {
            throw new ReferenceDataException(t.source(), r.line(), field, "'" + code + "' is not an ISO3 code.",
                    "give a 3-letter ISO 3166-1 alpha-3 code (e.g. FRA), optionally with a sub-national suffix"
                            + " (e.g. GBR_E_W).");
        }
    }

    /** M49 codes are 3 digits; a spreadsheet may have dropped the leading zeros, which is unambiguous to restore. */
    private static String m49Code(CsvTable t, CsvTable.Row r, String text, String field, boolean required) {
        if (text.isEmpty()) {
            if (required) {
                throw new ReferenceDataException(t.source(), r.line(), field, "the M49 code is missing.",
                        "give the 3-digit M49 code (e.g. 012).");
            }
            return null;
        }
        if (!M49.matcher(text).matches()) {
            throw new ReferenceDataException(t.source(), r.line(), field,
                    "'" + text + "' is not an M49 code.", "give a number of up to 3 digits (e.g. 012 or 12).");
        }
        return "000".substring(text.length()) + text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Keeps the first of identical duplicate rows; a duplicate that disagrees is an error. */
    private static final class Collector {
        private final String source;
        private final List<CountryFile.Entry> entries = new ArrayList<>();
        private final Map<String, CountryFile.Entry> byIso3 = new HashMap<>();

        Collector(String source) {
            this.source = source;
        }

        void add(long line, Country c, List<String> aliases) {
            CountryFile.Entry previous = byIso3.get(c.iso3());
            if (previous != null) {
                if (previous.country().equals(c) && previous.aliases().equals(aliases)) {
                    return;
                }
                throw new ReferenceDataException(source, line, "iso3",
                        c.iso3() + " is listed twice with different data (first at line " + previous.line() + ").",
                        "keep one row for " + c.iso3() + ".");
            }
            CountryFile.Entry e = new CountryFile.Entry(line, c, aliases);
            byIso3.put(c.iso3(), e);
            entries.add(e);
        }
    }
}
