package org.uncts.cts.ingest;

import java.util.regex.Pattern;
import org.uncts.cts.model.RawObservation.ValueReading;

/**
 * Reads the numbers of one file under its decimal mark and thousands separator, declared in the
 * job spec or learnt from the file itself while it streams (docs/input-formats.md, "Locales").
 *
 * <p>The rule: a value is read under the declared convention; without one, under the decimal mark
 * established by the first unambiguous value on an earlier line of the same file (2,5 or 1.234,5
 * says ','; 1.5 or 1,234,567 says '.'). A value that could be either (1.234, 2,500) while nothing is
 * established is never guessed: it gets a {@code value-ambiguous-number} finding asking for the
 * declaration. The reader never goes back, so an ambiguous value before the first unambiguous one
 * stays flagged.
 *
 * <p>Comma-delimited files without a declaration keep the documented default (decimal point; comma
 * or space thousands separators; read by {@link org.uncts.cts.normalize.ValueParser} as before): in
 * a comma-delimited file a decimal comma would need quoting, which spreadsheets in decimal-comma
 * locales avoid by writing ';'. Mutable (per file); not thread-safe.
 */
final class NumberConvention {

    private static final String SPACES = " \u00A0\u202F";
    /** Digits with separators and an optional sign: anything else (markers, text) is left to the value parser. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[+-]?\\d[\\d., \\u00A0\\u202F]*");

    private final String file;
    private final Character declaredDecimal;
    /** The declared thousands separator; '\0' for none, ' ' for any space, null when not declared. */
    private final Character declaredThousands;
    /** Nothing declared in a comma-delimited file: values go to the value parser as they are. */
    private final boolean legacy;
    private Character established;
    private String evidence;

    NumberConvention(String file, char delimiter, Character decimalMark, Character thousandsSeparator) {
        this.file = file;
        Character thousands = thousandsSeparator == null ? null
                : SPACES.indexOf(thousandsSeparator) >= 0 ? Character.valueOf(' ') : thousandsSeparator;
        Character decimal = decimalMark;
        if (decimal == null && thousands != null && (thousands == '.' || thousands == ',')) {
            decimal = thousands == '.' ? ',' : '.'; // a thousands dot implies a decimal comma and vice versa
        }
        this.declaredDecimal = decimal;
        this.declaredThousands = thousands;
        this.legacy = delimiter == ',' && decimal == null && thousands == null;
    }

    /** The decimal mark in force: declared, else established by an earlier value, else null. */
    Character decimalMark() {
        return declaredDecimal != null ? declaredDecimal : established;
    }

    /**
     * The value cell read under the convention, or null when it is to be parsed as it stands
     * (legacy files, markers, text).
     *
     * @param where "line 14, field value" or "line 14, column 2019", for messages
     */
    ValueReading read(String cell, String where) {
        if (legacy || cell == null) {
            return null;
        }
        String t = cell.strip();
        if (!NUMBER_LIKE.matcher(t).matches() || !Character.isDigit(t.charAt(t.length() - 1))) {
            return null;
        }
        Character decimal = decimalMark();
        boolean detected = false;
        if (decimal == null) {
            decimal = detect(t);
            if (decimal == null) {
                return ambiguous(t, where);
            }
            detected = decimal != '?';
            decimal = decimal == '?' ? '.' : decimal;
        }
        String number = strict(t, decimal);
        if (number != null) {
            if (detected) {
                // only a value that reads cleanly settles the file's convention
                established = decimal;
                evidence = "'" + t + "' (" + where + ")";
            }
            return new ValueReading(number, null, null, null);
        }
        return new ValueReading(null, "value-non-numeric", expected(decimal),
                file + ", " + where + ": value '" + t + "' does not fit " + convention(decimal)
                        + ". Correct the value, or declare the input's decimal_mark and thousands_separator in the job spec.");
    }

