package org.uncts.cts.query;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Prints a whole result set in one output format. */
interface ResultPrinter {

    /** @return the number of rows printed */
    long print(ResultSet rows, PrintStream out) throws SQLException, IOException;

    /** Output for a statement that returned no result set (e.g. SET). */
    void printNoResult(PrintStream out);
}
