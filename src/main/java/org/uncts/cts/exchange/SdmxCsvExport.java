package org.uncts.cts.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
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
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the {@code observations} and {@code indicators} datasets as SDMX-CSV 2.0 files
 * (docs/sdmx.md): STRUCTURE=dataflow, STRUCTURE_ID, ACTION=I, then the dimensions, OBS_VALUE and
 * the attributes, one row per dataset row, sorted by the dimensions.
 *
 * <p>Reads from any DuckDB connection that has the datasets as views ({@code ReleaseData.open}),
 * and streams: one row is held at a time, whatever the size of the dataset.
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
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
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
     * Writes the header and every row of a dataflow to {@code out} (not closed).
     *
     * @return the number of data rows written
     */
    public static long write(Connection connection, SdmxDataflow flow, Writer out) throws SQLException, IOException {
        List<SdmxColumn> columns = flow.columns();
        String sql = "SELECT " + String.join(", ", columns.stream().map(SdmxColumn::source).toList())
                + " FROM " + flow.dataset() + " ORDER BY ALL"; // dimensions come first: sorted by series, then year
        String[] cells = new String[3 + columns.size()];
        cells[0] = "dataflow";
        cells[1] = flow.ref();
        cells[2] = "I"; // information: the figures as published, not instructions to change a database
        long rows = 0;
        boolean previousStreaming = streamResults(connection);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            CSVPrinter printer = new CSVPrinter(out, FORMAT);
            printer.printRecord(flow.header20());
            while (rs.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    cells[3 + i] = cell(rs, i + 1, columns.get(i).kind());
                }
                printer.printRecord((Object[]) cells);
                rows++;
            }
            printer.flush();
        } finally {
            setStreaming(connection, previousStreaming);
        }
        return rows;
    }

    private static String cell(ResultSet rs, int index, SdmxColumn.Kind kind) throws SQLException {
        return switch (kind) {
            case NUMBER -> {
                double v = rs.getDouble(index);
                yield SdmxNumbers.plain(rs.wasNull() ? null : v);
            }
            case UNIT_CODE -> SdmxNumbers.unitCode(rs.getString(index));
            case TEXT -> {
                String s = rs.getString(index);
                yield s == null ? "" : s;
            }
        };
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
}
