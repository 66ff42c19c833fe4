package org.uncts.cts.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.uncts.cts.report.ReportModel.Part;

/** Turns the codes of a finding into words a focal point reads without a code list. */
final class PlainWords {

    private static final Map<String, String> SEX = Map.of("_T", "Total", "M", "Male", "F", "Female", "_U", "Unknown");
    private static final Map<String, String> UNIT = Map.of("COUNT", "Counts", "RATE_PER_100K", "Rate per 100,000 population");
    private static final Map<String, String> AGE = Map.of("_T", "All ages", "_U", "Unknown", "JUVENILE", "Juveniles",
            "ADULT", "Adults");
    private static final Pattern AGE_RANGE = Pattern.compile("Y(\\d+)T(\\d+)");
    private static final Pattern AGE_FROM = Pattern.compile("Y_GE(\\d+)");

    private PlainWords() {
    }

    static String sex(String code) {
        return code == null ? null : SEX.getOrDefault(code, code);
    }

    static String unit(String code) {
        return code == null ? null : UNIT.getOrDefault(code, code);
    }

    static String age(String code) {
        if (code == null) {
            return null;
        }
        String known = AGE.get(code);
        if (known != null) {
            return known;
        }
        Matcher m = AGE_RANGE.matcher(code);
        if (m.matches()) {
            return m.group(1) + "–" + m.group(2) + " years";
        }
        m = AGE_FROM.matcher(code);
        if (m.matches()) {
            return m.group(1) + " years and over";
        }
        return code;
    }

    static String breakdown(String dimension, String category) {
        boolean noDimension = dimension == null || dimension.isBlank() || dimension.equalsIgnoreCase("Total");
        boolean noCategory = category == null || category.isBlank() || category.equalsIgnoreCase("Total");
        if (noDimension && noCategory) {
            return "Total (no breakdown)";
        }
        if (noDimension) {
            return category;
        }
        return dimension + ": " + (noCategory ? "Total" : category);
    }

    /**
     * The parts of a series key ({@code iso3|indicator|iccs|dimension|category|sex|age|unit})
     * after the country and the indicator, in words; a key of another shape is given as it is.
     */
    static List<Part> seriesParts(String seriesKey, SeriesLabels labels) {
        if (seriesKey == null || seriesKey.isBlank()) {
            return List.of();
        }
        String[] k = seriesKey.split("\\|", -1);
        if (k.length != 8) {
            return List.of(new Part("Series", seriesKey));
        }
        List<Part> parts = new ArrayList<>();
        String iccs = labels.iccs(k[2]);
        if (iccs != null) {
            parts.add(new Part("Offence", iccs));
        }
        parts.add(new Part("Breakdown", breakdown(k[3], k[4])));
        parts.add(new Part("Sex", sex(k[5])));
        parts.add(new Part("Age", age(k[6])));
        parts.add(new Part("Unit", unit(k[7])));
        return parts;
    }

    /** The indicator id of a series key, or null. */
    static String seriesIndicator(String seriesKey) {
        if (seriesKey == null) {
            return null;
        }
        String[] k = seriesKey.split("\\|", -1);
        return k.length == 8 && !k[1].isBlank() ? k[1] : null;
    }

    static String join(List<Part> parts) {
        List<String> s = new ArrayList<>();
        for (Part p : parts) {
            s.add(p.label().toLowerCase(Locale.ROOT) + ": " + p.text());
        }
        return String.join("; ", s);
    }

    /** A difference for people: grouped digits, at most three decimals, and a sign ("+1,204", "−2.5"). */
    static String signed(Double d) {
        if (d == null || d.isNaN()) {
            return null;
        }
        if (d.isInfinite()) {
            return d > 0 ? "+∞" : "−∞";
        }
        String abs = grouped().format(round(Math.abs(d)));
        if (abs.equals("0")) {
            return "0";
        }
        return (d > 0 ? "+" : "−") + abs;
    }

    /** A difference for a spreadsheet: no grouping, ASCII minus, at most three decimals ("-2.5"). */
    static String plain(Double d) {
        if (d == null || d.isNaN()) {
            return "";
        }
        if (d.isInfinite()) {
            return d.toString();
        }
        return round(d).stripTrailingZeros().toPlainString();
    }

    private static BigDecimal round(double d) {
        return BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_UP);
    }

    private static DecimalFormat grouped() {
        return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    }
}
