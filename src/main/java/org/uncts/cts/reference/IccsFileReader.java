package org.uncts.cts.reference;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ICCS code list, header {@code code,label}. Codes are text: 2, 4, 5 or 6 digits with
 * their leading zeros. A code that lost its leading zero (a spreadsheet saw "0101" as a number
 * and wrote "101") is an error: in a reference file it must be fixed at the source, not guessed.
 */
public final class IccsFileReader {

    static final String HEADER = "code,label";

    private IccsFileReader() {
    }

    public static IccsCodes read(Path file) {
        return read(CsvTable.read(file));
    }

    static IccsCodes readResource(String name) {
        return read(CsvTable.readResource(name));
    }

    private static IccsCodes read(CsvTable t) {
        int code = t.column("code");
        int label = t.column("label");
        if (code < 0 || label < 0) {
            throw new ReferenceDataException(t.source(), t.headerLine(), code < 0 ? "code" : "label",
                    "the header '" + t.headerText() + "' is not an ICCS code list header.",
                    "use the header " + HEADER + ".");
        }
        t.requireOnlyColumns(List.of("code", "label"), HEADER);
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Long> lines = new HashMap<>();
        for (CsvTable.Row r : t.rows()) {
            String c = r.get(code);
            String l = r.get(label);
            checkCode(t, r, c);
            if (l.isEmpty()) {
                throw new ReferenceDataException(t.source(), r.line(), "label", "the label of " + c + " is missing.",
                        "give the ICCS name of the category.");
            }
            String earlier = labels.putIfAbsent(c, l);
            if (earlier != null && !earlier.equals(l)) {
                throw new ReferenceDataException(t.source(), r.line(), "code", c + " is listed twice with different"
                        + " labels (line " + lines.get(c) + ": '" + earlier + "').", "keep one row for " + c + ".");
            }
            lines.putIfAbsent(c, r.line());
        }
        // A 4- or 5-digit code starting with 1 may be a section-01 code that lost its zero
        // ("10111" for 010111). Take it as one when, with the zero back, it fits under a more
        // specific loaded code (0101) than it does as it is (10).
        for (String c : labels.keySet()) {
            if (c.charAt(0) == '1' && (c.length() == 4 || c.length() == 5)
                    && depth(IccsCodes.parentOf("0" + c, labels.keySet())) > depth(IccsCodes.parentOf(c,
                            labels.keySet()))) {
                throw lostZero(t, lines.get(c), c);
            }
        }
        return IccsCodes.of(labels);
    }

    private static int depth(String parent) {
        return parent == null ? 0 : parent.length();
    }

    private static void checkCode(CsvTable t, CsvTable.Row r, String c) {
        if (c.isEmpty()) {
            throw new ReferenceDataException(t.source(), r.line(), "code", "the ICCS code is missing.",
                    "give the code as text with its leading zeros, e.g. 0101.");
        }
        boolean digits = c.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        if (!digits) {
            throw new ReferenceDataException(t.source(), r.line(), "code", "'" + c + "' is not an ICCS code.",
                    "give 2, 4, 5 or 6 digits with leading zeros, e.g. 01, 0101, 03011, 050211.");
        }
        int section = c.length() >= 2 ? Integer.parseInt(c.substring(0, 2)) : 0;
        boolean wellFormed = IccsCode.levelOf(c) > 0 && section >= 1 && section <= 11;
        if (!wellFormed) {
            String padded = "0" + c;
            int paddedSection = Integer.parseInt(padded.substring(0, 2));
            if (IccsCode.levelOf(padded) > 0 && paddedSection >= 1 && paddedSection <= 11) {
                throw lostZero(t, r.line(), c);
            }
            throw new ReferenceDataException(t.source(), r.line(), "code", "'" + c + "' is not an ICCS code.",
                    "give 2, 4, 5 or 6 digits starting with a section 01 to 11, e.g. 0101, 03011, 050211.");
        }
    }

    private static ReferenceDataException lostZero(CsvTable t, long line, String c) {
        return new ReferenceDataException(t.source(), line, "code", "'" + c + "' looks like ICCS code 0" + c
                + " with its leading zero lost (the column was read as a number).",
                "write 0" + c + " and keep the column formatted as text when saving from a spreadsheet.");
    }
}
