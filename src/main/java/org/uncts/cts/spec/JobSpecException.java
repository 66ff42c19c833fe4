package org.uncts.cts.spec;

/** A job spec that cannot be run; the message names the spec file, the key and what to fix. */
public class JobSpecException extends RuntimeException {
    public JobSpecException(String message) {
        super(message);
    }

    public JobSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
