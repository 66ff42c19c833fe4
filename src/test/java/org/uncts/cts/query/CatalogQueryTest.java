package org.uncts.cts.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.store.DuckDbCatalog;
import org.uncts.cts.store.ParquetPart;

class CatalogQueryTest {

    static final Schema OBS = SchemaBuilder.record("Obs").fields()
            .requiredString("country")
            .requiredInt("year")
            .optionalDouble("value")
            .name("flags").type().array().items().stringType().noDefault()
            .endRecord();

    static final Schema REJECTED = SchemaBuilder.record("Rejected").fields()
            .requiredString("file")
            .requiredLong("line")
            .endRecord();

    static final String OBS_SQL = "SELECT country, year, value, flags FROM observations ORDER BY year";

    @TempDir
    Path dir;

    Path catalog;

    @BeforeEach
    void publish() throws Exception {
        ParquetPart.write(dir.resolve("observations/obs-000000.parquet"), OBS, List.of(
                obs("AUT", 2020, 1.5, "p"),
                obs("FRA", 2021, null)));
        ParquetPart.write(dir.resolve("observations/obs-000001.parquet"), OBS, List.of(
                obs("Côte d'Ivoire, Rép.", 2022, 12345678.25, "e", "p")));
        GenericRecord rejected = new GenericData.Record(REJECTED);
        rejected.put("file", "a.csv");
        rejected.put("line", 7L);
        ParquetPart.write(dir.resolve("rejected/rej-000000.parquet"), REJECTED, List.of(rejected));
        catalog = dir.resolve("catalog.duckdb");
        Map<String, String> views = new LinkedHashMap<>();
        views.put("observations", dir + "/observations/*.parquet");
        views.put("rejected_rows", dir + "/rejected/*.parquet");
        DuckDbCatalog.writeCatalog(catalog, views);
    }

    @Test
    void tableIsAlignedWithNumbersRightAndNullsSpelledOut() {
        assertEquals("""
                country             | year |       value | flags
                --------------------+------+-------------+----------
                AUT                 | 2020 |         1.5 | ["p"]
                FRA                 | 2021 |        NULL | []
                Côte d'Ivoire, Rép. | 2022 | 12345678.25 | ["e","p"]
                (3 rows)
                """, run(OBS_SQL, OutputFormat.TABLE));
    }

    @Test
    void tableFooterAndEmptyResults() {
        assertEquals("""
                file  | line
                ------+-----
                a.csv |    7
                (1 row)
                """, run("SELECT * FROM rejected_rows", OutputFormat.TABLE));
        assertEquals("""
                country | year
                --------+-----
                (0 rows)
                """, run("SELECT country, year FROM observations WHERE year > 3000", OutputFormat.TABLE));
    }

    @Test
    void tableEscapesLineBreaksSoColumnsStayAligned() {
        assertEquals("""
                a    | b
                -----+--
                x\\ny | 1
                (1 row)
                """, run("SELECT 'x' || chr(10) || 'y' AS a, 1 AS b", OutputFormat.TABLE));
    }

    @Test
    void csvIsRfc4180WithHeaderAndEmptyFieldsForNull() {
        assertEquals("country,year,value,flags\r\n"
                + "AUT,2020,1.5,\"[\"\"p\"\"]\"\r\n"
                + "FRA,2021,,[]\r\n"
                + "\"Côte d'Ivoire, Rép.\",2022,12345678.25,\"[\"\"e\"\",\"\"p\"\"]\"\r\n",
                run(OBS_SQL, OutputFormat.CSV));
    }

    @Test
    void jsonIsAnArrayOfObjectsWithRealNumbersAndNulls() {
        assertEquals("""
                [
                {"country":"AUT","year":2020,"value":1.5,"flags":["p"]},
                {"country":"FRA","year":2021,"value":null,"flags":[]},
                {"country":"Côte d'Ivoire, Rép.","year":2022,"value":1.234567825E7,"flags":["e","p"]}
                ]
                """, run(OBS_SQL, OutputFormat.JSON));
        assertEquals("[]\n", run("SELECT * FROM observations WHERE false", OutputFormat.JSON));
    }

