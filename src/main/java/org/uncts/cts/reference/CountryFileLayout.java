package org.uncts.cts.reference;

/** Layouts of country files, recognised from the header. */
public enum CountryFileLayout {
    /** UNSD's M49 download: {@code Global Code;Global Name;Region Code;...;ISO-alpha3 Code;...}. */
    UNSD_M49,
    /** Ours: {@code iso3,m49,name,region,subregion,parent_iso3[,aliases]}. */
    SIMPLE
}
