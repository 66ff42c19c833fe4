package org.uncts.cts.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The SDMX-CSV export as it was first written (one JDBC row and one Commons CSV record at a time,
 * numbers through BigDecimal), kept as the reference the faster {@link SdmxCsvExport} must match
 * byte for byte.
 */
final class SdmxCsvReference {

    private SdmxCsvReference() {
    }

    /** The number text of the first implementation. */
    static String plain(Double value) {
        if (value == null) {
            return "";
        }
        if (value.isNaN() || value.isInfinite()) {
            return "NaN";
        }
        String s = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** The whole file of a dataflow, as the first implementation wrote it. */
    static byte[] bytes(Connection connection, SdmxDataflow flow) throws SQLException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            write(connection, flow, out);
        }
        return bytes.toByteArray();
    }

    /** Writes the header and every row of a dataflow to {@code out} (not closed), as the first implementation did. */
    static long write(Connection connection, SdmxDataflow flow, Writer out) throws SQLException, IOException {
        List<SdmxColumn> columns = flow.columns();
        String sql = "SELECT " + String.join(", ", columns.stream().map(SdmxColumn::source).toList())
                + " FROM " + flow.dataset() + " ORDER BY ALL";
        String[] cells = new String[3 + columns.size()];
        cells[0] = "dataflow";
        cells[1] = flow.ref();
        cells[2] = "I";
        long rows = 0;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
            printer.printRecord(flow.header20());
            while (rs.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    cells[3 + i] = cell(rs, i + 1, columns.get(i).kind());
                }
                printer.printRecord((Object[]) cells);
                rows++;
            }
            printer.flush();
        }
        return rows;
    }

    private static String cell(ResultSet rs, int index, SdmxColumn.Kind kind) throws SQLException {
        return switch (kind) {
            case NUMBER -> {
                double v = rs.getDouble(index);
                yield plain(rs.wasNull() ? null : v);
            }
            case UNIT_CODE -> SdmxNumbers.unitCode(rs.getString(index));
            case TEXT -> {
                String s = rs.getString(index);
                yield s == null ? "" : s;
            }
        };
    }
}
