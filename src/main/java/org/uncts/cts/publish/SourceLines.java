package org.uncts.cts.publish;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;

/** Quotes given physical lines of a text file, reading it once from the top. */
final class SourceLines {

    private SourceLines() {
    }

    static Map<Long, String> read(Path file, Charset charset, NavigableSet<Long> lines) throws IOException {
        Map<Long, String> found = new HashMap<>();
        if (lines.isEmpty()) {
            return found;
        }
        long last = lines.last();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset))) {
            String text;
            for (long n = 1; n <= last && (text = r.readLine()) != null; n++) {
                if (lines.contains(n)) {
                    found.put(n, n == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text);
                }
            }
        }
        return found;
    }
}
