package org.uncts.cts.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Fills the gaps of one country's series of rates inside a span of years: linear interpolation
 * between the nearest reported years on either side, otherwise the first or last reported rate
 * carried backward or forward for at most {@code carryYears} years. Years further out stay empty.
 */
final class SeriesImputer {

    static final String INTERPOLATION = "interpolation";
    static final String CARRY_FORWARD = "carry_forward";
    static final String CARRY_BACKWARD = "carry_backward";
    static final String REGIONAL_MEDIAN = "regional_median";

    /** The methods in the order the {@code imputation} column lists them. */
    static final List<String> METHODS = List.of(INTERPOLATION, CARRY_FORWARD, CARRY_BACKWARD, REGIONAL_MEDIAN);

    /** @param basis the reported years and rates the value came from, for the audit trail */
    record Imputed(int year, String method, double rate, String basis) {
    }

    private SeriesImputer() {
    }

    /**
     * @param reported   the reported rates by year (not empty)
     * @param firstYear  first year of the span to fill
     * @param lastYear   last year of the span to fill
     * @param carryYears how far the series ends may be carried
     * @return one entry per unreported year that could be filled, in year order
     */
    static List<Imputed> impute(NavigableMap<Integer, Double> reported, int firstYear, int lastYear, int carryYears) {
        List<Imputed> out = new ArrayList<>();
        if (reported.isEmpty()) {
            return out;
        }
        int first = reported.firstKey();
        int last = reported.lastKey();
        for (int y = firstYear; y <= lastYear; y++) {
            if (reported.containsKey(y)) {
                continue;
            }
            Map.Entry<Integer, Double> before = reported.lowerEntry(y);
            Map.Entry<Integer, Double> after = reported.higherEntry(y);
            if (before != null && after != null) {
                double share = (double) (y - before.getKey()) / (after.getKey() - before.getKey());
                double rate = before.getValue() + (after.getValue() - before.getValue()) * share;
                out.add(new Imputed(y, INTERPOLATION, rate, point(before) + ", " + point(after)));
            } else if (before != null && y - last <= carryYears) {
                out.add(new Imputed(y, CARRY_FORWARD, before.getValue(), point(before)));
            } else if (after != null && first - y <= carryYears) {
                out.add(new Imputed(y, CARRY_BACKWARD, after.getValue(), point(after)));
            }
        }
        return out;
    }

    private static String point(Map.Entry<Integer, Double> e) {
        return e.getKey() + "=" + e.getValue();
    }
}
