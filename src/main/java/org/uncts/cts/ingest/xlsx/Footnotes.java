package org.uncts.cts.ingest.xlsx;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.uncts.cts.normalize.FlagParser;

/**
 * What a footnote of an Excel return says: a flag ("e", "p, b", "estimate"), a note (free text),
 * or both ("e: estimate from the health ministry"). Footnote columns and cell comments are read
 * this way, so a focal point may write either.
 */
record Footnotes(String flag, String note) {

    static final Footnotes NONE = new Footnotes(null, null);

    /** "e: text", "e - text": a flag, then its explanation. */
    private static final Pattern FLAG_THEN_TEXT = Pattern.compile("^([^:\\s][^:]{0,20}?)\\s*(?::|\\s-|\\s–)\\s*(.+)$", Pattern.DOTALL);

    /** A footnote's text: all flags when FlagParser knows every word, else a flag and a note, else a note. */
    static Footnotes of(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String t = text.strip();
        if (FlagParser.parse(t).isPresent()) {
            return new Footnotes(t, null);
        }
        Matcher m = FLAG_THEN_TEXT.matcher(t);
        if (m.matches() && FlagParser.parse(m.group(1).strip()).isPresent()) {
            return new Footnotes(m.group(1).strip(), m.group(2).strip());
        }
        return new Footnotes(null, t);
    }

    /** Several footnotes of one figure together: flags joined with ", ", notes with "; ". */
    static Footnotes join(List<Footnotes> all) {
        String flag = null;
        String note = null;
        for (Footnotes f : all) {
            if (f.flag != null) {
                flag = flag == null ? f.flag : flag + ", " + f.flag;
            }
            if (f.note != null) {
                note = note == null ? f.note : note + "; " + f.note;
            }
        }
        return new Footnotes(flag, note);
    }

    /**
     * A comment's text without the "Author:" line Excel puts first in legacy comments, so that a
     * comment "e" by "J. Smith" reads as the flag e.
     */
    static String commentText(String text, String author) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (author != null && !author.isBlank() && t.startsWith(author.strip() + ":")) {
            t = t.substring(author.strip().length() + 1).strip();
        }
        return t;
    }
}
