package org.uncts.cts.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbCatalogTest {

    static final Schema OBS = SchemaBuilder.record("Obs").fields()
            .requiredString("country")
            .requiredInt("year")
            .optionalDouble("value")
            .endRecord();

    static final Schema OBS_V2 = SchemaBuilder.record("Obs").fields()
            .requiredString("country")
            .requiredInt("year")
            .optionalDouble("value")
            .optionalString("flag")
            .endRecord();

    static final Schema REJECTED = SchemaBuilder.record("Rejected").fields()
            .requiredString("file")
            .requiredLong("line")
            .name("reasons").type().array().items().stringType().noDefault()
            .name("detail").type().record("Detail").fields()
            .optionalString("value").optionalInt("order").endRecord().noDefault()
            .endRecord();

    @TempDir
    Path dir;

    @Test
    void viewsQueryTheirParquetFilesByName() throws Exception {
        Path obs = dir.resolve("observations");
        ParquetPart.write(obs.resolve("obs-000000.parquet"), OBS, List.of(obs("AUT", 2020, 1.5), obs("FRA", 2020, null)));
        ParquetPart.write(obs.resolve("obs-000001.parquet"), OBS, List.of(obs("AUT", 2021, 2.5)));
        ParquetPart.write(dir.resolve("rejected/rej-000000.parquet"), REJECTED, List.of(rejected("a.csv", 7)));
        Path db = dir.resolve("catalog.duckdb");

        List<String> created = DuckDbCatalog.writeCatalog(db, ordered(
                "observations", obs + "/*.parquet",
                "rejected_rows", dir + "/rejected/*.parquet"));

        assertEquals(List.of("observations", "rejected_rows"), created);
        assertEquals(List.of(
                        row("AUT", 2020, 1.5),
                        row("AUT", 2021, 2.5),
                        row("FRA", 2020, null)),
                query(db, "SELECT country, year, value FROM observations ORDER BY country, year"));
        assertEquals(List.of(row("a.csv", 7L, 2L)), query(db, "SELECT file, line, len(reasons) FROM rejected_rows"));
        assertEquals(List.of(row("observations", "VIEW"), row("rejected_rows", "VIEW")),
                query(db, "SELECT table_name, table_type FROM information_schema.tables ORDER BY 1"));
        assertEquals(List.of(db), listDir(dir, "catalog"));
    }

    @Test
    void hivePartitionsBecomeColumnsAndSchemasAreUnitedByName() throws Exception {
        Path obs = dir.resolve("observations");
        ParquetPart.write(obs.resolve("source=cts/obs-000000.parquet"), OBS, List.of(obs("AUT", 2020, 1.0)));
        GenericRecord withFlag = new GenericData.Record(OBS_V2);
        withFlag.put("country", "BEL");
        withFlag.put("year", 2021);
        withFlag.put("flag", "p");
        ParquetPart.write(obs.resolve("source=nso/obs-000000.parquet"), OBS_V2, List.of(withFlag));
        Path db = dir.resolve("catalog.duckdb");

        DuckDbCatalog.writeCatalog(db, Map.of("observations", obs + "/*/*.parquet"));

        assertEquals(List.of(row("AUT", "cts", null), row("BEL", "nso", "p")),
                query(db, "SELECT country, source, flag FROM observations ORDER BY country"));
    }

    @Test
    void awkwardNamesAndPathsAreQuoted() throws Exception {
        Path odd = dir.resolve("it's \"odd\"");
        ParquetPart.write(odd.resolve("p-000000.parquet"), OBS, List.of(obs("AUT", 2020, 1.0)));
        Path db = dir.resolve("catalog.duckdb");

        DuckDbCatalog.writeCatalog(db, Map.of("odd \"view\"; DROP", odd + "/*.parquet"));

        assertEquals(List.of(row(1L)), query(db, "SELECT count(*) FROM \"odd \"\"view\"\"; DROP\""));
    }

    @Test
    void rewritingTheCatalogReplacesItsViews() throws Exception {
        ParquetPart.write(dir.resolve("a/p-000000.parquet"), OBS, List.of(obs("AUT", 2020, 1.0)));
        ParquetPart.write(dir.resolve("b/p-000000.parquet"), OBS, List.of(obs("BEL", 2020, 2.0), obs("BEL", 2021, 3.0)));
        Path db = dir.resolve("catalog.duckdb");
        DuckDbCatalog.writeCatalog(db, ordered("first", dir + "/a/*.parquet", "second", dir + "/b/*.parquet"));
        Files.writeString(dir.resolve("catalog.duckdb.tmp"), "left over by a crashed writer");

        DuckDbCatalog.writeCatalog(db, ordered("first", dir + "/b/*.parquet", "third", dir + "/a/*.parquet"));

        assertEquals(List.of(row("first"), row("third")),
                query(db, "SELECT table_name FROM information_schema.tables ORDER BY 1"));
        assertEquals(List.of(row("BEL", 2L)), query(db, "SELECT min(country), count(*) FROM first"));
        assertEquals(List.of(row("AUT", 1L)), query(db, "SELECT min(country), count(*) FROM third"));
        assertEquals(List.of(db), listDir(dir, "catalog"));
    }

    @Test
    void newPartsAreVisibleThroughAnExistingCatalog() throws Exception {
        ParquetPart.write(dir.resolve("a/p-000000.parquet"), OBS, List.of(obs("AUT", 2020, 1.0)));
        Path db = dir.resolve("catalog.duckdb");
        DuckDbCatalog.writeCatalog(db, Map.of("observations", dir + "/a/*.parquet"));

        ParquetPart.write(dir.resolve("a/p-000001.parquet"), OBS, List.of(obs("BEL", 2020, 1.0)));

        assertEquals(List.of(row(2L)), query(db, "SELECT count(*) FROM observations"));
    }

    @Test
    void emptyGlobWithSchemaGivesAnEmptyViewWithTheDatasetsColumns() throws Exception {
        Path db = dir.resolve("catalog.duckdb");
        ParquetPart.write(dir.resolve("real/p.parquet"), REJECTED, List.of(rejected("x.csv", 1)));

        List<String> created = DuckDbCatalog.writeCatalog(db, List.of(
                new DuckDbCatalog.Dataset("rejected_rows", dir + "/rejected/*.parquet", REJECTED),
                new DuckDbCatalog.Dataset("reference", dir + "/real/*.parquet")));

        assertEquals(List.of("rejected_rows", "reference"), created);
        assertEquals(List.of(row(0L)), query(db, "SELECT count(*) FROM rejected_rows"));
        assertEquals(query(db, "SELECT column_name, column_type FROM (DESCRIBE reference)"),
                query(db, "SELECT column_name, column_type FROM (DESCRIBE rejected_rows)"));
        assertEquals(List.of(row("detail", "STRUCT(\"value\" VARCHAR, \"order\" INTEGER)")),
                query(db, "SELECT column_name, column_type FROM (DESCRIBE rejected_rows) WHERE column_name = 'detail'"));
        assertEquals(List.of(), query(db, "SELECT file, reasons[1], detail.\"order\" FROM rejected_rows"));
    }

    @Test
    void emptyGlobWithoutSchemaIsSkippedAndAppearsOnceFilesExist() throws Exception {
        Path db = dir.resolve("catalog.duckdb");
        ParquetPart.write(dir.resolve("a/p.parquet"), OBS, List.of(obs("AUT", 2020, 1.0)));
        Map<String, String> datasets = ordered("observations", dir + "/a/*.parquet",
                "rejected_rows", dir + "/rejected/*.parquet");

        assertEquals(List.of("observations"), DuckDbCatalog.writeCatalog(db, datasets));
        SQLException missing = assertThrows(SQLException.class, () -> query(db, "SELECT * FROM rejected_rows"));
        assertTrue(missing.getMessage().contains("rejected_rows"), missing.getMessage());

        ParquetPart.write(dir.resolve("rejected/p.parquet"), REJECTED, List.of(rejected("b.csv", 3)));

        assertEquals(List.of("observations", "rejected_rows"), DuckDbCatalog.writeCatalog(db, datasets));
        assertEquals(List.of(row("b.csv")), query(db, "SELECT file FROM rejected_rows"));
    }

    @Test
    void aFailingViewLeavesTheOldCatalogInPlace() throws Exception {
        ParquetPart.write(dir.resolve("a/p.parquet"), OBS, List.of(obs("AUT", 2020, 1.0)));
        Files.createDirectories(dir.resolve("bad"));
        Files.writeString(dir.resolve("bad/p.parquet"), "not parquet");
        Path db = dir.resolve("catalog.duckdb");
        DuckDbCatalog.writeCatalog(db, Map.of("observations", dir + "/a/*.parquet"));

        IOException e = assertThrows(IOException.class,
                () -> DuckDbCatalog.writeCatalog(db, Map.of("broken", dir + "/bad/*.parquet")));

        assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
        assertEquals(List.of(row(1L)), query(db, "SELECT count(*) FROM observations"));
        assertEquals(List.of(db), listDir(dir, "catalog"));
    }

    @Test
    void duplicateViewNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DuckDbCatalog.writeCatalog(dir.resolve("c.duckdb"),
                List.of(new DuckDbCatalog.Dataset("Obs", "x/*.parquet"), new DuckDbCatalog.Dataset("obs", "y/*.parquet"))));
    }

    @Test
    void quoting() {
        assertEquals("\"a\"\"b\"", DuckDbCatalog.quoteIdentifier("a\"b"));
        assertEquals("'it''s'", DuckDbCatalog.quoteLiteral("it's"));
    }

    private static GenericRecord obs(String country, int year, Double value) {
        GenericRecord r = new GenericData.Record(OBS);
        r.put("country", country);
        r.put("year", year);
        r.put("value", value);
        return r;
    }

    private static GenericRecord rejected(String file, long line) {
        GenericRecord detail = new GenericData.Record(REJECTED.getField("detail").schema());
        detail.put("value", "12,5");
        detail.put("order", 1);
        GenericRecord r = new GenericData.Record(REJECTED);
        r.put("file", file);
        r.put("line", line);
        r.put("reasons", List.of("bad number", "unknown country"));
        r.put("detail", detail);
        return r;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** Queries the catalog the way users will: read-only. */
    private static List<List<Object>> query(Path db, String sql) throws SQLException {
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        try {
            return org.uncts.cts.testing.Duck.rows("jdbc:duckdb:" + db, props, sql);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause; // the tests assert on DuckDB's own error
            }
            throw e;
        }
    }

    private static List<Path> listDir(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }
}
