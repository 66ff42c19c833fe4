package org.uncts.cts.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How query results are printed. */
public enum OutputFormat {

    /** Aligned text for reading in a terminal. */
    TABLE,
    /** RFC 4180 CSV with a header row, for spreadsheets. */
    CSV,
    /** A JSON array of objects, one per row, for scripts. */
    JSON;

    /** Case-insensitive lookup, e.g. from a command-line option. */
    public static OutputFormat parse(String name) {
        for (OutputFormat format : values()) {
            if (format.name().equalsIgnoreCase(name.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown output format '" + name + "'; use one of "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    ResultPrinter printer() {
        return switch (this) {
            case TABLE -> new TablePrinter();
            case CSV -> new CsvPrinter();
            case JSON -> new JsonPrinter();
        };
    }
}
