package org.uncts.cts.ingest;

/** A return file that cannot be read as any known layout; the message names the file and says what to fix. */
public class ReturnFormatException extends RuntimeException {
    public ReturnFormatException(String message) {
        super(message);
    }
}
