package org.uncts.cts.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The year columns of a wide return's header: "2019" holds the value, "2019 flag" (or
 * "2019_flag") its flag and "2019 note" (or "2019_note") its note.
 *
 * @param years one entry per year column, in header order
 */
record WideColumns(List<Year> years) {

    /**
     * One year column and its companions.
     *
     * @param header    the year column's header cell as written ("2019"), for messages
     * @param valueCell its index; flagCell and noteCell are -1 when the year has no such column
     */
    record Year(String year, String header, int valueCell, int flagCell, int noteCell) {
    }

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern COMPANION = Pattern.compile("(\\d{4})[ _](flag|note)");

    /** How many header cells (normalized names) are year columns. */
    static int yearCount(List<String> names) {
        return (int) names.stream().filter(n -> YEAR.matcher(n).matches()).count();
    }

    /** True for a header cell that is a year column or a year's flag or note column. */
    static boolean isYearColumn(String name) {
        return YEAR.matcher(name).matches() || COMPANION.matcher(name).matches();
    }

    /**
     * The year columns of a header.
     *
     * @throws ReturnFormatException when a year appears twice, or a flag or note column has no year column
     */
    static WideColumns of(String file, long headerLine, List<String> cells) {
        Map<String, int[]> byYear = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = ReturnLayout.normalize(cells.get(i));
            if (YEAR.matcher(name).matches()) {
                int[] slots = byYear.computeIfAbsent(name, k -> new int[] {-1, -1, -1});
                if (slots[0] >= 0) {
                    throw duplicate(file, headerLine, cells.get(i));
                }
                slots[0] = i;
                headers.put(name, cells.get(i).strip());
                continue;
            }
            Matcher m = COMPANION.matcher(name);
            if (m.matches()) {
                int[] slots = byYear.computeIfAbsent(m.group(1), k -> new int[] {-1, -1, -1});
                int slot = m.group(2).equals("flag") ? 1 : 2;
                if (slots[slot] >= 0) {
                    throw duplicate(file, headerLine, cells.get(i));
                }
                slots[slot] = i;
            }
        }
        List<Year> years = new ArrayList<>();
        for (Map.Entry<String, int[]> e : byYear.entrySet()) {
            int[] s = e.getValue();
            if (s[0] < 0) {
                throw new ReturnFormatException(file + ": header line " + headerLine + " has a flag or note column for "
                        + e.getKey() + " but no " + e.getKey() + " column. Add the year column, or rename the column."
                        + " See docs/input-formats.md (Wide CSV).");
            }
            years.add(new Year(e.getKey(), headers.get(e.getKey()), s[0], s[1], s[2]));
        }
        return new WideColumns(List.copyOf(years));
    }

    private static ReturnFormatException duplicate(String file, long headerLine, String cell) {
        return new ReturnFormatException(file + ": header line " + headerLine + " has the column '" + cell.strip()
                + "' twice; a wide return has one column per year (and one flag and note column per year)."
                + " See docs/input-formats.md (Wide CSV).");
    }
}
