package org.uncts.cts.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetPartTest {

    static final Schema NOTE = SchemaBuilder.record("Note").fields()
            .requiredString("code")
            .optionalString("text")
            .endRecord();

    static final Schema OBS = SchemaBuilder.record("Obs").namespace("org.uncts.test").fields()
            .optionalString("country")
            .requiredInt("year")
            .requiredLong("population")
            .optionalDouble("value")
            .requiredBoolean("provisional")
            .name("notes").type().array().items(NOTE).noDefault()
            .endRecord();

    @TempDir
    Path dir;

    static GenericRecord note(String code, String text) {
        GenericRecord r = new GenericData.Record(NOTE);
        r.put("code", code);
        r.put("text", text);
        return r;
    }

    static GenericRecord obs(String country, int year, long population, Double value, boolean provisional,
            GenericRecord... notes) {
        GenericRecord r = new GenericData.Record(OBS);
        r.put("country", country);
        r.put("year", year);
        r.put("population", population);
        r.put("value", value);
        r.put("provisional", provisional);
        r.put("notes", List.of(notes));
        return r;
    }

    static List<GenericRecord> sample() {
        return List.of(
                obs("AUT", 2020, 8_917_000_000L, 12.5, false, note("E1", "estimated"), note("B2", null)),
                obs(null, 2021, 0L, null, true),
                obs("Côte d'Ivoire", 2022, -1L, -0.25, false, note("X", "a'b\"c")));
    }

    static List<List<Object>> query(String sql) throws SQLException {
        try {
            return org.uncts.cts.testing.Duck.rows(sql);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause; // the tests assert on DuckDB's own error
            }
            throw e;
        }
    }

    static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    static String lit(Path p) {
        return DuckDbCatalog.quoteLiteral(p.toString());
    }

    @Test
    void duckDbReadsBackEveryValueIncludingNullsAndArrays() throws Exception {
        Path part = dir.resolve("obs-000000.parquet");

        assertEquals(3, ParquetPart.write(part, OBS, sample()));

        assertEquals(List.of(
                        row("AUT", 2020, 8_917_000_000L, 12.5, false, 2L),
                        row(null, 2021, 0L, null, true, 0L),
                        row("Côte d'Ivoire", 2022, -1L, -0.25, false, 1L)),
                query("SELECT country, year, population, value, provisional, len(notes) FROM read_parquet("
                        + lit(part) + ") ORDER BY year"));
        assertEquals(List.of(
                        row(2020, 1L, "E1", "estimated"),
                        row(2020, 2L, "B2", null),
                        row(2022, 1L, "X", "a'b\"c")),
                query("SELECT year, ord, n.code, n.text FROM (SELECT year, unnest(notes) AS n,"
                        + " generate_subscripts(notes, 1) AS ord FROM read_parquet(" + lit(part) + "))"
                        + " ORDER BY year, ord"));
    }

    @Test
    void columnTypesAreNativeAndListsUseTheStandardEncoding() throws Exception {
        Path part = dir.resolve("p.parquet");
        ParquetPart.write(part, OBS, sample());

        assertEquals(List.of(
                        row("country", "VARCHAR"),
                        row("year", "INTEGER"),
                        row("population", "BIGINT"),
                        row("value", "DOUBLE"),
                        row("provisional", "BOOLEAN"),
                        row("notes", "STRUCT(code VARCHAR, \"text\" VARCHAR)[]")),
                query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(" + lit(part)
                        + "))"));
    }

    @Test
    void zstdIsTheDefaultCodec() throws Exception {
        Path part = dir.resolve("p.parquet");
        ParquetPart.write(part, OBS, sample());

        assertEquals(List.of(row("ZSTD")),
                query("SELECT DISTINCT compression FROM parquet_metadata(" + lit(part) + ")"));
    }

    @ParameterizedTest
    @EnumSource(names = {"ZSTD", "SNAPPY", "UNCOMPRESSED"})
    void everySupportedCodecRoundTrips(CompressionCodecName codec) throws Exception {
        Path part = dir.resolve(codec + ".parquet");
        try (ParquetPart.Writer<GenericRecord> writer = ParquetPart.open(part, OBS, codec)) {
            for (int i = 0; i < 10_000; i++) {
                writer.write(obs("C" + (i % 7), i, i * 3L, i % 5 == 0 ? null : i / 4.0, i % 2 == 0));
            }
            writer.commit();
        }

        assertEquals(List.of(row(codec.name())),
                query("SELECT DISTINCT compression FROM parquet_metadata(" + lit(part) + ")"));
        assertEquals(List.of(row(10_000L, 49_995_000L * 3, 2000L)),
                query("SELECT count(*), sum(population)::BIGINT, count(*) - count(value) FROM read_parquet(" + lit(part)
                        + ")"));
    }

    @Test
    void streamingWriterRenamesOnlyOnCommit() throws Exception {
        Path part = dir.resolve("sub/dir/p.parquet");
        try (ParquetPart.Writer<GenericRecord> writer = ParquetPart.open(part, OBS)) {
            for (GenericRecord r : sample()) {
                writer.write(r);
            }
            assertTrue(Files.exists(ParquetPart.tmpPath(part)));
            assertFalse(Files.exists(part));
            writer.commit();
            assertEquals(3, writer.rows());
            assertThrows(IllegalStateException.class, () -> writer.write(sample().get(0)));
        }
        assertTrue(Files.exists(part));
        assertFalse(Files.exists(ParquetPart.tmpPath(part)));
        assertEquals(List.of(row(3L)), query("SELECT count(*) FROM read_parquet(" + lit(part) + ")"));
    }

    @Test
    void closingWithoutCommitLeavesNothing() throws Exception {
        Path part = dir.resolve("p.parquet");
        try (ParquetPart.Writer<GenericRecord> writer = ParquetPart.open(part, OBS)) {
            writer.write(sample().get(0));
        }
        assertEquals(List.of(), listDir());
    }

    @Test
    void failingIterableLeavesNoFileAndKeepsTheEarlierTarget() throws Exception {
        Path part = dir.resolve("p.parquet");
        ParquetPart.write(part, OBS, sample());
        byte[] good = Files.readAllBytes(part);

        IOException e = assertThrows(IOException.class,
                () -> ParquetPart.write(part, OBS, failingAfter(2, "source went away")));

        assertTrue(e.getMessage().contains(part.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("source went away"), e.getMessage());
        assertArrayEquals(good, Files.readAllBytes(part));
        assertEquals(List.of(part), listDir());
    }

    @Test
    void failingFirstWriteLeavesNoTargetAndNoTmp() throws Exception {
        Path part = dir.resolve("p.parquet");

        IOException e = assertThrows(IOException.class,
                () -> ParquetPart.write(part, OBS, failingAfter(1, "boom")));

        assertTrue(e.getMessage().contains(part.toString()), e.getMessage());
        assertEquals(List.of(), listDir());
    }

    @Test
    void recordViolatingTheSchemaFailsTheWriteAndDeletesTheTmp() throws Exception {
        Path part = dir.resolve("p.parquet");
        GenericRecord bad = obs("X", 2020, 1L, 1.0, false);
        bad.put("notes", null); // required field
        try (ParquetPart.Writer<GenericRecord> writer = ParquetPart.open(part, OBS)) {
            writer.write(sample().get(0));
            IOException e = assertThrows(IOException.class, () -> writer.write(bad));
            assertTrue(e.getMessage().contains(part.toString()), e.getMessage());
            assertFalse(Files.exists(ParquetPart.tmpPath(part)));
            assertThrows(IllegalStateException.class, writer::commit);
        }
        assertEquals(List.of(), listDir());
    }

    @Test
    void staleTmpFromACrashedRunIsOverwritten() throws Exception {
        Path part = dir.resolve("p.parquet");
        Files.writeString(ParquetPart.tmpPath(part), "half a file from a crash");

        ParquetPart.write(part, OBS, sample());

        assertEquals(List.of(part), listDir());
        assertEquals(List.of(row(3L)), query("SELECT count(*) FROM read_parquet(" + lit(part) + ")"));
    }

    @Test
    void emptyPartIsReadableWithItsColumns() throws Exception {
        Path part = dir.resolve("p.parquet");

        assertEquals(0, ParquetPart.write(part, OBS, List.of()));

        assertEquals(List.of(row(0L)), query("SELECT count(*) FROM read_parquet(" + lit(part) + ")"));
        assertEquals(6, query("DESCRIBE SELECT * FROM read_parquet(" + lit(part) + ")").size());
    }

    private List<Path> listDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Yields {@code good} sample-like rows, then throws, as a failing source reader would. */
    private static Iterable<GenericRecord> failingAfter(int good, String message) {
        return () -> new Iterator<>() {
            int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public GenericRecord next() {
                if (served == good) {
                    throw new IllegalStateException(message);
                }
                served++;
                return obs("C" + served, 2000 + served, served, null, false);
            }
        };
    }
}