    @Test
    void valuesOfOtherTypesLookTheSameInEveryFormat() {
        String sql = "SELECT 12345678901234567890::HUGEINT AS h, 3.10::DECIMAL(10,2) AS d, 1e20::DOUBLE AS big,"
                + " 2::DOUBLE AS two, 0.5::FLOAT AS f, DATE '2024-02-29' AS dt, TIMESTAMP '2024-02-29 13:45:00' AS ts,"
                + " {'code': 'X', 'n': 1} AS st, MAP {'k': [1, 2]} AS m, true AS b, 1 AS b";

        assertEquals("""
                [
                {"h":12345678901234567890,"d":3.10,"big":1.0E20,"two":2.0,"f":0.5,"dt":"2024-02-29","ts":"2024-02-29T13:45:00","st":{"code":"X","n":1},"m":{"k":[1,2]},"b":true,"b_2":1}
                ]
                """, run(sql, OutputFormat.JSON));
        assertEquals("h,d,big,two,f,dt,ts,st,m,b,b\r\n"
                + "12345678901234567890,3.10,1.0E20,2.0,0.5,2024-02-29,2024-02-29T13:45:00,"
                + "\"{\"\"code\"\":\"\"X\"\",\"\"n\"\":1}\",\"{\"\"k\"\":[1,2]}\",true,1\r\n",
                run(sql, OutputFormat.CSV));
    }

    @Test
    void queriesCannotChangeTheCatalog() {
        QueryException e = assertThrows(QueryException.class,
                () -> run("CREATE TABLE scratch AS SELECT 1 AS a", OutputFormat.TABLE));

        assertOneLine(e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid Input Error: Cannot execute statement of type \"CREATE\""),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("The catalog is read-only: only queries such as SELECT, DESCRIBE or"
                + " SUMMARIZE can run."), e.getMessage());
        assertEquals(List.of("observations", "rejected_rows"), new CatalogQuery(catalog).datasets());
    }

    @Test
    void unknownTableListsTheAvailableDatasets() {
        QueryException e = assertThrows(QueryException.class,
                () -> run("SELECT * FROM observation", OutputFormat.CSV));

        assertEquals("Catalog Error: Table with name observation does not exist!"
                + " Available datasets: observations, rejected_rows", e.getMessage());
    }

    @Test
    void otherSqlErrorsAreDuckDbsFirstLineOnly() {
        QueryException syntax = assertThrows(QueryException.class, () -> run("SELEC 1", OutputFormat.TABLE));
        assertEquals("Parser Error: syntax error at or near \"SELEC\"", syntax.getMessage());

        QueryException column = assertThrows(QueryException.class,
                () -> run("SELECT valu FROM observations", OutputFormat.JSON));
        assertOneLine(column.getMessage());
        assertTrue(column.getMessage().startsWith("Binder Error: Referenced column \"valu\" not found"),
                column.getMessage());
        assertFalse(column.getMessage().contains("Available datasets"));
    }

    @Test
    void missingCatalogSaysToRunThePipelineFirst() {
        Path missing = dir.resolve("nowhere/catalog.duckdb");

        QueryException e = assertThrows(QueryException.class,
                () -> new CatalogQuery(missing).print("SELECT 1", OutputFormat.TABLE, new PrintStream(
                        new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

        assertEquals("No catalog found at " + missing + ". Run `./cts run` first to build it.", e.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void emptyCatalogSaysSoForUnknownTables() throws Exception {
        Path empty = dir.resolve("empty.duckdb");
        DuckDbCatalog.writeCatalog(empty, Map.of());

        QueryException e = assertThrows(QueryException.class,
                () -> new CatalogQuery(empty).print("SELECT * FROM observations", OutputFormat.TABLE,
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

        assertEquals("Catalog Error: Table with name observations does not exist!"
                + " The catalog has no datasets yet. Run `./cts run` first to build it.", e.getMessage());
    }

    @Test
    void blankSqlIsRejected() {
        assertEquals("No SQL statement given.",
                assertThrows(QueryException.class, () -> run("  ", OutputFormat.TABLE)).getMessage());
    }

    @Test
    void printReturnsTheRowCount() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        assertEquals(3, new CatalogQuery(catalog).print(OBS_SQL, OutputFormat.CSV, out));
    }

    @Test
    void formatNamesParseCaseInsensitively() {
        assertEquals(OutputFormat.JSON, OutputFormat.parse("Json"));
        assertEquals(OutputFormat.TABLE, OutputFormat.parse(" table "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputFormat.parse("xml"));
        assertEquals("Unknown output format 'xml'; use one of table, csv, json", e.getMessage());
    }

    private String run(String sql, OutputFormat format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new CatalogQuery(catalog).print(sql, format, out);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), format == OutputFormat.CSV
                ? System.lineSeparator() : "\n");
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n") || message.contains("\r"), message);
    }

    private static GenericRecord obs(String country, int year, Double value, String... flags) {
        GenericRecord r = new GenericData.Record(OBS);
        r.put("country", country);
        r.put("year", year);
        r.put("value", value);
        r.put("flags", List.of(flags));
        return r;
    }
}
