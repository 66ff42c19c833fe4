package org.uncts.cts.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The country reference data shipped with the pipeline, read once per JVM. A broken built-in
 * file is a build defect, so it fails loudly at first use (and in the tests).
 */
final class BuiltIns {

    /** One row of {@code reference/country-aliases.csv}. */
    record Alias(String alias, String iso3, long line) {
    }

    static final CountryFile AREAS = CountryFileReader.readResource(CountryCodes.AREAS_RESOURCE);
    static final List<Alias> ALIASES = readAliases();

    private BuiltIns() {
    }

    private static List<Alias> readAliases() {
        CsvTable t = CsvTable.readResource(CountryCodes.ALIASES_RESOURCE);
        int alias = t.column("alias");
        int iso3 = t.column("iso3");
        if (alias < 0 || iso3 < 0) {
            throw new ReferenceDataException(t.source(), t.headerLine(), null, "header must be alias,iso3.", null);
        }
        Map<String, Alias> seen = new HashMap<>();
        List<Alias> out = t.rows().stream()
                .map(r -> new Alias(r.get(alias), r.get(iso3).toUpperCase(Locale.ROOT), r.line()))
                .toList();
        for (Alias a : out) {
            if (a.alias().isEmpty() || a.iso3().isEmpty()) {
                throw new ReferenceDataException(t.source(), a.line(), a.alias().isEmpty() ? "alias" : "iso3",
                        "the value is missing.", "fill in alias and iso3.");
            }
            Alias earlier = seen.putIfAbsent(Names.countryKey(a.alias()), a);
            if (earlier != null && !earlier.iso3().equals(a.iso3())) {
                throw new ReferenceDataException(t.source(), a.line(), "alias", "alias '" + a.alias()
                        + "' points to " + a.iso3() + " but line " + earlier.line() + " points it to "
                        + earlier.iso3() + ".", "keep one.");
            }
        }
        return out;
    }
}
