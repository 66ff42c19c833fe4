package org.uncts.cts.run;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A short, file-name-safe key for an input file, stable across restarts: partitions, step names
 * and staged part names are keyed by it, never by position in a listing.
 */
public final class FileKeys {

    private FileKeys() {
    }

    public static String of(String displayName) {
        String safe = displayName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 40) {
            safe = safe.substring(safe.length() - 40);
        }
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(displayName.getBytes(StandardCharsets.UTF_8));
            return safe + "-" + HexFormat.of().formatHex(h, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
