package org.uncts.cts.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.model.Provenance;
import org.uncts.cts.model.RawObservation;

/**
 * Streams the data rows of one return file as {@link RawObservation}s, one at a time, keeping the
 * physical line of each row. Title lines before the header (dataUNODC exports have two) are
 * skipped; blank lines are not rows. A wide return (years as columns) gives one observation per
 * filled year cell, each with the physical line and its year column. Value cells are read under
 * the file's number convention ({@link NumberConvention}).
 */
public final class ReturnFileReader implements ReturnReader {

    /** How far down we look for the header row. */
    static final int HEADER_SEARCH_LINES = 10;
    /** A header line longer than this is not a header: binary data or one huge line would otherwise be held whole. */
    static final int MAX_HEADER_LINE_CHARS = 1 << 16;
    /**
     * A data line longer than this is cut and its row rejected. No row of a return comes near it;
     * without a cap one line without breaks (a corrupt export) would be held whole, however big.
     */
    static final int MAX_LINE_CHARS = 1 << 20;
    /** A row (a quoted cell may span lines) longer than this ends the readable text: a quote never closed. */
    static final long MAX_ROW_CHARS = 1L << 24;

    private final InputFile file;
    private final String displayName;
    private final BufferedReader text;
    private final LineLengthGuard guard;
    private final int maxLineChars;
    private final ReturnLayout layout;
    private final char delimiter;
    private final long headerLine;
    private final int columnCount;
    private final ReturnLayout.Field[] fieldOfColumn;
    /** The SDMX-CSV checks and label handling, for SDMX-CSV files only. */
    private final SdmxCsvRows sdmx;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    /** The year columns of a wide return; null for one row per line. */
    private final WideColumns wide;
    private final NumberConvention numbers;
    /** Observations of the current wide line not yet returned. */
    private final ArrayDeque<RawObservation> pending = new ArrayDeque<>();
    /** Set once the CSV text cannot be parsed further (an unclosed quote): the rest of the file is one rejected row. */
    private boolean broken;

    /**
     * @param displayName how the file is named in findings (a path relative to the job spec)
     * @param layout      the expected layout, or null to recognise it from the header
     */
    public ReturnFileReader(InputFile file, String displayName, ReturnLayout layout) {
        this(file, displayName, layout, ReadOptions.NONE);
    }

    /**
     * @param options the delimiter, decimal mark and thousands separator the job spec declares (each optional)
     */
    public ReturnFileReader(InputFile file, String displayName, ReturnLayout layout, ReadOptions options) {
        this(file, displayName, layout, options, MAX_LINE_CHARS, MAX_ROW_CHARS);
    }

