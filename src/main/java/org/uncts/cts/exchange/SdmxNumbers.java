package org.uncts.cts.exchange;

import java.util.Locale;
import java.util.Map;

/** How values are written in SDMX-CSV cells. */
public final class SdmxNumbers {

    /** The unit labels of the indicators dataset as SDMX codes (observations already use codes). */
    private static final Map<String, String> UNIT_CODES = Map.of(
            "per 100,000 population", "RATE_PER_100K",
            "per 100", "PER_100",
            "percent", "PERCENT");

    /** 2^53: up to here a double holds every integer, and Double.toString prints each one's own digits. */
    private static final double EXACT_INTEGERS = 0x1p53;

    private SdmxNumbers() {
    }

    /**
     * A number with '.' as decimal mark, no thousands separator and no exponent: 1234, 1.2632928,
     * 0.00001. The digits are those of {@link Double#toString(double)}: they read back as the same
     * double, so a file read in again gives exactly the published value (they are the shortest such
     * digits from Java 19 on; Java 17 is sometimes longer, 1e23 gives 99999999999999990000000).
     * Null (no figure) is an empty cell.
     */
    public static String plain(Double value) {
        return value == null ? "" : plain(value.doubleValue());
    }

    /** {@link #plain(Double)} of a figure that is there. */
    public static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "NaN"; // SDMX's own "no number"; the datasets hold none, this is a guard
        }
        if (value == Math.rint(value) && Math.abs(value) < EXACT_INTEGERS) {
            // most figures are counts: Double.toString prints such an integer's own digits ("1234.0",
            // "6.76E7"; it drops low digits only from 2^54 up), and -0.0 is 0
            return Long.toString((long) value);
        }
        return plainDecimal(Double.toString(value));
    }

    /**
     * Double.toString's text ("69.52789699570816", "1.0E-5", "1.2345678901234E13") without
     * exponent and without trailing zeros: what {@code new BigDecimal(s).stripTrailingZeros().toPlainString()}
     * gives, at a fraction of its cost (the export writes millions of numbers).
     */
    static String plainDecimal(String s) {
        int e = s.indexOf('E');
        int end = e < 0 ? s.length() : e;
        int exponent = e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10);
        boolean negative = s.charAt(0) == '-';
        char[] digits = new char[end];
        int n = 0;
        int point = 0;
        for (int i = negative ? 1 : 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                point = n;
            } else {
                digits[n++] = c;
            }
        }
        point += exponent; // where the decimal point falls among the digits
        int first = 0;
        while (first < n && digits[first] == '0') {
            first++;
        }
        while (n > first && digits[n - 1] == '0') {
            n--;
        }
        if (first == n) {
            return "0";
        }
        point -= first;
        int count = n - first;
        StringBuilder out = new StringBuilder(count + Math.abs(point) + 3);
        if (negative) {
            out.append('-');
        }
        if (point <= 0) {
            out.append("0.").append("0".repeat(-point)).append(digits, first, count);
        } else if (point >= count) {
            out.append(digits, first, count).append("0".repeat(point - count));
        } else {
            out.append(digits, first, point).append('.').append(digits, first + point, count - point);
        }
        return out.toString();
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
