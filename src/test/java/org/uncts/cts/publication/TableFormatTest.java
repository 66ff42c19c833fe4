package org.uncts.cts.publication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableFormatTest {

    @Test
    void namesAndExtensions() {
        assertEquals(TableFormat.MD, TableFormat.of("markdown"));
        assertEquals(TableFormat.MD, TableFormat.of(" MD "));
        assertEquals(TableFormat.XLSX, TableFormat.of("xlsx"));
        assertEquals(TableFormat.HTML, TableFormat.of("htm"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableFormat.of("pdf"));
        assertTrue(e.getMessage().contains("md, csv, xlsx, html"), e.getMessage());
        assertEquals("homicide-victims.xlsx", TableFormat.XLSX.fileName(SampleTables.grouped()));
    }

    @Test
    void everyFormatWritesItsFileAndLeavesNoScratchFile(@TempDir Path dir) throws IOException {
        PublicationTable table = SampleTables.grouped();
        for (TableFormat format : TableFormat.values()) {
            Path target = dir.resolve(format.fileName(table));
            Files.writeString(target, "an older table");
            format.write(table, target);
            assertTrue(Files.size(target) > 100, format.name());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("homicide-victims.csv", "homicide-victims.html", "homicide-victims.md",
                    "homicide-victims.xlsx"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertArrayEquals(MarkdownTable.render(table).getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(dir.resolve("homicide-victims.md")));
        byte[] xlsx = Files.readAllBytes(dir.resolve("homicide-victims.xlsx"));
        assertEquals("PK", new String(xlsx, 0, 2, StandardCharsets.US_ASCII), "a zip container");
    }

    @Test
    void writingToAStreamLeavesItOpen() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the caller's stream was closed");
            }
        };
        for (TableFormat format : TableFormat.values()) {
            format.write(SampleTables.tiny(), out);
        }
        assertTrue(out.size() > 0);
    }
}
