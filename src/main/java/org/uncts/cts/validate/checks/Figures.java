package org.uncts.cts.validate.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** How findings write figures, series and source lines for people to read. */
public final class Figures {

    private Figures() {
    }

    /** A figure as the focal point typed it: 1234, 12.5, 0.37 (no exponent, no trailing zeros). */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A signed difference: +12, -3.5. */
    public static String signed(double v) {
        return (v > 0 ? "+" : "") + number(v);
    }

    /** A share as a signed percentage with one decimal: +31.2%. */
    public static String percent(double share) {
        if (Double.isInfinite(share)) {
            return "from zero";
        }
        return (share > 0 ? "+" : "") + BigDecimal.valueOf(share * 100).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Years as a compact list: "2019", "2019-2021", "2016, 2019-2020". */
    public static String years(Iterable<Integer> years) {
        TreeSet<Integer> ys = new TreeSet<>();
        years.forEach(ys::add);
        List<String> out = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int y : ys) {
            if (start == null) {
                start = y;
            } else if (y != prev + 1) {
                out.add(range(start, prev));
                start = y;
            }
            prev = y;
        }
        if (start != null) {
            out.add(range(start, prev));
        }
        return String.join(", ", out);
    }

    private static String range(int a, int b) {
        return a == b ? Integer.toString(a) : a + "-" + b;
    }

    /** The years of a DuckDB list column (list(year ORDER BY year)). */
    static List<Integer> yearList(java.sql.Array array) throws java.sql.SQLException {
        List<Integer> years = new ArrayList<>();
        for (Object y : (Object[]) array.getArray()) {
            years.add(((Number) y).intValue());
        }
        return years;
    }

    /** Parses "file:line" items (one per line, as the checks' SQL aggregates them). */
    public static List<Finding.SourceLine> lines(String aggregated) {
        List<Finding.SourceLine> out = new ArrayList<>();
        if (aggregated == null || aggregated.isEmpty()) {
            return out;
        }
        for (String item : aggregated.split("\n")) {
            int colon = item.lastIndexOf(':');
            out.add(new Finding.SourceLine(item.substring(0, colon), Long.parseLong(item.substring(colon + 1))));
        }
        return out;
    }

    /** SQL that aggregates the source lines of a group of rows for {@link #lines(String)}. */
    static String linesAgg(String alias) {
        String a = alias == null ? "" : alias + ".";
        return "string_agg(" + a + "source_file || ':' || " + a + "source_line, chr(10) ORDER BY " + a + "source_file, "
                + a + "source_line)";
    }

    /** "returns/a.csv: 12, 14; returns/b.csv: 3" in the order given, lines per file sorted. */
    public static String linesText(List<Finding.SourceLine> lines) {
        Map<String, TreeSet<Long>> byFile = new LinkedHashMap<>();
        for (Finding.SourceLine l : lines) {
            TreeSet<Long> set = byFile.computeIfAbsent(l.file(), k -> new TreeSet<>());
            if (l.line() != null) {
                set.add(l.line());
            }
        }
        List<String> parts = new ArrayList<>();
        byFile.forEach((file, ls) -> parts.add(ls.isEmpty() ? file
                : file + ": " + String.join(", ", ls.stream().map(String::valueOf).toList())));
        return String.join("; ", parts);
    }

    /** A breakdown code in words where it has one (sex codes); other labels as they are. */
    public static String label(String code) {
        return switch (code) {
            case "_T" -> "Total";
            case "M" -> "Male";
            case "F" -> "Female";
            case "_U" -> "Unknown";
            default -> code;
        };
    }

    /**
     * A series key (iso3|indicator|iccs|dimension|category|sex|age|unit) in words:
     * "persons_held, by sentence status: Sentenced, male, counts".
     */
    public static String series(String seriesKey) {
        String[] k = seriesKey.split("\\|", -1);
        if (k.length < 8) {
            return seriesKey;
        }
        List<String> parts = new ArrayList<>();
        parts.add(k[2].isEmpty() ? k[1] : k[1] + " (ICCS " + k[2] + ")");
        if (!"Total".equalsIgnoreCase(k[3]) || !"Total".equalsIgnoreCase(k[4])) {
            parts.add("Total".equalsIgnoreCase(k[3]) ? k[4] : k[3] + ": " + k[4]);
        }
        parts.add(switch (k[5]) {
            case "_T" -> "both sexes";
            case "M" -> "male";
            case "F" -> "female";
            case "_U" -> "sex unknown";
            default -> k[5];
        });
        if (!"_T".equals(k[6])) {
            parts.add("age " + k[6]);
        }
        parts.add("RATE_PER_100K".equals(k[7]) ? "rate per 100,000" : "counts");
        return String.join(", ", parts);
    }
}
