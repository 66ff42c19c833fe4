package org.uncts.cts.normalize;

import org.uncts.cts.model.ObsStatus;

/**
 * What a value cell turned out to hold.
 *
 * @param value        the number, or null for a missing marker or unreadable text
 * @param markerStatus the status a missing marker implies (O, M, K, Q), or null for numbers
 * @param kind         how the cell was read
 */
public record ParsedValue(Double value, ObsStatus markerStatus, Kind kind) {

    public enum Kind {
        /** A plain number (possibly with thousands separators). */
        NUMBER,
        /** A missing-value marker such as "..", blank, "n/a". */
        MISSING,
        /** A nil marker ("-", "n"): zero. */
        NIL,
        /** Text that is neither a number nor a known marker. */
        NOT_A_NUMBER
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER || kind == Kind.NIL;
    }
}
