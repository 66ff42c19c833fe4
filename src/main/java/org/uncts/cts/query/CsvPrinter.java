package org.uncts.cts.query;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (CRLF line ends, quotes only where needed) with a header row. SQL NULL is an empty
 * field, which spreadsheets read as an empty cell; rows are streamed, so large exports are fine.
 */
final class CsvPrinter implements ResultPrinter {

    @Override
    public long print(ResultSet rows, PrintStream out) throws SQLException, IOException {
        List<Column> columns = Column.of(rows.getMetaData());
        // Not closed: that would close the caller's stream.
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        csv.printRecord(columns.stream().map(Column::label).toList());
        long count = 0;
        List<String> record = new ArrayList<>(columns.size());
        while (rows.next()) {
            record.clear();
            for (int i = 1; i <= columns.size(); i++) {
                record.add(Values.text(Values.plain(rows.getObject(i))));
            }
            csv.printRecord(record);
            count++;
        }
        csv.flush();
        return count;
    }

    @Override
    public void printNoResult(PrintStream out) {
        // No rows, no header: an empty CSV file.
    }
}
