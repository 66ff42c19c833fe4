package org.uncts.cts.query;

/**
 * A query could not run. The message is one line meant for the person who typed the query; the
 * driver's full message stays available as the cause.
 */
public class QueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueryException(String message) {
        super(message);
    }

    public QueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
