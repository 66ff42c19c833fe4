package org.uncts.cts.publication.chart;

/** A chart with nothing to draw: the release has no value of its series for its regions and years. */
public class NoChartDataException extends ChartException {

    public NoChartDataException(String message) {
        super(message);
    }
}
