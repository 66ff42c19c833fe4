package org.uncts.cts.publication.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Which values of {@code indicators} (for countries) or {@code regional_aggregates} (for regions)
 * a chart draws: a formula and one cell of its breakdown. {@code indicator} (the base indicator)
 * and {@code iccsCode} are optional filters, needed only where a formula covers several counts
 * (rate_per_100k); the breakdown defaults to the total (dimension and category Total, sex and age _T).
 */
public record SeriesSelection(String formula, String indicator, String iccsCode, String dimension, String category,
                              String sex, String age) {

    public static final String TOTAL = "Total";
    public static final String SDMX_TOTAL = "_T";

    public SeriesSelection {
        dimension = dimension == null ? TOTAL : dimension;
        category = category == null ? TOTAL : category;
        sex = sex == null ? SDMX_TOTAL : sex;
        age = age == null ? SDMX_TOTAL : age;
    }

    /** The selection of a formula's total (all defaults). */
    public static SeriesSelection of(String formula) {
        return new SeriesSelection(formula, null, null, null, null, null, null);
    }

    /** For messages: "formula sdg_16_1_1, dimension Total, category Total, sex _T, age _T". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("formula " + formula);
        if (indicator != null) {
            parts.add("indicator " + indicator);
        }
        if (iccsCode != null) {
            parts.add("ICCS " + iccsCode);
        }
        parts.add("dimension " + dimension);
        parts.add("category " + category);
        parts.add("sex " + sex);
        parts.add("age " + age);
        return String.join(", ", parts);
    }
}