    /** With other length limits than a return's, so tests can reach them with small files. */
    ReturnFileReader(InputFile file, String displayName, ReturnLayout layout, ReadOptions options, int maxLineChars,
            long maxRowChars) {
        this.file = file;
        this.displayName = displayName;
        this.maxLineChars = maxLineChars;
        try {
            this.guard = new LineLengthGuard(file.openReader(), maxLineChars, maxRowChars);
            this.text = new BufferedReader(guard, 1 << 16);
            Header header = findHeader(text, displayName, layout, options.delimiter());
            guard.rowTaken();
            this.layout = header.layout;
            this.delimiter = header.delimiter;
            this.headerLine = header.line;
            this.columnCount = header.cells.size();
            this.fieldOfColumn = new ReturnLayout.Field[columnCount];
            for (int i = 0; i < columnCount; i++) {
                fieldOfColumn[i] = header.layout.fieldOf(header.cells.get(i));
            }
            this.sdmx = header.layout == ReturnLayout.SDMX_CSV ? SdmxCsvRows.of(displayName, headerLine, header.cells) : null;
            this.wide = header.layout == ReturnLayout.WIDE ? WideColumns.of(displayName, headerLine, header.cells) : null;
            // SDMX-CSV fixes the decimal point and has no thousands separators: its values are read as they stand
            this.numbers = sdmx != null ? null
                    : new NumberConvention(displayName, delimiter, options.decimalMark(), options.thousandsSeparator());
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

    /** The next data row (for a wide return, the next observation), or null at the end of the file. */
    @Override
    public RawObservation next() {
        while (true) {
            if (!pending.isEmpty()) {
                return pending.poll();
            }
            if (broken) {
                return null;
            }
            long linesBefore = parser.getCurrentLineNumber();
            long line = headerLine + linesBefore + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
                guard.rowTaken();
            } catch (UncheckedIOException | IllegalStateException e) {
                // Commons CSV stops at an unclosed quote (a truncated file, a stray "): the rest is one rejected row
                broken = true;
                return unreadable(line, e);
            }
            LineLengthGuard.CutLine cut = guard.cutBetween(line, Math.max(line, headerLine + parser.getCurrentLineNumber()));
            if (cut != null) {
                return cutRow(record, line, cut);
            }
            if (isBlank(record)) {
                continue;
            }
            RawObservation raw = toRaw(record, line);
            if (wide == null || raw.readProblem() != null) {
                return withValue(raw, "line " + line + ", field value");
            }
            expand(raw, record, line);
        }
    }

    /** The observations of one wide line: one per year cell with a value, a flag or a note. */
    private void expand(RawObservation line, CSVRecord record, long lineNo) {
        for (WideColumns.Year y : wide.years()) {
            String value = cell(record, y.valueCell());
            String flag = y.flagCell() < 0 ? line.flag() : cell(record, y.flagCell());
            String note = y.noteCell() < 0 ? line.note() : cell(record, y.noteCell());
            // a blank year cell is no observation: wide returns leave the years they do not report empty
            if (value.isEmpty() && (y.flagCell() < 0 || flag.isEmpty()) && (y.noteCell() < 0 || note.isEmpty())) {
                continue;
            }
            // the year column locates the observation within its line (source_cell)
            RawObservation obs = new RawObservation(line.provenance().atCell(y.header()), line.country(), y.year(), line.indicator(),
                    line.iccsCode(), line.dimension(), line.category(), line.sex(), line.age(), line.unit(), value, flag,
                    note, line.source(), null, line.rawTextSource(), null, y.header(), null);
            pending.add(withValue(obs, "line " + lineNo + ", column " + y.header()));
        }
    }

    private RawObservation withValue(RawObservation raw, String where) {
        if (numbers == null || raw.readProblem() != null) {
            return raw;
        }
        RawObservation.ValueReading reading = numbers.read(raw.value(), where);
        return reading == null ? raw : raw.withValueReading(reading);
    }

    private static String cell(CSVRecord record, int i) {
        return i < record.size() ? clean(record.get(i)) : "";
    }

    /** A cell without surrounding blanks or a stray byte order mark (files pasted together carry one inside). */
    private static String clean(String v) {
        String s = v.strip();
        return s.indexOf('\uFEFF') < 0 ? s : s.replace("\uFEFF", "").strip();
    }

    private RawObservation unreadable(long line, RuntimeException e) {
        String cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage());
        String problem = displayName + ", line " + line + ": the CSV text cannot be read from here to the end of the file ("
                + abbreviate(cause) + "). Usually a quoted field that is never closed (a stray \" or a truncated file):"
                + " close the quote or re-export the file.";
        return new RawObservation(new Provenance(displayName, line, file.sha256()), null, null, null, null, null, null,
                null, null, null, null, null, null, null, () -> "", RawObservation.ReadProblem.ofRow(problem));
    }

    /** A row holding a line that was cut: rejected as a whole, never read as if it were complete. */
    private RawObservation cutRow(CSVRecord record, long line, LineLengthGuard.CutLine cut) {
        String problem = "Line " + cut.line() + " is " + thousands(cut.length()) + " characters long, more than the "
                + thousands(maxLineChars) + " a row of a return may have, so the row was not read (the rest of the"
                + " line was skipped, not kept). Usually a corrupt export or cells pasted in by mistake: correct the line or"
                + " re-export the file.";
        return new RawObservation(new Provenance(displayName, line, file.sha256()), null, null, null, null, null, null,
                null, null, null, null, null, null, null,
                () -> abbreviate(rawText(record)) + " [line " + cut.line() + " cut after " + thousands(maxLineChars) + " of its "
                        + thousands(cut.length()) + " characters]",
                RawObservation.ReadProblem.ofRow(problem));
    }

