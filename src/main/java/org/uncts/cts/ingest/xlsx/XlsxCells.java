package org.uncts.cts.ingest.xlsx;

import java.util.Locale;

/** Cell names as Excel writes them ("Table1!D12", "'Notes 2025'!B3"), and column letters. */
final class XlsxCells {

    private XlsxCells() {
    }

    /** "D" is 3 (0-based); "AA" is 26. */
    static int column(String letters) {
        int c = 0;
        for (char ch : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            c = c * 26 + (ch - 'A' + 1);
        }
        return c - 1;
    }

    /** 3 is "D". */
    static String letters(int col) {
        StringBuilder sb = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            sb.append((char) ('A' + (c - 1) % 26));
        }
        return sb.reverse().toString();
    }

    /** A cell's name with its sheet, quoted as Excel does when the sheet name is not a plain word. */
    static String name(String sheet, int row, int col) {
        String s = sheet.matches("[A-Za-z_][A-Za-z0-9_.]*") ? sheet : "'" + sheet.replace("'", "''") + "'";
        return s + "!" + letters(col) + (row + 1);
    }

    /** The 0-based row and column of a reference such as "D12". */
    static int[] parse(String ref) {
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            i++;
        }
        return new int[] {Integer.parseInt(ref.substring(i)) - 1, column(ref.substring(0, i))};
    }
}
