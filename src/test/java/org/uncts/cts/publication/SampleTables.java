package org.uncts.cts.publication;

import java.util.List;

/** Small publication tables built by hand for the renderers' tests. */
final class SampleTables {

    static final String INJECTED_FORMULA = "=cmd|' /C calc'!A0";
    static final String INJECTED_SCRIPT = "@x <script>alert(1)</script>";

    private SampleTables() {
    }

    /**
     * Two columns under the group "Victims (count)" (0 decimals) and one column outside any group
     * (1 decimal); a region and a subregion heading, three countries (two with hostile labels) and
     * the subregion's aggregate.
     *
     * <pre>
     * Region / country or area    | Victims (count)            | Change (%)
     *                             | 2020          | 2021       |
     * Africa                      |               |            |
     *   Northern Africa           |               |            |
     *     Egypt                   | 1,234,568 e   | ..         | -3.3 b
     *     =cmd|' /C calc'!A0      | 12            | 15 1       | 25.0
     *     @x &lt;script&gt;...          | 0             | 7          | -stable (a text)
     *   Northern Africa (aggr.)   | 1,235 e       | 2,000 p    | 0.0
     * </pre>
     */
    static PublicationTable grouped() {
        List<TableColumn> columns = List.of(
                new TableColumn("2020", "Victims (count)"),
                new TableColumn("2021", "Victims (count)"),
                new TableColumn("Change (%)", null));
        List<TableRow> rows = List.of(
                new TableRow(TableRow.Kind.HEADING, 0, "Africa", "002", List.of()),
                new TableRow(TableRow.Kind.HEADING, 1, "Northern Africa", "015", List.of()),
                new TableRow(TableRow.Kind.COUNTRY, 2, "Egypt", "EGY", List.of(
                        TableCell.number(1234567.891, 0, List.of("e")),
                        TableCell.missing(List.of()),
                        TableCell.number(-3.25, 1, List.of("b")))),
                new TableRow(TableRow.Kind.COUNTRY, 2, INJECTED_FORMULA, "XXA", List.of(
                        TableCell.number(12.0, 0, List.of()),
                        TableCell.number(15.0, 0, List.of("1")),
                        TableCell.number(25.0, 1, List.of()))),
                new TableRow(TableRow.Kind.COUNTRY, 2, INJECTED_SCRIPT, "XXB", List.of(
                        TableCell.number(0.0, 0, List.of()),
                        TableCell.number(7.0, 0, List.of()),
                        TableCell.text("-stable", List.of()))),
                new TableRow(TableRow.Kind.AGGREGATE, 1, "Northern Africa", "015", List.of(
                        TableCell.number(1234.5, 0, List.of("e")),
                        TableCell.number(2000.0, 0, List.of("p")),
                        TableCell.number(-0.04, 1, List.of()))));
        List<Footnote> footnotes = List.of(
                new Footnote("e", "Estimate."),
                new Footnote("b", "Break in series."),
                new Footnote("1", "Including attempts."),
                new Footnote("p", "Provisional."));
        return new PublicationTable("homicide-victims", "Intentional homicide victims, by country, 2020-2021",
                "Count of victims; change in per cent", "Region / country or area", columns, rows, footnotes,
                List.of("Two dots (..) indicate that data are not available."), "UN-CTS 2025.");
    }

    /** Two columns, no groups: a heading and two countries, one with a "|" and a "_" in its label. */
    static PublicationTable tiny() {
        return new PublicationTable("tiny", "Victims, 2020-2021", "Count", "Country",
                List.of(new TableColumn("2020", null), new TableColumn("2021", null)),
                List.of(
                        new TableRow(TableRow.Kind.HEADING, 0, "Africa", "002", List.of()),
                        new TableRow(TableRow.Kind.COUNTRY, 1, "Egypt", "EGY", List.of(
                                TableCell.number(1234.5, 1, List.of("e")), TableCell.missing(List.of()))),
                        new TableRow(TableRow.Kind.COUNTRY, 1, "A|B_c", "XXC", List.of(
                                TableCell.number(-3.25, 1, List.of()), TableCell.number(2.0, 1, List.of("e", "1"))))),
                List.of(new Footnote("e", "Estimate."), new Footnote("1", "Including attempts.")),
                List.of("Two dots (..) indicate that data are not available."), "UN-CTS 2025.");
    }
}
