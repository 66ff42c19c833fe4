package org.uncts.cts.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.publish.Releases;

/**
 * The catalog over releases: all_* views with the release's run id, typed when empty, and how
 * DuckDB behaves when the catalog file is renamed over while a read-only connection has it open.
 */
class CatalogReleasesTest {

    static final Schema OBS = SchemaBuilder.record("Obs").fields()
            .requiredLong("run_id").requiredString("country").optionalDouble("value").endRecord();

    @TempDir
    Path dir;

    @Test
    void allViewsReadEveryReleaseWithItsRunId() throws Exception {
        release(7, 1.0, 2.0);
        release(12, 3.0);
        Path db = dir.resolve("catalog.duckdb");
        DuckDbCatalog.writeCatalog(db, List.of(
                DuckDbCatalog.Dataset.acrossReleases("all_obs", dir + "/releases/*/obs/*.parquet", OBS, "release_run_id"),
                DuckDbCatalog.Dataset.acrossReleases("all_none", dir + "/releases/*/none/*.parquet", OBS, "release_run_id")), "tmp-12");
        assertEquals(List.of("7 7 AUT", "7 7 AUT", "12 12 AUT"), rows(db, "select release_run_id, run_id, country from all_obs order by 1"));
        assertEquals(List.of("release_run_id BIGINT", "run_id BIGINT", "country VARCHAR", "value DOUBLE"),
                rows(db, "select column_name, column_type from (describe all_none)"));
        assertFalse(Files.exists(dir.resolve("catalog.duckdb.tmp-12")));
    }

    @Test
    void allViewsReadReleasesWrittenBeforeAColumnWasAdded() throws Exception {
        // release 7 was published before rejected rows had source_cell; release 12 has it
        Schema before = SchemaBuilder.record("Rejected").fields()
                .requiredLong("run_id").requiredString("source_file").requiredLong("source_line").endRecord();
        Schema after = SchemaBuilder.record("Rejected").fields()
                .requiredLong("run_id").requiredString("source_file").requiredLong("source_line")
                .optionalString("source_cell").endRecord();
        GenericData.Record old = new GenericData.Record(before);
        old.put("run_id", 7L);
        old.put("source_file", "r.csv");
        old.put("source_line", 3L);
        ParquetPart.write(Releases.of(dir, 7).resolve("rejected/part-0.parquet"), before, List.of(old));
        GenericData.Record cell = new GenericData.Record(after);
        cell.put("run_id", 12L);
        cell.put("source_file", "r.xlsx");
        cell.put("source_line", 6L);
        cell.put("source_cell", "Table1!D6");
        ParquetPart.write(Releases.of(dir, 12).resolve("rejected/part-0.parquet"), after, List.of(cell));
        Path db = dir.resolve("catalog.duckdb");
        DuckDbCatalog.writeCatalog(db, List.of(
                DuckDbCatalog.Dataset.acrossReleases("all_rejected", dir + "/releases/*/rejected/*.parquet", after, "release_run_id")),
                "tmp-12");
        assertEquals(List.of("7 r.csv 3 null", "12 r.xlsx 6 Table1!D6"),
                rows(db, "select release_run_id, source_file, source_line, source_cell from all_rejected order by 1"));
    }

    @Test
    void aReleaseWithoutObservationsSitsBesideYearPartitionedReleases() throws Exception {
        // as published: observations/year=2020/*.parquet with the year in the files too, and a run
        // whose every row was rejected has one empty observations/no-rows.parquet
        Schema obs = SchemaBuilder.record("Obs").fields()
                .requiredLong("run_id").requiredInt("year").optionalDouble("value").endRecord();
        GenericData.Record r = new GenericData.Record(obs);
        r.put("run_id", 7L);
        r.put("year", 2020);
        r.put("value", 5.0);
        ParquetPart.write(Releases.of(dir, 7).resolve("observations/year=2020/data_0.parquet"), obs, List.of(r));
        ParquetPart.write(Releases.of(dir, 12).resolve("observations/no-rows.parquet"), obs, List.of());
        Path db = dir.resolve("catalog.duckdb");
        DuckDbCatalog.writeCatalog(db, List.of(
                new DuckDbCatalog.Dataset("observations", Releases.of(dir, 12) + "/observations/**/*.parquet", obs),
                DuckDbCatalog.Dataset.acrossReleases("all_observations", dir + "/releases/*/observations/**/*.parquet", obs,
                        "release_run_id")), "tmp-12");
        assertEquals(List.of("7 7 2020 5.0"), rows(db, "select release_run_id, run_id, year, value from all_observations"));
        assertEquals(List.of("0"), rows(db, "select count(*) from observations"));
        assertEquals(List.of("year INTEGER"), rows(db, "select column_name, column_type from (describe all_observations) where column_name = 'year'"));
    }

