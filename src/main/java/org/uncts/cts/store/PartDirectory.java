package org.uncts.cts.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory of Parquet parts named {@code <key>-<index>.parquet}, one part per committed chunk.
 *
 * <p>A restarted step resumes at its first uncommitted chunk; {@link #discardFrom} first removes
 * whatever that chunk (or later ones) may have left behind, so re-writing it cannot duplicate rows.
 */
public record PartDirectory(Path dir) {

    static final String EXTENSION = ".parquet";

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    public PartDirectory {
        dir = dir.toAbsolutePath();
    }

    /** {@code dir/<sanitized key>-<index, at least 6 digits>.parquet}. */
    public Path partPath(String key, long index) {
        if (index < 0) {
            throw new IllegalArgumentException("Part index must not be negative: " + index);
        }
        return dir.resolve(String.format("%s-%06d%s", sanitize(key), index, EXTENSION));
    }

    /**
     * Deletes this key's committed parts with index {@code >= fromIndex} and all of this key's
     * {@code .tmp} files. Other keys' files are left alone, so steps writing different keys into the
     * same directory can restart independently.
     *
     * @return the deleted files, sorted by name
     */
    public List<Path> discardFrom(String key, long fromIndex) throws IOException {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return deleted;
        }
        Pattern ours = Pattern.compile(Pattern.quote(sanitize(key)) + "-(\\d{6,18})" + Pattern.quote(EXTENSION)
                + "(" + Pattern.quote(ParquetPart.TMP_SUFFIX) + ")?");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Matcher m = ours.matcher(file.getFileName().toString());
                if (m.matches() && (m.group(2) != null || Long.parseLong(m.group(1)) >= fromIndex)) {
                    Files.deleteIfExists(file);
                    deleted.add(file);
                }
            }
        }
        deleted.sort(Comparator.naturalOrder());
        return deleted;
    }

    /** This key's committed parts, in index order. */
    public List<Path> parts(String key) throws IOException {
        List<Path> parts = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return parts;
        }
        Pattern ours = Pattern.compile(Pattern.quote(sanitize(key)) + "-(\\d{6,18})" + Pattern.quote(EXTENSION));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (ours.matcher(file.getFileName().toString()).matches()) {
                    parts.add(file);
                }
            }
        }
        parts.sort(Comparator.comparingLong(PartDirectory::indexOf));
        return parts;
    }

    /**
     * Makes a key safe as a file-name prefix on any OS: characters other than ASCII letters, digits,
     * '.', '_' and '-' become '_', and a leading '.' becomes '_' (no hidden files). Distinct keys
     * can therefore collide ("a b" and "a_b"); callers should use simple identifiers.
     */
    public static String sanitize(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("Part key must not be blank");
        }
        String safe = UNSAFE.matcher(key).replaceAll("_");
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }

    private static long indexOf(Path part) {
        String name = part.getFileName().toString();
        String stem = name.substring(0, name.length() - EXTENSION.length());
        return Long.parseLong(stem.substring(stem.lastIndexOf('-') + 1));
    }
}
