package org.uncts.cts.reference;

/** Layouts of population files, recognised from the header. */
public enum PopulationFileLayout {
    /** World Bank SP.POP.TOTL in long form: {@code Country Name,Country Code,Year,Value}; total population. */
    WORLD_BANK,
    /** Ours: {@code iso3,year,sex,population}. */
    SIMPLE,
    /**
     * UN World Population Prospects CSV "TotalPopulationBySex" ({@code ...,ISO3_code,...,Variant,Time,
     * ...,PopMale,PopFemale,PopTotal,...}): 1 July population in thousands, by sex; only the
     * Medium variant and rows with an ISO3 code (not aggregates) are read.
     */
    WPP
}
