package org.uncts.cts.reference;

/** Whether rows of an indicator carry an ICCS code. */
public enum IccsRule {
    /** Every row names the offence (offences recorded, persons prosecuted, ...). */
    REQUIRED,
    /** A breakdown by offence is possible but not needed (persons held). */
    OPTIONAL,
    /** The indicator is not about an offence (prison capacity, personnel). */
    NONE,
    /** The indicator implies one code (homicide victims are 0101); a blank code means that one. */
    FIXED
}
