package org.uncts.cts.normalize;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.uncts.cts.model.ObsStatus;

/**
 * Reads the OBS_STATUS and OBS_VALUE cells of SDMX inputs. Unlike a return's flag ("e", "p"),
 * OBS_STATUS is already an SDMX CL_OBS_STATUS code, so it is taken as it is rather than through
 * {@link FlagParser} (whose "a" or "m" would mean something else).
 */
public final class SdmxValues {

    /** The statuses that say there is no figure: OBS_VALUE is empty with them. */
    private static final Set<ObsStatus> MISSING = EnumSet.of(ObsStatus.O, ObsStatus.M, ObsStatus.K, ObsStatus.L, ObsStatus.Q);

    /** SDMX-ML writes doubles as 1.5E7; tolerated on input (we never write exponents). */
    private static final Pattern EXPONENT = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)[eE][-+]?\\d{1,3}");

    private SdmxValues() {
    }

    /** The status of an OBS_STATUS code (case-insensitive); A when blank; empty when it is not a code of CL_OBS_STATUS we know. */
    public static Optional<ObsStatus> status(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of(ObsStatus.A);
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        for (ObsStatus s : ObsStatus.values()) {
            if (s.name().equals(c)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** True for the statuses of a missing figure (O, M, K, L, Q). */
    public static boolean isMissing(ObsStatus status) {
        return status != null && MISSING.contains(status);
    }

    /**
     * Reads OBS_VALUE: blank and NaN (SDMX's "no number") are a missing figure; a plain number or
     * one with an exponent is a number; anything else is read as a return's value would be
     * ({@link ValueParser}: "..", thousands separators), so that a hand-made file is judged by the same rules.
     */
    public static ParsedValue value(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("NaN")) {
            return new ParsedValue(null, ObsStatus.O, ParsedValue.Kind.MISSING);
        }
        if (EXPONENT.matcher(t).matches()) {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d)) {
                return new ParsedValue(d, null, ParsedValue.Kind.NUMBER);
            }
        }
        return ValueParser.parse(t);
    }
}
