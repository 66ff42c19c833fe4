package org.uncts.cts.publish;

/** What the ingest step knows of one input file when it is done with it. */
public record IngestedFile(String file, String format, String sha256, String encoding, long rowsRead) {
}
