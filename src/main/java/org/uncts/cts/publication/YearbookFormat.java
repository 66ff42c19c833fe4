package org.uncts.cts.publication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers as a statistical yearbook prints them: thousands separators and fixed decimals, rounded half up. */
public final class YearbookFormat {

    private YearbookFormat() {
    }

    /** {@code 1234.567, 1} → "1,234.6"; {@code -0.04, 1} → "0.0" (no negative zero). */
    public static String number(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return TableCell.NOT_AVAILABLE;
        }
        // BigDecimal.valueOf uses the shortest decimal text of the double, so 2.675 rounds to 2.68 as a reader expects
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            rounded = rounded.abs();
        }
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(rounded);
    }

    /**
     * The number rounded as displayed, for formats that store numbers (XLSX): same rounding as
     * {@link #number}, and no negative zero. The value must be finite.
     */
    public static double rounded(double value, int decimals) {
        return roundedDecimal(value, decimals).doubleValue();
    }

    /**
     * The number as machine-readable text (CSV): rounded as {@link #number} rounds it, '.' as the
     * decimal point, no thousands separators, no exponent: {@code 1234567.891, 1} → "1234567.9",
     * {@code -3.25, 1} → "-3.3". The value must be finite.
     */
    public static String plain(double value, int decimals) {
        return roundedDecimal(value, decimals).toPlainString();
    }

    private static BigDecimal roundedDecimal(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Not a finite number: " + value);
        }
        // a BigDecimal zero has no sign, so -0.04 at 1 decimal gives 0.0, never -0.0
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