    private static String thousands(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    private RawObservation toRaw(CSVRecord record, long line) {
        String[] f = new String[ReturnLayout.Field.values().length];
        int n = record.size();
        RawObservation.ReadProblem problem = null;
        if (n < columnCount || (n > columnCount && !extraCellsBlank(record))) {
            // no single field is at fault: which cell is missing or extra cannot be told
            problem = RawObservation.ReadProblem.ofRow(
                    "Expected " + columnCount + " cells as in the header (line " + headerLine + "), found " + n + ".");
        }
        for (int i = 0; i < Math.min(n, columnCount); i++) {
            ReturnLayout.Field field = fieldOfColumn[i];
            if (field != null) {
                String v = clean(record.get(i));
                f[field.ordinal()] = sdmx == null ? v : sdmx.value(i, v);
            }
        }
        if (sdmx != null) {
            RawObservation.ReadProblem sdmxProblem = sdmx.problems(record, line);
            problem = problem == null ? sdmxProblem : problem.and(sdmxProblem);
            int status = ReturnLayout.Field.OBS_STATUS.ordinal();
            f[status] = f[status] == null ? "" : f[status]; // non-null: the status comes from OBS_STATUS, not a flag
        }
        return new RawObservation(new Provenance(displayName, line, file.sha256()),
                f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13],
                () -> rawText(record), problem);
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

    private static Header findHeader(BufferedReader text, String displayName, ReturnLayout expected, Character declared)
            throws IOException {
        List<String> seen = new ArrayList<>();
        for (int line = 1; line <= HEADER_SEARCH_LINES; line++) {
            String s = readLine(text, displayName, line);
            if (s == null) {
                break;
            }
            seen.add(s);
            char delimiter = declared != null ? declared : delimiterOf(s);
            List<String> cells = splitHeader(s, delimiter);
            // the most specific layout first: a dataUNODC header also has country, year, indicator and value
            for (ReturnLayout candidate : expected == null
                    ? new ReturnLayout[] {ReturnLayout.SDMX_CSV, ReturnLayout.DATAUNODC, ReturnLayout.CANONICAL, ReturnLayout.WIDE}
                    : new ReturnLayout[] {expected}) {
                if (candidate.matches(cells)) {
                    return new Header(candidate, delimiter, line, cells);
                }
            }
        }
        String wanted = expected == null
                ? ReturnLayout.CANONICAL.describe() + ", " + ReturnLayout.DATAUNODC.describe() + ", " + ReturnLayout.SDMX_CSV.describe()
                        + " or " + ReturnLayout.WIDE.describe()
                : expected.describe();
        String binary = seen.stream().anyMatch(l -> l.indexOf('\0') >= 0)
                ? " The file holds NUL characters: it is binary (not a CSV), or UTF-16 without a byte order mark; save it as CSV UTF-8."
                : "";
        throw new ReturnFormatException(displayName + ": no header row found in the first " + HEADER_SEARCH_LINES
                + " lines. Expected the columns of the " + wanted + " layout; first line was: "
                + (seen.isEmpty() ? "(empty file)" : printable(abbreviate(seen.get(0)))) + "." + binary
                + " See docs/input-formats.md.");
    }

    /** One line of the header search, refusing lines too long to be a header (binary data, a multi-megabyte line). */
    private static String readLine(BufferedReader text, String displayName, int line) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        while (true) {
            int c = text.read();
            if (c < 0) {
                return sb.isEmpty() ? null : sb.toString();
            }
            if (c == '\n') {
                return sb.toString();
            }
            if (c == '\r') {
                text.mark(1);
                if (text.read() != '\n') {
                    text.reset();
                }
                return sb.toString();
            }
            if (sb.length() >= MAX_HEADER_LINE_CHARS) {
                throw new ReturnFormatException(displayName + ": line " + line + " is longer than " + MAX_HEADER_LINE_CHARS
                        + " characters before any header row was found, so this is not a return CSV (binary data, or"
                        + " a file without line breaks). First characters: " + printable(abbreviate(sb.toString()))
                        + ". See docs/input-formats.md.");
            }
            sb.append((char) c);
        }
    }

    /** Text for a message: control characters (NULs of binary files) shown as '?'. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) || c == 0xFFFD ? '?' : c));
        return sb.toString();
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
