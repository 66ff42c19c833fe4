package org.uncts.cts.reference;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads an indicator list, header {@code id,label,iccs,aliases}: {@code iccs} is
 * {@code required}, {@code optional}, {@code none} or the ICCS code the indicator implies (which
 * must be in the ICCS list in use); {@code aliases} are separated by {@code |}.
 */
public final class IndicatorFileReader {

    static final String HEADER = "id,label,iccs,aliases";

    private IndicatorFileReader() {
    }

    public static Indicators read(Path file, IccsCodes iccs) {
        return read(CsvTable.read(file), iccs);
    }

    static Indicators readResource(String name, IccsCodes iccs) {
        return read(CsvTable.readResource(name), iccs);
    }

    private static Indicators read(CsvTable t, IccsCodes iccs) {
        int id = t.column("id");
        int label = t.column("label");
        int rule = t.column("iccs");
        int aliases = t.column("aliases");
        if (id < 0 || label < 0 || rule < 0) {
            throw new ReferenceDataException(t.source(), t.headerLine(), null,
                    "the header '" + t.headerText() + "' is not an indicator list header.",
                    "use the header " + HEADER + " (aliases may be left out).");
        }
        t.requireOnlyColumns(List.of("id", "label", "iccs", "aliases"), HEADER);
        Indicators.Builder b = new Indicators.Builder(t.source());
        for (CsvTable.Row r : t.rows()) {
            String i = r.get(id);
            String l = r.get(label);
            if (i.isEmpty() || l.isEmpty()) {
                throw new ReferenceDataException(t.source(), r.line(), i.isEmpty() ? "id" : "label",
                        "the value is missing.", "give both an id and a label.");
            }
            String ruleText = r.get(rule);
            IccsRule iccsRule;
            String fixed = null;
            switch (ruleText.toLowerCase(Locale.ROOT)) {
                case "required" -> iccsRule = IccsRule.REQUIRED;
                case "optional" -> iccsRule = IccsRule.OPTIONAL;
                case "none" -> iccsRule = IccsRule.NONE;
                default -> {
                    if (iccs.byCode(ruleText).isEmpty()) {
                        throw new ReferenceDataException(t.source(), r.line(), "iccs", "'" + ruleText
                                + "' is neither required, optional, none nor a code in the ICCS list in use.",
                                "write required, optional or none, or the implied ICCS code with its leading"
                                        + " zeros (e.g. 0101).");
                    }
                    iccsRule = IccsRule.FIXED;
                    fixed = iccs.byCode(ruleText).orElseThrow().code();
                }
            }
            List<String> aliasList = aliases < 0 ? List.of()
                    : Arrays.stream(r.get(aliases).split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            b.add(new Indicator(i, l, iccsRule, fixed, aliasList), r.line());
        }
        return b.build();
    }
}
