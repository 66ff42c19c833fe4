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

    public static Optional<Sex> sex(String text) {
        return Optional.ofNullable(SEX.get(key(text)));
    }

    /** The age-group code (_T, Y0T9 ... Y_GE60, _U, JUVENILE, ADULT). */
    public static Optional<String> age(String text) {
        String k = key(text);
        String code = AGE.get(k);
        return Optional.ofNullable(code != null ? code : AGE.get(k.replace(" ", "")));
    }

    public static Optional<Unit> unit(String text) {
        return Optional.ofNullable(UNIT.get(key(text)));
    }

    /** Dimension and category default to "Total" and are otherwise kept as reported, trimmed. */
    public static String labelOrTotal(String text) {
        return text == null || text.isBlank() ? "Total" : text.strip().replaceAll("\\s+", " ");
    }
}
