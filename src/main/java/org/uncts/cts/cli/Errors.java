package org.uncts.cts.cli;

/** Turns exceptions into the one line a statistician reads. */
final class Errors {

    private Errors() {
    }

    static String oneLine(Throwable t) {
        Throwable best = t;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getClass().getName().startsWith("org.springframework.")) {
                best = c;
                break;
            }
        }
        String msg = best.getMessage() == null ? best.getClass().getSimpleName() : best.getMessage();
        return msg;
    }
}
