package org.uncts.cts.model;

/** Where a row came from: the input file, its physical line (1-based) and the file's SHA-256. */
public record Provenance(String file, long line, String sha256) {
}
