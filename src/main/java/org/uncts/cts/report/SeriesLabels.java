package org.uncts.cts.report;

import java.util.HashMap;
import java.util.Map;
import org.uncts.cts.reference.IccsCode;
import org.uncts.cts.reference.IccsCodes;
import org.uncts.cts.reference.Indicator;
import org.uncts.cts.reference.Indicators;

/**
 * Plain-language names for the codes of a series: indicator ids ("victims_intentional_homicide"
 * becomes "Victims of intentional homicide") and ICCS codes ("0101" becomes "Intentional
 * homicide"). A code without a label is shown as it is.
 */
public record SeriesLabels(Map<String, String> indicators, Map<String, String> iccs) {

    public SeriesLabels {
        indicators = Map.copyOf(indicators);
        iccs = Map.copyOf(iccs);
    }

    /** The labels of the reference lists shipped with cts-pipeline. */
    public static SeriesLabels builtIn() {
        return of(Indicators.builtIn(), IccsCodes.builtIn());
    }

    /** The labels of the reference lists a run used. */
    public static SeriesLabels of(Indicators indicators, IccsCodes iccs) {
        Map<String, String> ind = new HashMap<>();
        for (Indicator i : indicators.all()) {
            ind.put(i.id(), i.label());
        }
        Map<String, String> codes = new HashMap<>();
        for (IccsCode c : iccs.all()) {
            codes.put(c.code(), c.label());
        }
        return new SeriesLabels(ind, codes);
    }

    /** No labels: codes are shown as they are. */
    public static SeriesLabels none() {
        return new SeriesLabels(Map.of(), Map.of());
    }

    String indicator(String id) {
        return id == null ? null : indicators.getOrDefault(id, id);
    }

    String iccs(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String label = iccs.get(code);
        return label == null ? "ICCS " + code : "ICCS " + code + " " + label;
    }
}
