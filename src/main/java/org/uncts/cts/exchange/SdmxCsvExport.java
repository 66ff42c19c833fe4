package org.uncts.cts.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.duckdb.DuckDBConnection;

/**
 * Writes the {@code observations} and {@code indicators} datasets as SDMX-CSV 2.0 files
 * (docs/sdmx.md): STRUCTURE=dataflow, STRUCTURE_ID, ACTION=I, then the dimensions, OBS_VALUE and
 * the attributes, one row per dataset row, sorted by the dimensions.
 *
 * <p>Reads from any DuckDB connection that has the datasets as views ({@code ReleaseData.open}),
 * and streams: DuckDB sorts (spilling to disk beyond its memory limit) and hands over one chunk of
 * rows at a time, whatever the size of the dataset. How a row is fetched is {@link SdmxRowQuery}'s
 * business: DuckDB joins the text cells, Java writes the numbers, and Commons CSV prints every
 * row that needs quoting, so the file is the one a row-by-row Commons CSV export gives.
 */
public final class SdmxCsvExport {

    /** What one export wrote. */
    public record Written(SdmxDataflow dataflow, Path file, long rows) {
    }

    /** RFC 4180 as SDMX-CSV asks: comma, double quotes where needed, CRLF between records. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private SdmxCsvExport() {
    }

    /**
     * Writes observations.sdmx.csv and indicators.sdmx.csv into {@code folder} (made if missing),
     * each replacing any earlier file of that name only once it is complete. The two are written at
     * once, observations on a second connection to the same database: while one file's rows stream
     * through its writing thread, DuckDB sorts the other's.
     *
     * @return the files written, observations first, with their row counts
     */
    public static List<Written> writeAll(Connection connection, Path folder) throws IOException {
        Files.createDirectories(folder);
        SdmxDataflow other = SdmxDataflow.OBSERVATIONS;
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "sdmx-csv-" + other.dataset()));
        try (Connection second = connection.unwrap(DuckDBConnection.class).duplicate()) {
            Future<Written> first = thread.submit(() -> write(second, other, folder.resolve(other.fileName())));
            Written indicators;
            try {
                indicators = write(connection, SdmxDataflow.INDICATORS, folder.resolve(SdmxDataflow.INDICATORS.fileName()));
            } catch (IOException | RuntimeException e) {
                try {
                    await(first);
                } catch (IOException | RuntimeException also) {
                    e.addSuppressed(also);
                }
                throw e;
            }
            return List.of(await(first), indicators);
        } catch (SQLException e) {
            throw new IOException("Cannot open or close a second connection for the SDMX-CSV export: " + e.getMessage(), e);
        } finally {
            thread.shutdown();
        }
    }

    /** What the other thread wrote, once it is done: waited for even when interrupted, since its connection is closed next. */
    private static Written await(Future<Written> written) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return written.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IOException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes one dataflow to a file, through a temporary file renamed into place when complete. */
    public static Written write(Connection connection, SdmxDataflow flow, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + file.getFileName() + ".tmp");
        long rows;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                rows = write(connection, flow, out);
            }
            move(tmp, file);
        } catch (SQLException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("Cannot export " + flow.dataset() + " as SDMX-CSV to " + file + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new Written(flow, file, rows);
    }

    /**
     * Writes the header and every row of a dataflow to {@code out} (not closed), UTF-8.
     *
     * @return the number of data rows written
     */
    public static long write(Connection connection, SdmxDataflow flow, OutputStream stream) throws SQLException, IOException {
        SdmxRowQuery query = SdmxRowQuery.of(flow, unitCodes(connection, flow));
        Buffer out = new Buffer(stream);
        out.write(record(flow.header20().toArray()));
        String[] cells = new String[3 + query.columns().size()];
        cells[0] = "dataflow";
        cells[1] = flow.ref();
        cells[2] = "I"; // information: the figures as published, not instructions to change a database
        byte[] prefix = prefix(cells[0], cells[1], cells[2]);
        byte[] recordSeparator = utf8(FORMAT.getRecordSeparator());
        int[] starts = new int[query.textCells() + 1];
        long rows = 0;
        boolean previousStreaming = streamResults(connection);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query.sql())) {
            while (rs.next()) {
                byte[] text = rs.getBytes(SdmxRowQuery.TEXT);
                if (text != null && !splitNeedsQuotes(text, starts)) {
                    out.write(prefix);
                    writeRow(rs, query, text, starts, out);
                    out.write(recordSeparator);
                } else {
                    Object[] oneByOne = text == null ? (Object[]) rs.getArray(SdmxRowQuery.CELLS).getArray() : null;
                    for (int i = 0; i < query.columns().size(); i++) {
                        cells[3 + i] = cell(rs, query.columns().get(i), text, starts, oneByOne);
                    }
                    out.write(record((Object[]) cells)); // Commons CSV quotes
                }
                rows++;
            }
            out.flush();
            stream.flush();
        } finally {
            setStreaming(connection, previousStreaming);
        }
        return rows;
    }

    /**
     * Finds where each text cell starts in a row's joined text (cell i is {@code text[starts[i],
     * starts[i + 1] - 1)}), and whether Commons CSV ({@link #FORMAT}, minimal quoting) would quote
     * any of them, in one pass: the export's busiest loop. DuckDB joined the cells with commas, and
     * sends the joined text only when no cell holds one. Commons CSV quotes a cell that is not the
     * first of its record when it starts with a character up to '#' (space, controls, '!', '"',
     * '#'), holds a comma, quote, CR or LF, or ends with a character up to ' '; an empty one it
     * leaves as it is. Every byte of a multi-byte UTF-8 character is 0x80 or above, so testing
     * bytes is testing characters. (A test holds this to Commons CSV over every short string of
     * the characters that matter.)
     */
    static boolean splitNeedsQuotes(byte[] text, int[] starts) {
        boolean quote = false;
        int cell = 0;
        int last = text.length - 1;
        for (int i = 0; i <= last; i++) {
            int b = text[i] & 0xFF;
            if (b > ',') {
                continue; // letters, digits, most punctuation, every byte of a multi-byte character
            }
            if (b == ',') {
                if (++cell == starts.length - 1) {
                    break;
                }
                starts[cell] = i + 1;
            } else if (b <= '#' && (b == '"' || b == '\r' || b == '\n' || i == 0 || text[i - 1] == ','
                    || b <= ' ' && (i == last || text[i + 1] == ','))) {
                quote = true; // a quote or line break, a cell's first character up to '#', its last up to ' '
            }
        }
        if (cell != starts.length - 2) {
            throw new IllegalStateException("A row's text has " + cell + " commas between " + (starts.length - 1)
                    + " cells: " + new String(text, StandardCharsets.UTF_8));
        }
        starts[starts.length - 1] = text.length + 1;
        return quote;
    }

    /**
     * A row none of whose cells needs quoting, as Commons CSV would print it: the text cells as
     * DuckDB gave them (UTF-8, written as they are) and the numbers, whose text it never quotes
     * (digits, '-', '.', "NaN", or empty).
     */
    private static void writeRow(ResultSet rs, SdmxRowQuery query, byte[] text, int[] starts, Buffer out)
            throws SQLException, IOException {
        boolean first = true;
        for (SdmxRowQuery.Part part : query.parts()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            if (part.isNumber()) {
                double v = rs.getDouble(part.number());
                out.writeAscii(rs.wasNull() ? "" : SdmxNumbers.plain(v));
            } else {
                int from = starts[part.firstCell()];
                out.write(text, from, starts[part.lastCell() + 1] - 1 - from);
            }
        }
    }

    /** A cell as text, for Commons CSV to print: from the joined text, or from the cells DuckDB sent one by one. */
    private static String cell(ResultSet rs, SdmxRowQuery.Column c, byte[] text, int[] starts, Object[] oneByOne)
            throws SQLException {
        if (c.isNumber()) {
            double v = rs.getDouble(c.number());
            return rs.wasNull() ? "" : SdmxNumbers.plain(v);
        }
        if (text != null) {
            int from = starts[c.textCell()];
            return new String(text, from, starts[c.textCell() + 1] - 1 - from, StandardCharsets.UTF_8);
        }
        Object cell = oneByOne[c.textCell()];
        return cell == null ? "" : cell.toString();
    }

    /** The SDMX code of every unit label in the dataset, for flows with a UNIT_CODE column (a handful of labels). */
    private static Map<String, String> unitCodes(Connection connection, SdmxDataflow flow) throws SQLException {
        Map<String, String> codes = new LinkedHashMap<>();
        for (SdmxColumn c : flow.columns()) {
            if (c.kind() != SdmxColumn.Kind.UNIT_CODE) {
                continue;
            }
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DISTINCT CAST(" + c.source() + " AS VARCHAR) FROM " + flow.dataset())) {
                while (rs.next()) {
                    String label = rs.getString(1);
                    if (label != null) {
                        codes.put(label, SdmxNumbers.unitCode(label));
                    }
                }
            }
        }
        return codes;
    }

    /** One record as Commons CSV prints it, record separator included, in UTF-8. */
    private static byte[] record(Object... values) throws IOException {
        StringBuilder record = new StringBuilder(256);
        FORMAT.printRecord(record, values);
        return utf8(record.toString());
    }

    /** The cells every row starts with, as Commons CSV prints them, and the delimiter after them. */
    private static byte[] prefix(String... cells) throws IOException {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            FORMAT.print(cells[i], prefix, i == 0);
        }
        return utf8(prefix.append(FORMAT.getDelimiterString()).toString());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * DuckDB's JDBC driver materialises a whole result before the first row unless told to stream;
     * the setting belongs to the caller's connection, so it is put back afterwards.
     *
     * @return whether the connection streamed results before
     */
    private static boolean streamResults(Connection connection) throws SQLException {
        boolean previous = false; // the driver's default, also when the setting was never made
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM duckdb_settings() WHERE name = 'jdbc_stream_results'")) {
            if (rs.next()) {
                previous = Boolean.parseBoolean(rs.getString(1));
            }
        }
        setStreaming(connection, true);
        return previous;
    }

    private static void setStreaming(Connection connection, boolean on) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET jdbc_stream_results = " + on);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An output buffer without locks: BufferedOutputStream takes one on every call, and a row is a dozen calls or more. */
    private static final class Buffer {
        private final OutputStream out;
        private final byte[] bytes = new byte[1 << 16];
        private int size;

        Buffer(OutputStream out) {
            this.out = out;
        }

        void write(byte[] b) throws IOException {
            write(b, 0, b.length);
        }

        void write(byte[] b, int offset, int length) throws IOException {
            if (length > bytes.length - size) {
                flush();
                if (length > bytes.length) {
                    out.write(b, offset, length);
                    return;
                }
            }
            System.arraycopy(b, offset, bytes, size, length);
            size += length;
        }

        void write(char ascii) throws IOException {
            if (size == bytes.length) {
                flush();
            }
            bytes[size++] = (byte) ascii;
        }

        void writeAscii(String s) throws IOException {
            int length = s.length();
            if (length > bytes.length - size) {
                flush();
            }
            for (int i = 0; i < length; i++) {
                bytes[size + i] = (byte) s.charAt(i);
            }
            size += length;
        }

        /** Hands what is buffered to the stream. */
        void flush() throws IOException {
            out.write(bytes, 0, size);
            size = 0;
        }
    }
}
