package org.uncts.cts.normalize;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.uncts.cts.model.ObsStatus;

/**
 * Reads the value cell of a return: numbers as focal points type them (thousands separators,
 * non-breaking spaces) and the missing-value markers of UN publications and UOE-style
 * questionnaires (docs/input-formats.md).
 */
public final class ValueParser {

    private static final Map<String, ObsStatus> MISSING_MARKERS = Map.ofEntries(
            Map.entry("", ObsStatus.O),
            Map.entry("..", ObsStatus.O),
            Map.entry("...", ObsStatus.O),
            Map.entry(":", ObsStatus.O),
            Map.entry("m", ObsStatus.O),
            Map.entry("n/a", ObsStatus.O),
            Map.entry("na", ObsStatus.O),
            Map.entry("a", ObsStatus.M),
            Map.entry("z", ObsStatus.M),
            Map.entry("_", ObsStatus.M),
            Map.entry("x", ObsStatus.K),
            Map.entry("c", ObsStatus.Q),
            Map.entry("<5", ObsStatus.Q));

    /** 12,345 or 1,234,567.5 : commas only between groups of three digits. */
    private static final Pattern COMMA_GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    /** 12 345 with ordinary, non-breaking or narrow non-breaking spaces. */
    private static final Pattern SPACE_GROUPED = Pattern.compile("-?\\d{1,3}([ \\u00A0\\u202F]\\d{3})+(\\.\\d+)?");

    private ValueParser() {
    }

    public static ParsedValue parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.isEmpty() && Character.isDigit(t.charAt(t.length() - 1))) {
            Double plain = plainNumber(t); // the common case, without touching the marker table
            if (plain != null) {
                return new ParsedValue(plain, null, ParsedValue.Kind.NUMBER);
            }
        }
        ObsStatus marker = MISSING_MARKERS.get(t.toLowerCase(Locale.ROOT));
        if (marker != null) {
            return new ParsedValue(null, marker, ParsedValue.Kind.MISSING);
        }
        if (t.equals("-") || t.equals("\u2013") || t.equalsIgnoreCase("n")) {
            return new ParsedValue(0.0, null, ParsedValue.Kind.NIL);
        }
        Double plain = plainNumber(t);
        if (plain != null) {
            return new ParsedValue(plain, null, ParsedValue.Kind.NUMBER);
        }
        if (COMMA_GROUPED.matcher(t).matches()) {
            return number(t.replace(",", ""));
        }
        if (SPACE_GROUPED.matcher(t).matches()) {
            return number(t.replaceAll("[ \\u00A0\\u202F]", ""));
        }
        return new ParsedValue(null, null, ParsedValue.Kind.NOT_A_NUMBER);
    }

    private static ParsedValue number(String digits) {
        Double d = plainNumber(digits);
        return d == null ? new ParsedValue(null, null, ParsedValue.Kind.NOT_A_NUMBER)
                : new ParsedValue(d, null, ParsedValue.Kind.NUMBER);
    }

    /** A decimal number with an optional sign and decimal point; no exponents, no hex, no NaN. */
    private static Double plainNumber(String t) {
        int n = t.length();
        if (n == 0 || n > 40) {
            return null;
        }
        int i = (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
        boolean digits = false;
        boolean dot = false;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return null;
            }
        }
        return digits ? Double.parseDouble(t) : null;
    }
}
