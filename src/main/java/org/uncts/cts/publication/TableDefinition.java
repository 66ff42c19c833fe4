package org.uncts.cts.publication;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A publication table as statisticians write it, one YAML file per table
 * (src/main/resources/publication/tables/*.yml, or a folder named in the job spec). The layout
 * is documented in docs/publication.md.
 *
 * @param title     the title; {from}, {to}, {year} and {region} are filled in
 * @param subtitle  the unit line; optional
 * @param rows      which rows: countries grouped by region, or regions
 * @param years     the default year range; the command's --from/--to override it
 * @param year      {@code each} (one column per year for each column definition) or {@code latest}
 *                  (a Year column, and each row at its latest year with a figure in the first column) or
 *                  {@code period} (every column a trend statistic over its period)
 * @param columns   the column definitions, left to right
 * @param footnotes notes about the whole table, printed under the cell footnotes
 * @param source    the source line; {cycle}, {run_id} and {population_edition} are filled in
 */
public record TableDefinition(
        @JsonProperty(value = "title", required = true) String title,
        @JsonProperty("subtitle") String subtitle,
        @JsonProperty(value = "rows", required = true) Rows rows,
        @JsonProperty("years") Years years,
        @JsonProperty("year") String year,
        @JsonProperty(value = "columns", required = true) List<Column> columns,
        @JsonProperty("footnotes") List<String> footnotes,
        @JsonProperty("source") String source) {

    public static final String EACH = "each";
    public static final String LATEST = "latest";
    public static final String PERIOD = "period";

    public TableDefinition {
        year = year == null ? EACH : year;
        footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public boolean latestYear() {
        return LATEST.equals(year);
    }

    /**
     * @param kind       {@code countries} or {@code regions}
     * @param groupBy    countries only: {@code region}, {@code subregion} (region, then subregion) or {@code none}
     * @param aggregates countries only: show the regional aggregates (world, region, subregion) on the group rows
     * @param groupings  regions only: the groupings listed, in order ({@code world}, {@code m49_region},
     *                   {@code m49_subregion}, {@code m49_intermediate_region}, {@code sdg_region})
     */
    public record Rows(
            @JsonProperty(value = "kind", required = true) String kind,
            @JsonProperty("group_by") String groupBy,
            @JsonProperty("aggregates") Boolean aggregates,
            @JsonProperty("groupings") List<String> groupings) {

        public Rows {
            groupBy = groupBy == null ? "subregion" : groupBy;
            aggregates = aggregates != null && aggregates;
            groupings = groupings == null ? List.of("world", "m49_region") : List.copyOf(groupings);
        }

        public boolean countries() {
            return "countries".equals(kind);
        }
    }

    /** {@code last: N} (the N latest years of the data), or {@code from}/{@code to}; both optional. */
    public record Years(@JsonProperty("from") Integer from, @JsonProperty("to") Integer to, @JsonProperty("last") Integer last) {
    }

    /**
     * @param header column header; with {@code year: each}, "{year}" is the year
     * @param group  spanning header; with {@code year: each} and several columns, the header is the group
     * @param cell   where the figure comes from
     */
    public record Column(
            @JsonProperty("header") String header,
            @JsonProperty("group") String group,
            @JsonProperty(value = "cell", required = true) Cell cell) {
    }

    /**
     * Where a cell's figure comes from. With {@code statistic}: the trends (countries) or
     * regional_trends (regions) dataset; with {@code formula}: indicators or regional_aggregates;
     * with only {@code indicator}: the reported count (observations), and for regions the sum of
     * the members' counts (regional_aggregates numerator_sum of its rate_per_100k row).
     *
     * @param sex      default {@code _T}
     * @param age      default {@code _T}
     * @param period   trends period ({@code all}, {@code last5}, {@code last10}); default {@code all}
     * @param decimals fixed decimals; default 1 (0 for counts)
     */
    public record Cell(
            @JsonProperty("formula") String formula,
            @JsonProperty("indicator") String indicator,
            @JsonProperty("iccs") String iccs,
            @JsonProperty("dimension") String dimension,
            @JsonProperty("category") String category,
            @JsonProperty("sex") String sex,
            @JsonProperty("age") String age,
            @JsonProperty("statistic") String statistic,
            @JsonProperty("period") String period,
            @JsonProperty("decimals") Integer decimals) {

        public Cell {
            sex = sex == null ? "_T" : sex;
            age = age == null ? "_T" : age;
            period = period == null ? "all" : period;
        }

        public int decimalsOrDefault() {
            if (decimals != null) {
                return decimals;
            }
            return formula == null && statistic == null ? 0 : 1;
        }
    }
}
