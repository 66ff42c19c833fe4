package org.uncts.cts.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.model.Provenance;
import org.uncts.cts.model.RawObservation;

/**
 * Streams the data rows of one return file as {@link RawObservation}s, one at a time, keeping the
 * physical line of each row. Title lines before the header (dataUNODC exports have two) are
 * skipped; blank lines are not rows.
 */
public final class ReturnFileReader implements ReturnReader {

    /** How far down we look for the header row. */
    static final int HEADER_SEARCH_LINES = 10;

    private final InputFile file;
    private final String displayName;
    private final BufferedReader text;
    private final ReturnLayout layout;
    private final char delimiter;
    private final long headerLine;
    private final int columnCount;
    private final ReturnLayout.Field[] fieldOfColumn;
    /** The SDMX-CSV checks and label handling, for SDMX-CSV files only. */
    private final SdmxCsvRows sdmx;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    /**
     * @param displayName how the file is named in findings (a path relative to the job spec)
     * @param layout      the expected layout, or null to recognise it from the header
     */
    public ReturnFileReader(InputFile file, String displayName, ReturnLayout layout) {
        this.file = file;
        this.displayName = displayName;
        try {
            this.text = new BufferedReader(file.openReader(), 1 << 16);
            Header header = findHeader(text, displayName, layout);
            this.layout = header.layout;
            this.delimiter = header.delimiter;
            this.headerLine = header.line;
            this.columnCount = header.cells.size();
            this.fieldOfColumn = new ReturnLayout.Field[columnCount];
            for (int i = 0; i < columnCount; i++) {
                fieldOfColumn[i] = header.layout.fieldOf(header.cells.get(i));
            }
            this.sdmx = header.layout == ReturnLayout.SDMX_CSV ? SdmxCsvRows.of(displayName, headerLine, header.cells) : null;
            this.parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                    .get().parse(text);
            this.records = parser.iterator();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + displayName + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    public ReturnLayout layout() {
        return layout;
    }

    @Override
    public String format() {
        return layout.specName();
    }

    public long headerLine() {
        return headerLine;
    }

    /** The next data row, or null at the end of the file. */
    @Override
    public RawObservation next() {
        while (true) {
            long linesBefore = parser.getCurrentLineNumber();
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw malformed(e, headerLine + linesBefore + 1);
            }
            if (isBlank(record)) {
                continue;
            }
            return toRaw(record, headerLine + linesBefore + 1);
        }
    }

    private RawObservation toRaw(CSVRecord record, long line) {
        String[] f = new String[ReturnLayout.Field.values().length];
        int n = record.size();
        String problem = null;
        if (n < columnCount || (n > columnCount && !extraCellsBlank(record))) {
            problem = "Expected " + columnCount + " cells as in the header (line " + headerLine + "), found " + n + ".";
        }
        for (int i = 0; i < Math.min(n, columnCount); i++) {
            ReturnLayout.Field field = fieldOfColumn[i];
            if (field != null) {
                String v = record.get(i).strip();
                f[field.ordinal()] = sdmx == null ? v : sdmx.value(i, v);
            }
        }
        if (sdmx != null) {
            String sdmxProblem = sdmx.problems(record, line);
            problem = problem == null ? sdmxProblem : sdmxProblem == null ? problem : problem + " " + sdmxProblem;
            int status = ReturnLayout.Field.OBS_STATUS.ordinal();
            f[status] = f[status] == null ? "" : f[status]; // non-null: the status comes from OBS_STATUS, not a flag
        }
        return new RawObservation(new Provenance(displayName, line, file.sha256()),
                f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13],
                () -> rawText(record), problem);
    }

    /**
     * Commons CSV gives up on a quoted cell that is never closed, or has text after its closing
     * quote: from there on the file cannot be split into rows, so the whole file is rejected, at
     * the line where that row starts. Other I/O errors are not the file's content and stay as they are.
     */
    private RuntimeException malformed(UncheckedIOException e, long line) {
        if (!(e.getCause() instanceof CSVException csv)) {
            return e;
        }
        return new ReturnFormatException(displayName + ", line " + line + ": the rows cannot be read from this line on ("
                + csv.getMessage().replaceFirst("^\\(startline \\d+\\) ", "") + "). A cell that starts with a double quote"
                + " must end with one, and a double quote inside it is written twice (\"\").");
    }

    private boolean extraCellsBlank(CSVRecord record) {
        for (int i = columnCount; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String v : record) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The row re-joined with the file's delimiter, quoting cells as CSV would. */
    private String rawText(CSVRecord record) {
        StringBuilder sb = new StringBuilder(96);
        for (int i = 0; i < record.size(); i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            String v = record.get(i);
            if (v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }

    private void closeQuietly() {
        try {
            text.close();
        } catch (IOException | RuntimeException ignored) {
            // already failing: the first error is the one to report
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Header(ReturnLayout layout, char delimiter, long line, List<String> cells) {
    }

    private static Header findHeader(BufferedReader text, String displayName, ReturnLayout expected) throws IOException {
        List<String> seen = new ArrayList<>();
        for (int line = 1; line <= HEADER_SEARCH_LINES; line++) {
            String s = text.readLine();
            if (s == null) {
                break;
            }
            seen.add(s);
            char delimiter = delimiterOf(s);
            List<String> cells = splitHeader(s, delimiter);
            // the most specific layout first: a dataUNODC header also has country, year, indicator and value
            for (ReturnLayout candidate : expected == null
                    ? new ReturnLayout[] {ReturnLayout.SDMX_CSV, ReturnLayout.DATAUNODC, ReturnLayout.CANONICAL}
                    : new ReturnLayout[] {expected}) {
                if (candidate.matches(cells)) {
                    return new Header(candidate, delimiter, line, cells);
                }
            }
        }
        String wanted = expected == null
                ? ReturnLayout.CANONICAL.describe() + ", " + ReturnLayout.DATAUNODC.describe() + " or " + ReturnLayout.SDMX_CSV.describe()
                : expected.describe();
        throw new ReturnFormatException(displayName + ": no header row found in the first " + HEADER_SEARCH_LINES
                + " lines. Expected the columns of the " + wanted + " layout; first line was: "
                + (seen.isEmpty() ? "(empty file)" : abbreviate(seen.get(0))) + ". See docs/input-formats.md.");
    }

    private static char delimiterOf(String headerLine) {
        char best = ',';
        long bestCount = headerLine.chars().filter(c -> c == ',').count();
        for (char c : new char[] {';', '\t', '|'}) {
            long count = headerLine.chars().filter(x -> x == c).count();
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    private static List<String> splitHeader(String line, char delimiter) {
        try (CSVParser p = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(new java.io.StringReader(line))) {
            List<CSVRecord> recs = p.getRecords();
            return recs.isEmpty() ? List.of() : recs.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            // a line Commons CSV cannot split (a quote never closed, e.g. in a title line) is not the header
            return List.of();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
