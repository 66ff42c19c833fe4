package org.uncts.cts.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {

    @TempDir
    Path dir;

    private String firstLine(InputFile f) throws Exception {
        try (BufferedReader r = new BufferedReader(f.openReader())) {
            return r.readLine();
        }
    }

    @Test
    void utf8WithBom() throws Exception {
        Path p = dir.resolve("bom.csv");
        byte[] body = "country\nCôte d'Ivoire\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Files.write(p, bytes);
        InputFile f = InputFile.inspect(p);
        assertEquals(StandardCharsets.UTF_8, f.charset());
        assertEquals("UTF-8 with BOM", f.encodingLabel());
        assertEquals("country", firstLine(f));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), f.sha256());
        assertEquals(bytes.length, f.sizeBytes());
    }

    @Test
    void windows1252WhenNotValidUtf8() throws Exception {
        Path p = dir.resolve("cp1252.csv");
        Files.write(p, "Côte d'Ivoire;données\n".getBytes(InputFile.WINDOWS_1252));
        InputFile f = InputFile.inspect(p);
        assertEquals("Windows-1252", f.encodingLabel());
        assertEquals("Côte d'Ivoire;données", firstLine(f));
    }

    @Test
    void utf16WithBom() throws Exception {
        Path p = dir.resolve("utf16.csv");
        Files.write(p, "\uFEFFcountry,Türkiye\n".getBytes(StandardCharsets.UTF_16LE));
        InputFile f = InputFile.inspect(p);
        assertEquals("UTF-16 with BOM", f.encodingLabel());
        assertEquals("country,Türkiye", firstLine(f));
    }

    @Test
    void plainUtf8AcrossBufferBoundaries() throws Exception {
        Path p = dir.resolve("big.csv");
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 200_000) {
            sb.append("São Tomé é Príncipe,€\n"); // multi-byte characters straddle the 64 KiB reads
        }
        Files.writeString(p, sb, StandardCharsets.UTF_8);
        assertEquals("UTF-8", InputFile.inspect(p).encodingLabel());
    }
}
