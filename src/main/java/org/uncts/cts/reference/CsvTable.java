package org.uncts.cts.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.uncts.cts.files.InputFile;

/**
 * A small reference CSV read whole: its header and its data rows, each with the physical line it
 * starts on so that errors can send the maintainer straight to it. Files go through
 * {@link InputFile} so BOMs and Windows-1252 exports are handled as everywhere else; the
 * delimiter ({@code ,} {@code ;} or tab) is taken from the header line. Reference files are a few
 * thousand rows at most, so holding them in memory keeps the readers simple; a large file (World
 * Population Prospects) is streamed through a row filter and only the kept rows are held.
 */
final class CsvTable {

    /** One data row; {@link #get} returns trimmed text, "" for a missing trailing cell. */
    record Row(long line, List<String> cells) {
        String get(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index).strip() : "";
        }
    }

    private final String source;
    private final String sha256;
    private final char delimiter;
    private final long headerLine;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(String source, String sha256, char delimiter, long headerLine, List<String> header,
            List<Row> rows) {
        this.source = source;
        this.sha256 = sha256;
        this.delimiter = delimiter;
        this.headerLine = headerLine;
        this.header = header;
        this.rows = rows;
    }

    static CsvTable read(Path path) {
        return read(path, header -> row -> true);
    }

    /**
     * Reads a file, keeping only the rows a filter chosen from the header accepts: large files
     * (World Population Prospects, ~100 MB) are streamed and only what is needed is held.
     *
     * @param filter given the header names as in the file, the rows to keep
     */
    static CsvTable read(Path path, Function<List<String>, Predicate<Row>> filter) {
        String source = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new ReferenceDataException(source, 0, null, "the file does not exist or is not a regular file.",
                    "check the path given for this reference file.");
        }
        InputFile input;
        try {
            input = InputFile.inspect(path);
        } catch (UncheckedIOException e) {
            throw new ReferenceDataException(source, 0, null, "the file cannot be read (" + e.getMessage() + ").",
                    "check that the file exists and is readable.", e);
        }
        try (Reader reader = input.openReader()) {
            return parse(source, input.sha256(), reader, filter);
        } catch (IOException e) {
            throw new ReferenceDataException(source, 0, null, "the file cannot be read (" + e.getMessage() + ").",
                    "check that the file exists and is readable.", e);
        }
    }

    /** Reads a file shipped under {@code src/main/resources/reference}; we write those as UTF-8. */
    static CsvTable readResource(String name) {
        String source = "classpath:reference/" + name;
        InputStream in = CsvTable.class.getResourceAsStream("/reference/" + name);
        if (in == null) {
            throw new IllegalStateException("Built-in reference file missing from the build: " + source);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(source, null, reader, header -> row -> true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
    }

    private static CsvTable parse(String source, String sha256, Reader raw,
            Function<List<String>, Predicate<Row>> filter) throws IOException {
        BufferedReader reader = new BufferedReader(raw, 1 << 16);
        char delimiter = detectDelimiter(reader);
        // Empty lines are kept so that the parser's line count matches physical lines; we skip them.
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        List<String> header = null;
        long headerLine = 0;
        List<Row> rows = new ArrayList<>();
        Predicate<Row> keep = row -> true;
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                boolean more;
                CSVRecord rec;
                try {
                    more = it.hasNext();
                    rec = more ? it.next() : null;
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new ReferenceDataException(source, line, null,
                            "the CSV cannot be parsed here (" + rootMessage(e) + ").",
                            "check for an unclosed double quote on this line or the lines after it.", e);
                }
                if (!more) {
                    break;
                }
                List<String> cells = rec.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                    headerLine = line;
                    keep = filter.apply(header);
                } else {
                    Row row = new Row(line, cells);
                    if (keep.test(row)) {
                        rows.add(row);
                    }
                }
            }
        }
        if (header == null) {
            throw new ReferenceDataException(source, 0, null, "the file is empty.",
                    "give a header line followed by data rows.");
        }
        return new CsvTable(source, sha256, delimiter, headerLine, header, List.copyOf(rows));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The delimiter is the most frequent of , ; and tab outside quotes on the first non-blank line. */
    private static char detectDelimiter(BufferedReader reader) throws IOException {
        reader.mark(1 << 16);
        String first = "";
        for (String line; (line = reader.readLine()) != null; ) {
            if (!line.isBlank()) {
                first = line;
                break;
            }
        }
        reader.reset();
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }

    String source() {
        return source;
    }

    /** SHA-256 of the file, or null for a built-in resource. */
    String sha256() {
        return sha256;
    }

    long headerLine() {
        return headerLine;
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    /** Header names lower-cased, for layout detection. */
    List<String> normalizedHeader() {
        return header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** Index of the column with this name (case-insensitive), or -1. */
    int column(String name) {
        return normalizedHeader().indexOf(name.toLowerCase(Locale.ROOT));
    }

    /** The header as it appears in the file, for messages. */
    String headerText() {
        return header.stream().collect(Collectors.joining(String.valueOf(delimiter == '\t' ? "\\t" : delimiter)));
    }

    /** Fails when the header has columns outside {@code allowed}: a misspelt optional column would otherwise be ignored. */
    void requireOnlyColumns(List<String> allowed, String expectedHeader) {
        for (String h : normalizedHeader()) {
            if (!h.isEmpty() && !allowed.contains(h)) {
                throw new ReferenceDataException(source, headerLine, h, "unknown column '" + h + "' in header '"
                        + headerText() + "'.", "use the header " + expectedHeader + " (column names are case-insensitive).");
            }
        }
    }

    /** Fails, naming the file, its header line and the first missing column, unless every required column is there. */
    void requireColumns(List<String> required, String expectedHeader) {
        List<String> h = normalizedHeader();
        List<String> missing = required.stream().filter(c -> !h.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new ReferenceDataException(source(), headerLine(), missing.get(0),
                    "the header '" + headerText() + "' lacks column(s) " + String.join(", ", missing) + ".",
                    "use the header " + expectedHeader + ".");
        }
    }
}