    @Test
    void aConnectionOpenedBeforeTheRenameKeepsTheOldCatalogANewInstanceSeesTheNew() throws Exception {
        release(1, 1.0);
        release(2, 2.0, 2.0);
        Path db = dir.resolve("catalog.duckdb");
        DuckDbCatalog.writeCatalog(db, List.of(new DuckDbCatalog.Dataset("obs", dir + "/releases/run-000001/obs/*.parquet", OBS)), "tmp-1");
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        try (Connection old = DriverManager.getConnection("jdbc:duckdb:" + db, ro)) {
            assertEquals(List.of("1"), rows(old, "select count(*) from obs"));
            DuckDbCatalog.writeCatalog(db, List.of(new DuckDbCatalog.Dataset("obs", dir + "/releases/run-000002/obs/*.parquet", OBS)), "tmp-2");
            // still the catalog it opened (the old inode), so still release 1
            assertEquals(List.of("1"), rows(old, "select count(*) from obs"));
            // DuckDB's JDBC driver shares one database instance per path among the connections open in
            // a process: a new connection while the old one is open still gets the old catalog ...
            try (Connection shared = DriverManager.getConnection("jdbc:duckdb:" + db, ro)) {
                assertEquals(List.of("1"), rows(shared, "select count(*) from obs"));
            }
            // ... unless it asks for an instance of its own (as CatalogQuery does): then the new file
            Properties own = new Properties();
            own.putAll(ro);
            own.setProperty("jdbc_instance_cache", "false");
            try (Connection fresh = DriverManager.getConnection("jdbc:duckdb:" + db, own)) {
                assertEquals(List.of("2"), rows(fresh, "select count(*) from obs"));
            }
        }
        assertEquals(List.of("2"), rows(db, "select count(*) from obs"));
    }

    @Test
    void theCurrentReleaseIsTheSymlinkedOneElseTheNewestElseTheFolderItself() throws Exception {
        assertEquals(dir, Releases.current(dir));
        Files.createDirectories(dir.resolve("observations")); // a folder from before releases
        release(3, 1.0);
        release(10, 1.0);
        assertEquals(List.of(3L, 10L), Releases.list(dir));
        assertEquals(dir.resolve("releases/run-000010"), Releases.current(dir));
        Releases.pointCurrentAt(dir, 3);
        if (Files.isSymbolicLink(dir.resolve("current"))) {
            assertEquals(Optional.of(3L), Releases.currentRunId(dir));
            Releases.pointCurrentAt(dir, 10);
            assertEquals(Path.of("releases/run-000010"), Files.readSymbolicLink(dir.resolve("current")));
        }
        assertEquals(Optional.of(10L), Releases.currentRunId(dir));
        assertEquals(Optional.of(42L), Releases.runId("run-000042"));
        assertEquals(Optional.empty(), Releases.runId("run-x"));
        Path release = dir.resolve("releases/run-000010");
        assertEquals(release, Releases.current(release), "a release folder is its own current folder");
    }

    private void release(long runId, Double... values) throws Exception {
        List<GenericRecord> records = new ArrayList<>();
        for (Double v : values) {
            GenericData.Record r = new GenericData.Record(OBS);
            r.put("run_id", runId);
            r.put("country", "AUT");
            r.put("value", v);
            records.add(r);
        }
        ParquetPart.write(Releases.of(dir, runId).resolve("obs/part-0.parquet"), OBS, records);
    }

    private static List<String> rows(Path db, String sql) throws Exception {
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db, ro)) {
            return rows(c, sql);
        }
    }

    private static List<String> rows(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join(" ", cells));
            }
        }
        return out;
    }
}
