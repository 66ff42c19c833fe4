package org.uncts.cts.model;

/** Sex breakdown, coded as in SDMX CL_SEX: _T total, M, F, _U unknown. */
public enum Sex {
    TOTAL("_T"), MALE("M"), FEMALE("F"), UNKNOWN("_U");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The sex of an SDMX code (_T, M, F, _U), or null for any other text. */
    public static Sex fromCode(String code) {
        for (Sex s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        return null;
    }
}
