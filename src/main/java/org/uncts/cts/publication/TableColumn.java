package org.uncts.cts.publication;

/**
 * One data column.
 *
 * @param header the column header, e.g. "2020", "Male", "Average annual change (%)"
 * @param group  spanning header over adjacent columns with the same group (e.g. "Victims (count)"); null for none
 */
public record TableColumn(String header, String group) {

    /**
     * The header for formats with a single header row (Markdown, CSV): the group and the header,
     * "Victims (count) – Male", or the header alone.
     */
    public String qualifiedHeader() {
        return group == null ? header : group + " – " + header;
    }
}
