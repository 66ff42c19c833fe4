package org.uncts.cts.reference;

/** How a country text was recognised; anything but ISO3 is worth an INFO to the focal point. */
public enum MatchKind {
    /** ISO3 code (or sub-national code such as GBR_E_W), any case. */
    ISO3,
    /** M49 numeric code, with or without leading zeros. */
    M49,
    /** The official name, ignoring case, accents, punctuation and spaces. */
    NAME,
    /** A common alias (built-in list or a country file's aliases column). */
    ALIAS
}
