package org.uncts.cts.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void partPathPadsTheIndexToSixDigits() {
        PartDirectory parts = new PartDirectory(dir);

        assertEquals(dir.resolve("observations-000000.parquet"), parts.partPath("observations", 0));
        assertEquals(dir.resolve("observations-000042.parquet"), parts.partPath("observations", 42));
        assertEquals(dir.resolve("observations-1234567.parquet"), parts.partPath("observations", 1_234_567));
        assertThrows(IllegalArgumentException.class, () -> parts.partPath("observations", -1));
    }

    @Test
    void keysAreMadeFileNameSafe() {
        PartDirectory parts = new PartDirectory(dir);

        assertEquals(dir.resolve("survey_2024_AT_rev_1-000003.parquet"), parts.partPath("survey 2024/AT:rev*1", 3));
        assertEquals("_hidden", PartDirectory.sanitize(".hidden"));
        assertEquals("ok.name_-x", PartDirectory.sanitize("ok.name_-x"));
        assertEquals("C_te_d_Ivoire", PartDirectory.sanitize("Côte d'Ivoire"));
        assertThrows(IllegalArgumentException.class, () -> PartDirectory.sanitize(" "));
    }

    @Test
    void discardFromDeletesExactlyThisKeysLaterPartsAndItsTmpFiles() throws Exception {
        PartDirectory parts = new PartDirectory(dir);
        for (String name : List.of(
                "obs-000000.parquet", "obs-000001.parquet", "obs-000002.parquet", "obs-000010.parquet",
                "obs-000000.parquet.tmp", "obs-000002.parquet.tmp", "obs-000003.parquet.tmp",
                "obs-x-000005.parquet", "obs-x-000005.parquet.tmp", "rej-000002.parquet", "rej-000003.parquet.tmp",
                "obs-000002.parquet.bak", "obs-2.parquet", "notes.txt")) {
            Files.writeString(dir.resolve(name), name);
        }

        List<Path> deleted = parts.discardFrom("obs", 2);

        assertEquals(paths("obs-000000.parquet.tmp", "obs-000002.parquet", "obs-000002.parquet.tmp",
                "obs-000003.parquet.tmp", "obs-000010.parquet"), deleted);
        assertEquals(paths("notes.txt", "obs-000000.parquet", "obs-000001.parquet", "obs-000002.parquet.bak",
                "obs-2.parquet", "obs-x-000005.parquet", "obs-x-000005.parquet.tmp", "rej-000002.parquet",
                "rej-000003.parquet.tmp"), listDir());
    }

    @Test
    void discardFromZeroEmptiesTheKeyAndAMissingDirectoryIsFine() throws Exception {
        PartDirectory parts = new PartDirectory(dir);
        Files.writeString(parts.partPath("obs", 0), "");
        Files.writeString(parts.partPath("obs", 1), "");
        Files.writeString(parts.partPath("other", 0), "");

        assertEquals(2, parts.discardFrom("obs", 0).size());
        assertEquals(paths("other-000000.parquet"), listDir());
        assertEquals(List.of(), new PartDirectory(dir.resolve("not-yet")).discardFrom("obs", 0));
    }

    @Test
    void sanitizedKeysAreMatchedTheSameWayTheyAreNamed() throws Exception {
        PartDirectory parts = new PartDirectory(dir);
        Files.writeString(parts.partPath("a b", 5), "");

        assertEquals(List.of(parts.partPath("a b", 5)), parts.discardFrom("a b", 5));
    }

    @Test
    void partsListsCommittedPartsInNumericOrder() throws Exception {
        PartDirectory parts = new PartDirectory(dir);
        for (long i : new long[] {1_000_000, 2, 999_999, 10}) {
            Files.writeString(parts.partPath("obs", i), "");
        }
        Files.writeString(dir.resolve("obs-000003.parquet.tmp"), "");
        Files.writeString(parts.partPath("rej", 1), "");

        assertEquals(List.of(parts.partPath("obs", 2), parts.partPath("obs", 10), parts.partPath("obs", 999_999),
                parts.partPath("obs", 1_000_000)), parts.parts("obs"));
    }

    private List<Path> paths(String... names) {
        return Stream.of(names).map(dir::resolve).sorted().toList();
    }

    private List<Path> listDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
