package org.uncts.cts.reference;

/**
 * A reference file (countries, population, ICCS, indicators) cannot be used as it is. The
 * message is written for the person who maintains the file: which file, which line, which
 * field, what is wrong and what to change. Unchecked because the only sensible reaction is to
 * stop the run and fix the file.
 */
public final class ReferenceDataException extends RuntimeException {

    private final String file;
    private final long line;
    private final String field;

    /**
     * @param file    the file (or classpath resource) concerned
     * @param line    the physical 1-based line, or 0 when the problem is not about one line
     * @param field   the column concerned, or null
     * @param problem what is wrong, one sentence
     * @param fix     what to change, one sentence, or null
     */
    public ReferenceDataException(String file, long line, String field, String problem, String fix) {
        this(file, line, field, problem, fix, null);
    }

    public ReferenceDataException(String file, long line, String field, String problem, String fix,
            Throwable cause) {
        super(message(file, line, field, problem, fix), cause);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    private static String message(String file, long line, String field, String problem, String fix) {
        StringBuilder sb = new StringBuilder(file == null ? "(no file)" : file);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (field != null) {
            sb.append(", field '").append(field).append('\'');
        }
        sb.append(": ").append(problem);
        if (fix != null && !fix.isBlank()) {
            sb.append(" Fix: ").append(fix);
        }
        return sb.toString();
    }

    /** The file or classpath resource concerned. */
    public String file() {
        return file;
    }

    /** The physical 1-based line, or 0 when the problem is about the file as a whole. */
    public long line() {
        return line;
    }

    /** The column concerned, or null. */
    public String field() {
        return field;
    }
}
