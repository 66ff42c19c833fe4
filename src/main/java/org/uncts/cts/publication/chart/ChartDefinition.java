package org.uncts.cts.publication.chart;

/**
 * One chart as a YAML file defines it (docs/charts.md). The name is the file name without .yml.
 *
 * @param name           the file name without .yml; also the name of the files written (NAME.png, NAME.svg)
 * @param title          the chart's title; may hold {region} in charts of the countries of one region
 * @param subtitle       a line under the title, or null
 * @param yAxis          the value axis label, or null for the unit of the data ("per 100,000 population")
 * @param series         the values drawn
 * @param lines          one line per country or per region
 * @param grouping       the regions: lines of {@code lines: regions}, panels of small multiples; for
 *                       {@code lines: countries}, where {@code region} is looked for first
 * @param world          {@code lines: regions} only: add the World line
 * @param region         {@code lines: countries} without small multiples: the default region (name or code), or null
 * @param smallMultiples one panel per region of {@code grouping}, each with its countries' lines
 * @param from           the first year drawn, or null for the first year with data
 * @param to             the last year drawn, or null for the last year with data
 * @param decimals       decimals of the value axis' tick labels
 * @param source         the source line printed under the chart
 * @param origin         where the definition was read from (a file, or the built-in resource), for messages
 */
public record ChartDefinition(String name, String title, String subtitle, String yAxis, SeriesSelection series,
                              Lines lines, Grouping grouping, boolean world, String region, boolean smallMultiples,
                              Integer from, Integer to, int decimals, String source, String origin) {

    /** What each line of the chart is. */
    public enum Lines {
        COUNTRIES("countries"), REGIONS("regions");

        private final String id;

        Lines(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public static final String REGION_PLACEHOLDER = "{region}";
    public static final String DEFAULT_SOURCE = "Source: UNODC, United Nations Survey of Crime Trends and Operations of "
            + "Criminal Justice Systems (UN-CTS).";
    public static final int DEFAULT_DECIMALS = 1;

    /** True when the chart draws the countries of one region (the region comes from the definition or --region). */
    public boolean oneRegion() {
        return lines == Lines.COUNTRIES && !smallMultiples;
    }

    /** What the chart draws, in a few words, for --list and messages. */
    public String kind() {
        if (smallMultiples) {
            return "countries, one panel per " + grouping.id();
        }
        if (lines == Lines.COUNTRIES) {
            return "countries of " + (region == null ? "a region (--region)" : region);
        }
        return grouping.id() + (world && grouping != Grouping.WORLD ? " + World" : "");
    }
}
