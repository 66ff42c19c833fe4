package org.uncts.cts.publication;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a publication table is written in, each with its file extension. */
public enum TableFormat {

    MD("md") {
        @Override
        public void write(PublicationTable table, OutputStream out) throws IOException {
            out.write(MarkdownTable.render(table).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    },
    CSV("csv") {
        @Override
        public void write(PublicationTable table, OutputStream out) throws IOException {
            CsvTable.write(table, out);
        }
    },
    XLSX("xlsx") {
        @Override
        public void write(PublicationTable table, OutputStream out) throws IOException {
            XlsxTable.write(table, out);
        }
    },
    HTML("html") {
        @Override
        public void write(PublicationTable table, OutputStream out) throws IOException {
            HtmlTable.write(table, out);
        }
    };

    private final String extension;

    TableFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, without the dot: "md", "csv", "xlsx", "html". */
    public String extension() {
        return extension;
    }

    /** The table's file name in this format: its name and the extension, "homicide-rates.xlsx". */
    public String fileName(PublicationTable table) {
        return table.name() + "." + extension;
    }

    /** Writes the table to {@code out}, which is left open. */
    public abstract void write(PublicationTable table, OutputStream out) throws IOException;

    /**
     * Writes the table to {@code target}, replacing it: written beside it first and then moved over
     * it, so that a reader never sees half a table.
     */
    public void write(PublicationTable table, Path target) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(table, out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The format for a name or extension, case-insensitive: "md", "markdown", "CSV", "xlsx", "html", "htm". */
    public static TableFormat of(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "md", "markdown" -> MD;
            case "csv" -> CSV;
            case "xlsx", "excel" -> XLSX;
            case "html", "htm" -> HTML;
            default -> throw new IllegalArgumentException("Unknown table format \"" + name + "\": expected one of "
                    + Arrays.stream(values()).map(TableFormat::extension).collect(Collectors.joining(", ")));
        };
    }
}
