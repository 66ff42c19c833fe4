package org.uncts.cts.cli;

/** Exit codes of cts, documented in docs/running.md. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The run failed, or a query failed. */
    public static final int FAILED = 1;
    /** The command line, job spec or an input file is wrong: nothing ran. */
    public static final int BAD_INPUT = 2;
    /** {@code cts validate} ran and found at least one ERROR in the files checked. */
    public static final int ERRORS_FOUND = 3;
    /** The run (its job spec) is already running in a live process: nothing was done. */
    public static final int ALREADY_RUNNING = 4;

    private ExitCodes() {
    }
}
