package org.uncts.cts.publication.chart;

/**
 * A chart that cannot be drawn as asked: an unknown region, an option the chart does not take,
 * a series that names more than one value. The message says what to change.
 */
public class ChartException extends RuntimeException {

    public ChartException(String message) {
        super(message);
    }
}
