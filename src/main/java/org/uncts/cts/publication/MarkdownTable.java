package org.uncts.cts.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publication table as a GitHub-flavoured Markdown pipe table:
 *
 * <pre>
 * # Intentional homicide victims, by country
 *
 * Count
 *
 * | Region / country or area | 2020 | 2021 |
 * | :--- | ---: | ---: |
 * | **Africa** |  |  |
 * | &#160;&#160;Egypt | 1,234.5 (e) | .. |
 *
 * (e) Estimate.
 *
 * Source: UN-CTS.
 * </pre>
 *
 * <ul>
 *   <li>The stub column is left-aligned, the data columns right-aligned.</li>
 *   <li>Heading rows (regions, subregions) show their label in bold and empty cells.</li>
 *   <li>Each indentation level is two no-break spaces (U+00A0) before the label: GitHub keeps them
 *       in a table cell, where it trims ordinary spaces.</li>
 *   <li>Markers follow the figure in brackets, "1,234.5 (e,b)", ".. (1)", as in the footnote lines
 *       under the table, "(e) Estimate.".</li>
 *   <li>Column groups, which a pipe table cannot span, prefix their columns' headers:
 *       "Victims (count) – Male".</li>
 *   <li>Text is escaped so that it shows as written: Markdown punctuation gets a backslash (a
 *       {@code |} in a label cannot end the cell), line breaks become spaces.</li>
 * </ul>
 */
public final class MarkdownTable {

    /** One indentation level. */
    static final String INDENT = "\u00A0\u00A0";

    /** What would start a bullet or numbered list, up to the character to escape. */
    private static final Pattern LIST_START = Pattern.compile("[-+]|\\d{1,9}[.)]");

    private MarkdownTable() {
    }

    /** The table as Markdown, lines ending with "\n". */
    public static String render(PublicationTable table) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(table.title())).append("\n\n");
        if (table.subtitle() != null && !table.subtitle().isBlank()) {
            md.append(escapeParagraph(table.subtitle())).append("\n\n");
        }

        List<String> header = new ArrayList<>();
        List<String> alignment = new ArrayList<>();
        header.add(escape(table.stubHeader()));
        alignment.add(":---");
        for (TableColumn column : table.columns()) {
            header.add(escape(column.qualifiedHeader()));
            alignment.add("---:");
        }
        md.append(row(header)).append(row(alignment));

        for (TableRow r : table.rows()) {
            List<String> cells = new ArrayList<>();
            String label = escape(r.label());
            boolean heading = r.kind() == TableRow.Kind.HEADING;
            cells.add(INDENT.repeat(Math.max(0, r.level())) + (heading ? "**" + label + "**" : label));
            for (int i = 0; i < table.columns().size(); i++) {
                cells.add(heading ? "" : escape(r.cells().get(i).formattedWithMarkers()));
            }
            md.append(row(cells));
        }

        List<String> below = new ArrayList<>();
        table.footnotes().forEach(f -> below.add(f.line()));
        below.addAll(table.notes());
        if (table.sourceLine() != null) {
            below.add(table.sourceLine());
        }
        for (String paragraph : below) {
            md.append('\n').append(escapeParagraph(paragraph)).append('\n');
        }
        return md.toString();
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /** A line of text on its own, which also must not start a list: "1. Coverage" stays a sentence. */
    static String escapeParagraph(String text) {
        String escaped = escape(text);
        Matcher list = LIST_START.matcher(escaped);
        return list.lookingAt() ? escaped.substring(0, list.end() - 1) + "\\" + escaped.substring(list.end() - 1) : escaped;
    }

    /**
     * Text as Markdown that shows it literally: a backslash before the punctuation that could make
     * emphasis, links, HTML, code or a cell boundary; line breaks as spaces (a table row is one line).
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '|', '*', '_', '`', '[', ']', '<', '>', '#', '~' -> out.append('\\').append(c);
                case '\r', '\n' -> {
                    if (out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
                        out.append(' ');
                    }
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
