package org.uncts.cts.normalize;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.uncts.cts.model.Sex;
import org.uncts.cts.model.Unit;

/** Codes for the standard breakdowns: sex, age group and unit, from the labels returns use. */
public final class Breakdowns {

    private static final Map<String, Sex> SEX = new HashMap<>();
    private static final Map<String, String> AGE = new HashMap<>();
    private static final Map<String, Unit> UNIT = new HashMap<>();

    static {
        for (String s : new String[] {"", "total", "t", "_t", "both sexes", "all"}) {
            SEX.put(s, Sex.TOTAL);
        }
        for (String s : new String[] {"male", "m", "men", "males", "boys and men"}) {
            SEX.put(s, Sex.MALE);
        }
        for (String s : new String[] {"female", "f", "women", "females", "girls and women"}) {
            SEX.put(s, Sex.FEMALE);
        }
        for (String s : new String[] {"unknown", "u", "_u", "not known", "sex unknown"}) {
            SEX.put(s, Sex.UNKNOWN);
        }
        String[][] ages = {
            {"_T", "", "total", "_t", "all ages"},
            {"Y0T9", "0-9"}, {"Y10T14", "10-14"}, {"Y15T17", "15-17"}, {"Y18T19", "18-19"},
            {"Y20T24", "20-24"}, {"Y25T29", "25-29"}, {"Y30T44", "30-44"}, {"Y45T59", "45-59"},
            {"Y_GE60", "60 and older", "60+", "60 and over", "60 or older"},
            {"_U", "unknown", "_u", "age unknown"},
            {"JUVENILE", "juvenile", "juveniles", "minors"},
            {"ADULT", "adult", "adults"},
        };
        for (String[] row : ages) {
            AGE.put(row[0].toLowerCase(Locale.ROOT), row[0]);
            for (int i = 1; i < row.length; i++) {
                AGE.put(row[i], row[0]);
            }
        }
        for (String s : new String[] {"", "counts", "count", "number", "nr", "no."}) {
            UNIT.put(s, Unit.COUNT);
        }
        for (String s : new String[] {"rate per 100,000 population", "rate per 100000 population",
            "rate per 100,000", "rate", "per 100,000", "rate_per_100k"}) {
            UNIT.put(s, Unit.RATE_PER_100K);
        }
    }

    private Breakdowns() {
    }

    private static String key(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('\u2013', '-');
    }

    // Returns repeat a handful of spellings millions of times: remember each answer by raw text.
    private static final Map<String, Optional<Sex>> SEX_SEEN = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Optional<String>> AGE_SEEN = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Optional<Unit>> UNIT_SEEN = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int SEEN_LIMIT = 10_000;

    private static <T> Optional<T> remembered(Map<String, Optional<T>> seen, String text, java.util.function.Function<String, Optional<T>> f) {
        String k = text == null ? "" : text;
        Optional<T> v = seen.get(k);
        if (v == null) {
            v = f.apply(k);
            if (seen.size() < SEEN_LIMIT) {
                seen.put(k, v);
            }
        }
        return v;
    }

    public static Optional<Sex> sex(String text) {
        return remembered(SEX_SEEN, text, t -> Optional.ofNullable(SEX.get(key(t))));
    }

    /** The age-group code (_T, Y0T9 ... Y_GE60, _U, JUVENILE, ADULT). */
    public static Optional<String> age(String text) {
        return remembered(AGE_SEEN, text, t -> {
            String k = key(t);
            String code = AGE.get(k);
            return Optional.ofNullable(code != null ? code : AGE.get(k.replace(" ", "")));
        });
    }

    public static Optional<Unit> unit(String text) {
        return remembered(UNIT_SEEN, text, t -> Optional.ofNullable(UNIT.get(key(t))));
    }

    /** Dimension and category default to "Total" and are otherwise kept as reported, trimmed. */
    public static String labelOrTotal(String text) {
        if (text == null || text.isBlank()) {
            return "Total";
        }
        String t = text.strip();
        return t.contains("  ") || t.indexOf('\t') >= 0 || t.indexOf('\n') >= 0 ? t.replaceAll("\\s+", " ") : t;
    }
}
