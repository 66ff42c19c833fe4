package org.uncts.cts.reference;

import java.text.Normalizer;
import java.util.Locale;

/** Text keys used to compare names as people type them. Pure functions, no state. */
final class Names {

    private Names() {
    }

    /**
     * Key for country names and aliases: accents removed, lower case, and everything that is
     * not a letter or digit dropped, spaces included. So "Côte d’Ivoire", "cote d ivoire" and
     * "COTE D'IVOIRE" share a key, as do "U.S.A." and "USA". "&amp;" counts as "and".
     * Called per input row, so pure-ASCII text skips the Unicode normalisation.
     */
    static String countryKey(String text) {
        if (text == null) {
            return "";
        }
        String s = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    sb.append(c);
                } else if (c >= 'A' && c <= 'Z') {
                    sb.append((char) (c + ('a' - 'A')));
                } else if (c == '&') {
                    sb.append("and");
                }
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            // Letters that NFD does not decompose into a base letter plus accent.
            switch (c) {
                case 'ß' -> sb.append("ss");
                case 'æ', 'Æ' -> sb.append("ae");
                case 'œ', 'Œ' -> sb.append("oe");
                case 'ø', 'Ø' -> sb.append('o');
                case 'đ', 'Đ' -> sb.append('d');
                case 'ł', 'Ł' -> sb.append('l');
                case 'ı' -> sb.append('i');
                case 'þ', 'Þ' -> sb.append("th");
                default -> {
                    if (Character.isLetterOrDigit(c)) {
                        sb.append(Character.toLowerCase(c));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Key for indicator ids, labels and ICCS labels: trimmed, inner spaces collapsed, lower case. */
    static String labelKey(String text) {
        if (text == null) {
            return "";
        }
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
