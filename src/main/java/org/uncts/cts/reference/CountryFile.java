package org.uncts.cts.reference;

import java.util.List;

/**
 * What one country file holds, before it is merged with others into {@link CountryCodes}.
 *
 * @param source       the file path (or built-in resource) for messages and provenance
 * @param sha256       SHA-256 of the file, null for a built-in resource
 * @param layout       the layout recognised from the header
 * @param entries      the countries, in file order, with their line and aliases
 * @param skippedLines lines skipped because they carry no ISO3 code (UNSD lists a few areas,
 *                     such as Sark, that have none)
 */
public record CountryFile(String source, String sha256, CountryFileLayout layout, List<Entry> entries,
        List<Long> skippedLines) {

    /** One country row: where it is, what it says, and its aliases (simple layout only). */
    public record Entry(long line, Country country, List<String> aliases) {
        public Entry {
            aliases = List.copyOf(aliases);
        }
    }

    public CountryFile {
        entries = List.copyOf(entries);
        skippedLines = List.copyOf(skippedLines);
    }

    public List<Country> countries() {
        return entries.stream().map(Entry::country).toList();
    }

    /** Number of data rows skipped because they had no ISO3 code. */
    public int skippedWithoutIso3() {
        return skippedLines.size();
    }
}
