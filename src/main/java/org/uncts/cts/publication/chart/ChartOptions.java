package org.uncts.cts.publication.chart;

/**
 * What a command line may change in a chart: the region of a chart of the countries of one region
 * (name or code), and the years drawn. Null keeps the definition's value.
 */
public record ChartOptions(String region, Integer from, Integer to) {

    /** The definition as it is. */
    public static final ChartOptions DEFAULTS = new ChartOptions(null, null, null);

    public ChartOptions {
        region = region == null || region.isBlank() ? null : region.strip();
    }
}
