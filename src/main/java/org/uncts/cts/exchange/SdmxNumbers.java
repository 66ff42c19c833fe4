package org.uncts.cts.exchange;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** How values are written in SDMX-CSV cells. */
public final class SdmxNumbers {

    /** The unit labels of the indicators dataset as SDMX codes (observations already use codes). */
    private static final Map<String, String> UNIT_CODES = Map.of(
            "per 100,000 population", "RATE_PER_100K",
            "per 100", "PER_100",
            "percent", "PERCENT");

    private SdmxNumbers() {
    }

    /**
     * A number with '.' as decimal mark, no thousands separator and no exponent: 1234, 1.2632928,
     * 0.00001. The digits are the shortest that read back as the same double, so a file read in
     * again gives exactly the published value. Null (no figure) is an empty cell.
     */
    public static String plain(Double value) {
        if (value == null) {
            return "";
        }
        if (value.isNaN() || value.isInfinite()) {
            return "NaN"; // SDMX's own "no number"; the datasets hold none, this is a guard
        }
        String s = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /**
     * The code of an indicator's unit: RATE_PER_100K, PER_100, PERCENT; any other label in capitals
     * with runs of other characters as one '_' ("per 1,000" is PER_1_000), so a new unit still gives
     * a valid, readable code.
     */
    public static String unitCode(String label) {
        if (label == null || label.isBlank()) {
            return "";
        }
        String known = UNIT_CODES.get(label.strip().toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        String code = label.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return code.replaceAll("^_+|_+$", "");
    }
}
