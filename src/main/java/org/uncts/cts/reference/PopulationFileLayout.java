package org.uncts.cts.reference;

/** Layouts of population files, recognised from the header. */
public enum PopulationFileLayout {
    /** World Bank SP.POP.TOTL in long form: {@code Country Name,Country Code,Year,Value}; total population. */
    WORLD_BANK,
    /** Ours: {@code iso3,year,sex,population}. */
    SIMPLE
}