    /**
     * The decimal mark an undecided value shows: '.' or ',', '?' when the value has no decimal or
     * thousands mark (plain digits, space groups), null when it is ambiguous.
     */
    private Character detect(String t) {
        int dot = t.indexOf('.');
        int comma = t.indexOf(',');
        if (dot < 0 && comma < 0) {
            return '?';
        }
        if (declaredThousands != null) {
            // thousands separator declared as space or none: a dot or comma can only be the decimal mark
            return dot >= 0 && comma >= 0 ? Character.valueOf('.') : Character.valueOf(dot >= 0 ? '.' : ',');
        }
        if (dot >= 0 && comma >= 0) {
            return t.lastIndexOf('.') > t.lastIndexOf(',') ? '.' : ','; // the last mark is the decimal one
        }
        char mark = dot >= 0 ? '.' : ',';
        char other = mark == '.' ? ',' : '.';
        if (t.indexOf(mark) != t.lastIndexOf(mark)) {
            return other; // 1.234.567: repeated, so it groups thousands
        }
        int at = t.indexOf(mark);
        String before = t.substring(t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0, at);
        int after = t.length() - at - 1;
        boolean spaceGrouped = before.chars().anyMatch(c -> SPACES.indexOf(c) >= 0);
        if (after != 3 || spaceGrouped || before.equals("0") || before.length() > 3) {
            return mark; // 2,5 / 1 234,567 / 0,123 / 1234,567 cannot be a thousands group
        }
        return null;
    }

    /** Plain "1234.5" when the value fits the convention exactly, else null. */
    private String strict(String t, char decimal) {
        int start = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
        String sign = t.charAt(0) == '-' ? "-" : "";
        String body = t.substring(start);
        int at = body.indexOf(decimal);
        if (at >= 0 && body.lastIndexOf(decimal) != at) {
            return null;
        }
        String integer = at < 0 ? body : body.substring(0, at);
        String fraction = at < 0 ? "" : body.substring(at + 1);
        if (!fraction.chars().allMatch(Character::isDigit) || (at >= 0 && fraction.isEmpty())) {
            return null;
        }
        String digits = grouped(integer, decimal);
        if (digits == null) {
            return null;
        }
        return sign + digits + (fraction.isEmpty() ? "" : "." + fraction);
    }

    /** The digits of an integer part, plain or grouped by threes with one allowed separator. */
    private String grouped(String integer, char decimal) {
        if (!integer.isEmpty() && integer.chars().allMatch(Character::isDigit)) {
            return integer;
        }
        char sep = 0;
        StringBuilder digits = new StringBuilder(integer.length());
        int group = 0;
        boolean first = true;
        for (int i = 0; i < integer.length(); i++) {
            char c = integer.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(c);
                group++;
                continue;
            }
            char kind = SPACES.indexOf(c) >= 0 ? ' ' : c;
            if (kind == decimal || !thousandsAllowed(kind) || (sep != 0 && kind != sep)
                    || group == 0 || group > 3 || (!first && group != 3)) {
                return null;
            }
            sep = kind;
            first = false;
            group = 0;
        }
        return group == 3 && !first ? digits.toString() : null;
    }

    private boolean thousandsAllowed(char kind) {
        if (declaredThousands == null) {
            return true;
        }
        return declaredThousands != '\0' && kind == declaredThousands;
    }

    private ValueReading ambiguous(String t, String where) {
        int at = Math.max(t.indexOf('.'), t.indexOf(','));
        char mark = t.charAt(at);
        String asDecimal = t.substring(0, at) + "." + t.substring(at + 1);
        String asThousands = t.substring(0, at) + t.substring(at + 1);
        return new ValueReading(null, "value-ambiguous-number", "a declared decimal_mark",
                file + ", " + where + ": value '" + t + "' reads as " + asDecimal + " if '" + mark + "' is the decimal mark or "
                        + asThousands + " if it separates thousands, and nothing earlier in the file settles which."
                        + " Declare it for this input in the job spec: decimal_mark: \"" + mark + "\" or thousands_separator: \""
                        + mark + "\".");
    }

    private String expected(char decimal) {
        return "a number with decimal mark '" + decimal + "'";
    }

    private String convention(char decimal) {
        String thousands = declaredThousands == null ? "" : declaredThousands == '\0' ? " and no thousands separator"
                : declaredThousands == ' ' ? " and space as thousands separator" : " and thousands separator '" + declaredThousands + "'";
        if (declaredDecimal != null) {
            return "the declared decimal mark '" + decimal + "'" + thousands;
        }
        if (established != null) {
            return "the file's decimal mark '" + decimal + "' (detected from " + evidence + ")" + thousands;
        }
        return "a number with decimal mark '" + decimal + "'" + thousands;
    }
}
