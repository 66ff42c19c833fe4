package org.uncts.cts.validate.catalogue;

import java.util.List;

/**
 * A rule catalogue or a file of rule overrides that cannot be used. The message names the file
 * and lists every problem found, one a line, each with its line, rule id and field.
 */
public class RuleCatalogueException extends RuntimeException {

    private final String source;
    private final List<String> problems;

    public RuleCatalogueException(String source, List<String> problems) {
        this(source, problems, null);
    }

    public RuleCatalogueException(String source, List<String> problems, Throwable cause) {
        super(message(source, problems), cause);
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file (or spec) the problems are in. */
    public String source() {
        return source;
    }

    /** Each problem on its own, already naming the file, line, rule and field. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        if (problems.size() == 1) {
            return "Validation rules in " + source + " cannot be used: " + problems.get(0);
        }
        return "Validation rules in " + source + " cannot be used (" + problems.size() + " problems):\n  - "
                + String.join("\n  - ", problems);
    }
}
