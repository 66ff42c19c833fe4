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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

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
     * each replacing any earlier file of that name only once it is complete.
     *
     * @return the files written, observations first, with their row counts
     */
    public static List<Written> writeAll(Connection connection, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Written> written = new ArrayList<>();
        for (SdmxDataflow flow : SdmxDataflow.values()) {
            written.add(write(connection, flow, folder.resolve(flow.fileName())));
        }
        return written;
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
        String[] cells = new String[3 + flow.columns().size()];
        cells[0] = "dataflow";
        cells[1] = flow.ref();
        cells[2] = "I"; // information: the figures as published, not instructions to change a database
        byte[] prefix = prefix(cells[0], cells[1], cells[2]);
        byte[] recordSeparator = utf8(FORMAT.getRecordSeparator());
        int[] ends = new int[query.runs()];
        long rows = 0;
        boolean previousStreaming = streamResults(connection);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query.sql())) {
            while (rs.next()) {
                if (rs.getBoolean(SdmxRowQuery.PLAIN)) {
                    out.write(prefix);
                    writePlain(rs, query, ends, out);
                    out.write(recordSeparator);
                } else {
                    for (int i = 0; i < flow.columns().size(); i++) {
                        cells[3 + i] = cell(rs, query.cellColumns().get(i), flow.columns().get(i).kind());
                    }
                    out.write(record((Object[]) cells));
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
     * A row none of whose cells needs quoting: the text runs as DuckDB joined them (UTF-8 bytes,
     * written as they are) with the numbers between them. Commons CSV never quotes a number's text
     * (digits, '-', '.', "NaN", or empty), so this is the record it would print.
     */
    private static void writePlain(ResultSet rs, SdmxRowQuery query, int[] ends, Buffer out) throws SQLException, IOException {
        byte[] text = rs.getBytes(SdmxRowQuery.TEXT);
        for (int i = 0; i < query.runs() - 1; i++) {
            ends[i] = rs.getInt(SdmxRowQuery.TEXT + 1 + i);
        }
        ends[query.runs() - 1] = text.length;
        boolean first = true;
        for (SdmxRowQuery.Part part : query.parts()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            if (part.isNumber()) {
                double v = rs.getDouble(part.column());
                out.writeAscii(rs.wasNull() ? "" : SdmxNumbers.plain(v));
            } else {
                int from = part.run() == 0 ? 0 : ends[part.run() - 1] + 1; // runs are joined by one comma
                out.write(text, from, ends[part.run()] - from);
            }
        }
    }

    private static String cell(ResultSet rs, int index, SdmxColumn.Kind kind) throws SQLException {
        return switch (kind) {
            case NUMBER -> {
                double v = rs.getDouble(index);
                yield rs.wasNull() ? "" : SdmxNumbers.plain(v);
            }
            case UNIT_CODE -> SdmxNumbers.unitCode(rs.getString(index));
            case TEXT -> {
                String s = rs.getString(index);
                yield s == null ? "" : s;
            }
        };
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
            for (int i = 0; i < s.length(); i++) {
                write(s.charAt(i));
            }
        }

        /** Hands what is buffered to the stream. */
        void flush() throws IOException {
            out.write(bytes, 0, size);
            size = 0;
        }
    }
}
