package org.uncts.cts.publish;

/** Rows of one input file: read = accepted + rejected, always. */
public record FileCounts(String file, String format, String sha256, String encoding, long rowsRead,
                         long rowsAccepted, long rowsRejected) {

    public boolean balanced() {
        return rowsRead == rowsAccepted + rowsRejected;
    }
}
