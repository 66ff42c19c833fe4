package org.uncts.cts.reference;

import java.util.List;

import org.uncts.cts.model.Sex;

/**
 * What one population file holds, before it is merged into a {@link PopulationTable}.
 *
 * @param skippedLines data lines without a value (blank or "..", as World Bank files have for
 *                     years not yet estimated); they are not errors
 */
public record PopulationFile(String source, String sha256, PopulationFileLayout layout, List<Entry> entries,
        List<Long> skippedLines) {

    /** One population figure and the line it came from. */
    public record Entry(long line, String iso3, int year, Sex sex, double population) {
    }

    public PopulationFile {
        entries = List.copyOf(entries);
        skippedLines = List.copyOf(skippedLines);
    }
}
