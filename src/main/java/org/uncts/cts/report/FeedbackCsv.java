package org.uncts.cts.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.uncts.cts.report.ReportModel.Finding;

/**
 * The spreadsheet that goes with a country page: one row per finding, in the page's order and
 * with its numbers, and an empty column for the focal point's answer. UTF-8 with a byte order
 * mark, comma-separated, CRLF: Excel opens it with accents intact.
 */
final class FeedbackCsv {

    static final List<String> COLUMNS = List.of("finding", "severity", "rule_id", "rule", "indicator", "series",
            "years", "file", "lines", "cell", "value", "expected", "imbalance", "message", "explanation_requested",
            "your_explanation");

    static final char BOM = '\uFEFF';

    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder()
            .setHeader(COLUMNS.toArray(String[]::new))
            .get();

    private FeedbackCsv() {
    }

    static void write(Path target, List<Finding> findings) throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write(BOM);
            try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
                for (Finding f : findings) {
                    csv.printRecord(f.number(), f.severity(), f.ruleId(), text(f.rule()), text(f.indicator()),
                            text(f.seriesText()), text(f.years()), text(f.file()), text(f.lines()), text(f.cell()),
                            text(f.value()),
                            text(f.expected()), f.imbalancePlain(), text(f.message()), f.explain() ? "yes" : "no", "");
                }
            }
        }
    }

    /**
     * A text cell as Excel should show it: a cell that Excel would take for a formula (it starts
     * with =, @, tab, CR, or + or - unless it is a plain number such as -3 or +1.5) gets a leading
     * apostrophe. "-2+3" from a return's value cell would otherwise be computed.
     */
    static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char c = s.charAt(0);
        boolean formula = c == '=' || c == '@' || c == '\t' || c == '\r'
                || ((c == '+' || c == '-') && !SIGNED_NUMBER.matcher(s).matches());
        return formula ? "'" + s : s;
    }

    private static final java.util.regex.Pattern SIGNED_NUMBER = java.util.regex.Pattern.compile("[+-]\\d+(\\.\\d+)?");
}
