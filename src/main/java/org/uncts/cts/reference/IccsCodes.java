package org.uncts.cts.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable ICCS code list. Levels and parents are derived from the codes themselves (ICCS codes
 * are hierarchical by prefix), so the file only needs {@code code,label}.
 */
public final class IccsCodes {

    static final String RESOURCE = "iccs-codes.csv";

    private static final class Holder {
        static final IccsCodes BUILT_IN = IccsFileReader.readResource(RESOURCE);
    }

    private final Map<String, IccsCode> byCode;
    private final Map<String, IccsCode> byLabel;
    private final List<IccsCode> all;

    private IccsCodes(Map<String, IccsCode> byCode, Map<String, IccsCode> byLabel) {
        this.byCode = Map.copyOf(byCode);
        this.byLabel = Map.copyOf(byLabel);
        this.all = byCode.values().stream().sorted(Comparator.comparing(IccsCode::code)).toList();
    }

    /** The list shipped as {@code reference/iccs-codes.csv}. */
    public static IccsCodes builtIn() {
        return Holder.BUILT_IN;
    }

    /** Reads a {@code code,label} file; see {@link IccsFileReader}. */
    public static IccsCodes load(Path file) {
        return IccsFileReader.read(file);
    }

    /**
     * Builds the list from code to label pairs whose codes are already known to be well formed.
     * A label used by two codes is not findable by label (it would be a guess).
     */
    static IccsCodes of(Map<String, String> labelsByCode) {
        Map<String, IccsCode> byCode = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : labelsByCode.entrySet()) {
            String code = e.getKey();
            byCode.put(code, new IccsCode(code, e.getValue(), IccsCode.levelOf(code),
                    parentOf(code, labelsByCode.keySet())));
        }
        Map<String, IccsCode> byLabel = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (IccsCode c : byCode.values()) {
            String key = Names.labelKey(c.label());
            if (byLabel.putIfAbsent(key, c) != null) {
                ambiguous.add(key);
            }
        }
        ambiguous.forEach(byLabel::remove);
        return new IccsCodes(byCode, byLabel);
    }

    /** Longest proper prefix of length 2, 4 or 5 that is a loaded code, or null. */
    static String parentOf(String code, Set<String> codes) {
        for (int len : new int[] {5, 4, 2}) {
            if (len < code.length() && codes.contains(code.substring(0, len))) {
                return code.substring(0, len);
            }
        }
        return null;
    }

    /** The category with this code; an "ICCS" prefix as in Eurostat data ("ICCS0101") is accepted. */
    public Optional<IccsCode> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(clean(code)));
    }

    /** The category with this label, ignoring case and surrounding or repeated spaces. */
    public Optional<IccsCode> byLabel(String label) {
        return Optional.ofNullable(label == null ? null : byLabel.get(Names.labelKey(label)));
    }

    /**
     * The known code a spreadsheet turned into {@code code} by dropping its leading zero ("101"
     * for 0101), or empty if {@code code} is known as it is or no such code exists. Lets an
     * ingest step restore the zero and say so.
     */
    public Optional<IccsCode> withLostLeadingZero(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = clean(code);
        if (c.isEmpty() || byCode.containsKey(c)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byCode.get("0" + c));
    }

    /**
     * Whether {@code child} is below {@code ancestor} in the ICCS hierarchy (a proper
     * descendant, not the code itself). ICCS codes nest by prefix, so this holds for
     * well-formed codes even when an intermediate level is not loaded (07041 is under 0704).
     */
    public boolean isDescendant(String child, String ancestor) {
        if (child == null || ancestor == null) {
            return false;
        }
        String c = clean(child);
        String a = clean(ancestor);
        return IccsCode.levelOf(c) > 0 && IccsCode.levelOf(a) > 0 && c.length() > a.length() && c.startsWith(a);
    }

    /** The categories directly below a code (those whose parent it is). */
    public List<IccsCode> children(String code) {
        String c = code == null ? "" : clean(code);
        List<IccsCode> out = new ArrayList<>();
        for (IccsCode x : all) {
            if (c.equals(x.parentCode())) {
                out.add(x);
            }
        }
        return out;
    }

    /** Every category, sorted by code (so sections come before their subdivisions). */
    public List<IccsCode> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    private static String clean(String code) {
        String c = code.strip();
        if (c.length() > 4 && c.substring(0, 4).toUpperCase(Locale.ROOT).equals("ICCS")) {
            c = c.substring(4);
        }
        return c;
    }
}
