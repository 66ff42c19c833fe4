package org.uncts.cts.publication.chart;

import java.util.List;

/**
 * Chart definitions that cannot be used. The message lists every problem found, one a line, each
 * naming the file, the line and the field.
 */
public class ChartDefinitionException extends RuntimeException {

    private final List<String> problems;

    public ChartDefinitionException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem on its own, already naming the file, line and field. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.size() == 1) {
            return "Chart definitions cannot be used: " + problems.get(0);
        }
        return "Chart definitions cannot be used (" + problems.size() + " problems):\n  - " + String.join("\n  - ", problems);
    }
}
