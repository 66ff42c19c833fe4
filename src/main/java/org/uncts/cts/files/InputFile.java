package org.uncts.cts.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A text input file with what we learnt from reading it once: its SHA-256 (for provenance),
 * its size and its encoding. Encoding rules: a BOM decides (UTF-8, UTF-16 BE/LE); without a BOM
 * a file that decodes as strict UTF-8 is UTF-8; anything else is Windows-1252, the encoding
 * spreadsheet exports on Windows produce.
 */
public record InputFile(Path path, String sha256, long sizeBytes, Charset charset, int bomLength) {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Reads the file once to hash it and detect its encoding. */
    public static InputFile inspect(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            byte[] buf = new byte[1 << 16];
            ByteBuffer pending = ByteBuffer.allocate(buf.length + 8);
            CharBuffer sink = CharBuffer.allocate(buf.length + 8);
            boolean validUtf8 = true;
            long size = 0;
            byte[] head = new byte[0];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                if (size == 0) {
                    head = java.util.Arrays.copyOf(buf, Math.min(n, 4));
                }
                size += n;
                if (validUtf8) {
                    pending.put(buf, 0, n).flip();
                    CoderResult r = utf8.decode(pending, sink, false);
                    sink.clear();
                    if (r.isError()) {
                        validUtf8 = false;
                    }
                    pending.compact();
                }
            }
            if (validUtf8) {
                pending.flip();
                CoderResult r = utf8.decode(pending, sink, true);
                validUtf8 = !r.isError() && !pending.hasRemaining() && !utf8.flush(sink).isError();
            }
            Charset charset;
            int bom = 0;
            if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
                charset = StandardCharsets.UTF_8;
                bom = 3;
            } else if (startsWith(head, 0xFE, 0xFF)) {
                charset = StandardCharsets.UTF_16BE;
                bom = 2;
            } else if (startsWith(head, 0xFF, 0xFE)) {
                charset = StandardCharsets.UTF_16LE;
                bom = 2;
            } else {
                charset = validUtf8 ? StandardCharsets.UTF_8 : WINDOWS_1252;
            }
            return new InputFile(path, HexFormat.of().formatHex(sha.digest()), size, charset, bom);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code head} begins with {@code bytes} (a signature such as a BOM or ZIP's PK\3\4). */
    public static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** A reader over the file's text in its detected encoding, positioned after any BOM. */
    public Reader openReader() throws IOException {
        InputStream in = Files.newInputStream(path);
        in.skipNBytes(bomLength);
        return new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** A short, human name of the encoding for logs and the runs dataset, e.g. "UTF-8 with BOM". */
    public String encodingLabel() {
        String name = charset.equals(WINDOWS_1252) ? "Windows-1252" : charset.name();
        if (charset == StandardCharsets.UTF_16BE || charset == StandardCharsets.UTF_16LE) {
            name = "UTF-16";
        }
        return bomLength > 0 ? name + " with BOM" : name;
    }

}
