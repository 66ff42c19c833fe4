package org.uncts.cts.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The export gives, byte for byte, the file of the first implementation ({@link SdmxCsvReference}:
 * one Commons CSV record per JDBC row) on a hand-made release full of awkward numbers and text.
 * The sample cycle's files are compared in {@link SdmxRoundTripTest}.
 */
class SdmxCsvIdentityTest {

    /** Text that needs quoting, or nearly does: Commons CSV's minimal quoting decides on the first and last character too. */
    static final List<String> AWKWARD_TEXT = List.of("", "plain", "a,b", "say \"no\"", "\"", ",", "line\nbreak", "cr\rhere",
            "crlf\r\nend", "\n", " leading space", "trailing space ", "\ttab", "tab\t", "#hash", "!bang", "$dollar", "=1+2",
            "+41 22", "-12", "@user", "'quoted'", "Ministère de l'Intérieur", "Straße", "北京", "emoji 😀", "😀", "x\u007fy",
            "\u0001control", "end\u0001", "a;b", "a|b", "#", "!", " ", "a\"", "\"a", "é", "ß ,", "police data only, \"provisional\"\nsecond line");

    Connection duck;

    @BeforeEach
    void datasets() throws Exception {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            st.execute("""
                    CREATE TABLE observations (country_iso3 VARCHAR, indicator VARCHAR, iccs_code VARCHAR, dimension VARCHAR,
                        category VARCHAR, sex VARCHAR, age VARCHAR, unit VARCHAR, year INTEGER, value DOUBLE, obs_status VARCHAR,
                        note VARCHAR, source VARCHAR)""");
            st.execute("""
                    CREATE TABLE indicators (country_iso3 VARCHAR, base_indicator VARCHAR, formula_id VARCHAR, iccs_code VARCHAR,
                        dimension VARCHAR, category VARCHAR, sex VARCHAR, age VARCHAR, unit VARCHAR, year INTEGER, value DOUBLE,
                        obs_status VARCHAR, note VARCHAR, numerator DOUBLE, denominator DOUBLE, numerator_series VARCHAR,
                        denominator_source VARCHAR)""");
        }
        List<Double> numbers = new ArrayList<>(SdmxNumbersTest.awkward());
        numbers.add(null);
        List<String> units = List.of("per 100,000 population", "per 100", "percent", "per 1,000 population", "Straße ß", "  ",
                "", "COUNT", "RATE_PER_100K", "\"odd\" unit");
        SplittableRandom random = new SplittableRandom(7);
        // enough rows for several JDBC chunks (2,048 rows each), with exact duplicates and ties on the leading columns
        try (DuckDBAppender obs = duck.unwrap(DuckDBConnection.class).createAppender("observations");
             DuckDBAppender ind = duck.unwrap(DuckDBConnection.class).createAppender("indicators")) {
            for (int i = 0; i < 6000; i++) {
                boolean awkward = i % 3 == 0;
                String area = i % 7 == 0 ? "GBR_E_W" : List.of("FRA", "XKX", "BRA").get(i % 3);
                String note = awkward ? pick(random, AWKWARD_TEXT) : i % 5 == 0 ? null : "note " + (i % 11);
                String category = awkward && i % 2 == 0 ? pick(random, AWKWARD_TEXT) : "Total";
                Double value = i % 4 == 0 ? pick(random, numbers) : random.nextInt(100_000) / 7.0;
                Object[] o = {area, "offences_recorded", i % 9 == 0 ? null : "0101", "Total", category, "_T", i % 6 == 0 ? null : "_T",
                    i % 2 == 0 ? "COUNT" : "RATE_PER_100K", 2015 + i % 10, value, "A", note, i % 13 == 0 ? pick(random, AWKWARD_TEXT) : null};
                append(obs, o);
                Object[] n = {area, "victims_intentional_homicide", List.of("rate_per_100k", "share_of_total").get(i % 2),
                    i % 9 == 0 ? null : "0101", "by sex", category, i % 3 == 0 ? "F" : "M", "_T", i % 11 == 0 ? null : pick(random, units),
                    2015 + i % 10, value, "O", note, i % 5 == 0 ? null : pick(random, numbers), pick(random, numbers),
                    awkward ? pick(random, AWKWARD_TEXT) : area + "|victims|0101|Total|Total|_T|_T|COUNT",
                    i % 8 == 0 ? null : "population.csv (WPP 2024)"};
                append(ind, n);
                if (i % 500 == 0) { // the same row twice
                    append(obs, o);
                    append(ind, n);
                }
            }
        }
    }

    @AfterEach
    void close() throws Exception {
        duck.close();
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static void append(DuckDBAppender appender, Object[] values) throws Exception {
        appender.beginRow();
        for (Object v : values) {
            if (v == null) {
                appender.appendNull();
            } else if (v instanceof Integer i) {
                appender.append(i.intValue());
            } else if (v instanceof Double d) {
                appender.append(d.doubleValue());
            } else {
                appender.append((String) v);
            }
        }
        appender.endRow();
    }

    /** The file of the first implementation and the file of the export, of one dataflow of a connection's datasets. */
    static void assertSameBytes(Connection connection, SdmxDataflow flow) throws Exception {
        byte[] expected = SdmxCsvReference.bytes(connection, flow);
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        long rows = SdmxCsvExport.write(connection, flow, actual);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + flow.dataset())) {
            rs.next();
            assertEquals(rs.getLong(1), rows, flow + ": one row per dataset row");
        }
        String e = new String(expected, StandardCharsets.UTF_8);
        String a = actual.toString(StandardCharsets.UTF_8);
        if (!e.equals(a)) { // say where, rather than print two files
            int at = 0;
            while (at < Math.min(e.length(), a.length()) && e.charAt(at) == a.charAt(at)) {
                at++;
            }
            int from = Math.max(0, e.lastIndexOf('\n', at - 1) - 200);
            assertEquals(e.substring(from, Math.min(e.length(), at + 200)), a.substring(from, Math.min(a.length(), at + 200)),
                    flow + ": first difference at char " + at);
        }
        assertArrayEquals(expected, actual.toByteArray(), flow + ": same bytes");
    }

    @Test
    void awkwardNumbersAndTextGiveTheFirstImplementationsBytes() throws Exception {
        assertSameBytes(duck, SdmxDataflow.OBSERVATIONS);
        assertSameBytes(duck, SdmxDataflow.INDICATORS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SdmxCsvExport.write(duck, SdmxDataflow.INDICATORS, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(",\"say \"\"no\"\"\","), "quoted, quotes doubled");
        assertTrue(text.contains(",=1+2,"), "formula-like text is written as it stands (not neutralised), as before");
        assertTrue(text.contains("99999999999999990000000"), "Java 17's digits of 1e23");
        assertTrue(text.contains(",PER_1_000_POPULATION,"), "unit labels as codes");
    }

    @Test
    void emptyDatasetsGiveTheHeaderOnly() throws Exception {
        try (Statement st = duck.createStatement()) {
            st.execute("DELETE FROM observations");
            st.execute("DELETE FROM indicators");
        }
        assertSameBytes(duck, SdmxDataflow.OBSERVATIONS);
        assertSameBytes(duck, SdmxDataflow.INDICATORS);
    }

    /**
     * The export's test of whether Commons CSV quotes a cell ({@link SdmxCsvExport#splitNeedsQuotes},
     * on the UTF-8 bytes of a row's joined text cells) agrees with Commons CSV itself, for every
     * string of up to three characters that matter to its minimal quoting (but commas: DuckDB sends
     * a row with a comma in a cell as separate cells), alone, first, between two cells and last.
     */
    @Test
    void theQuotingTestIsCommonsCsvsOwnRule() throws Exception {
        List<String> alphabet = List.of("a", "Z", "\"", "\r", "\n", " ", "\t", "#", "!", "$", "'", "=", "é", "😀", "\u0000",
                "\u0001", "\u007f", "\u00a0");
        List<String> cells = new ArrayList<>(List.of(""));
        List<String> shorter = List.of("");
        for (int length = 1; length <= 3; length++) {
            List<String> longer = new ArrayList<>();
            for (String s : shorter) {
                for (String c : alphabet) {
                    longer.add(s + c);
                }
            }
            cells.addAll(longer);
            shorter = longer;
        }
        for (String cell : cells) {
            StringBuilder printed = new StringBuilder();
            CSVFormat.RFC4180.print(cell, printed, false);
            boolean quoted = !printed.toString().equals("," + cell);
            for (List<String> row : List.of(List.of(cell), List.of(cell, "b"), List.of("a", cell, "b"), List.of("a", cell))) {
                byte[] text = String.join(",", row).getBytes(StandardCharsets.UTF_8);
                int[] starts = new int[row.size() + 1];
                assertEquals(quoted, SdmxCsvExport.splitNeedsQuotes(text, starts),
                        () -> "cell [" + cell.replace("\r", "\\r").replace("\n", "\\n") + "] in " + row.size() + " cells");
                int at = row.indexOf(cell);
                assertEquals(cell, new String(text, starts[at], starts[at + 1] - 1 - starts[at], StandardCharsets.UTF_8));
            }
        }
        assertEquals(1 + 18 + 18 * 18 + 18 * 18 * 18, cells.size());
    }
}
