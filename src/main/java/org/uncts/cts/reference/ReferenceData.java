package org.uncts.cts.reference;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Everything a run checks rows against, loaded once before the first row is read.
 */
public record ReferenceData(CountryCodes countries, PopulationTable population, IccsCodes iccs,
        Indicators indicators) {

    /**
     * Loads the reference files of a run. Country files are combined with the built-in areas
     * (GBR_E_W, IRQ_KRI, XKX, ...) and aliases; population files are combined.
     *
     * @param countryFiles    country files, in either layout (may be empty: built-ins only)
     * @param populationFiles population files, in any layout (may be empty)
     * @param iccsFile        ICCS code list, or null for the built-in one
     * @param indicatorsFile  indicator list, or null for the built-in one; fixed ICCS codes must
     *                        be in the ICCS list in use
     * @throws ReferenceDataException naming the file, line and field of the first problem
     */
    public static ReferenceData load(List<Path> countryFiles, List<Path> populationFiles, Path iccsFile,
            Path indicatorsFile) {
        return load(countryFiles, populationFiles, year -> true, iccsFile, indicatorsFile);
    }

    /**
     * As {@link #load(List, List, Path, Path)}, keeping only the population figures of the years
     * {@code populationYears} accepts (e.g. {@code plan.years()::contains}): a whole World
     * Population Prospects file is then streamed and filtered rather than held.
     */
    public static ReferenceData load(List<Path> countryFiles, List<Path> populationFiles,
            IntPredicate populationYears, Path iccsFile, Path indicatorsFile) {
        IccsCodes iccs = iccsFile == null ? IccsCodes.builtIn() : IccsCodes.load(iccsFile);
        Indicators indicators = indicatorsFile != null ? Indicators.load(indicatorsFile, iccs)
                : iccsFile == null ? Indicators.builtIn() : Indicators.builtIn(iccs);
        return new ReferenceData(CountryCodes.load(countryFiles), PopulationTable.load(populationFiles, populationYears), iccs,
                indicators);
    }

    /** Built-ins only: the extra areas and aliases, no population, built-in ICCS and indicators. */
    public static ReferenceData builtIn() {
        return load(List.of(), List.of(), null, null);
    }
}
