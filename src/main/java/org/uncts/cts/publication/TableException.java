package org.uncts.cts.publication;

/** A table that cannot be made, with a message that says which table, what is wrong and what to do. */
public class TableException extends RuntimeException {

    public TableException(String message) {
        super(message);
    }

    public TableException(String message, Throwable cause) {
        super(message, cause);
    }
}
