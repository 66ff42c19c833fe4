package org.uncts.cts.ingest.xlsx;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.uncts.cts.ingest.ReturnFormatException;
import org.uncts.cts.spec.StrictYaml;

/**
 * A questionnaire template: where an Excel return keeps its figures. Each table of the template
 * is a block of one sheet whose rows are indicator x breakdown and whose columns are years. Bound
 * strictly from YAML (unknown keys refused with file and line); layout in docs/input-formats.md,
 * section "Excel returns".
 *
 * @param name    the template's name, e.g. cts-homicide-v1 (recorded in nothing, shown in messages)
 * @param country where the country is: a cell, or a code given here
 * @param tables  the blocks to read, in workbook order of their sheets
 */
public record QuestionnaireTemplate(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "country", required = true) Country country,
        @JsonProperty(value = "tables", required = true) List<Table> tables) {

    /**
     * @param cell a cell such as "Table1!C3" holding the country's ISO3 code or name
     * @param code the country, when the template is for one country only
     */
    public record Country(@JsonProperty("cell") String cell, @JsonProperty("code") String code) {
    }

    /**
     * One block of a sheet.
     *
     * @param sheet          the sheet's name as Excel shows it on its tab
     * @param years          which columns hold which years
     * @param footnoteColumn a column whose text is a footnote to every year of its row (flag or note)
     * @param labelColumns   columns whose text gives a row's labels (with {@code row_range})
     * @param defaults       labels of every row unless a row or its label column says otherwise
     * @param rows           the rows, each with its labels (or use {@code row_range})
     * @param rowRange       "7:40": every row in the range with a figure, labels from {@code label_columns}
     */
    public record Table(
            @JsonProperty(value = "sheet", required = true) String sheet,
            @JsonProperty(value = "years", required = true) Years years,
            @JsonProperty("footnote_column") String footnoteColumn,
            @JsonProperty("label_columns") Labels labelColumns,
            @JsonProperty("defaults") Labels defaults,
            @JsonProperty("rows") List<Row> rows,
            @JsonProperty("row_range") String rowRange) {
    }

    /**
     * @param headerRow       the row holding the years above the value columns
     * @param given           the years, one per value column, when the sheet has no year row
     * @param valueColumns    "D:M" or "D,F,H": one column per year
     * @param footnoteColumns the same number of columns, each the footnotes (flag or note) of its year
     */
    public record Years(
            @JsonProperty("header_row") Integer headerRow,
            @JsonProperty("given") List<Integer> given,
            @JsonProperty(value = "value_columns", required = true) String valueColumns,
            @JsonProperty("footnote_columns") String footnoteColumns) {
    }

    /** Labels of a row: the text itself (defaults, rows) or the column holding it (label_columns). */
    public record Labels(
            @JsonProperty("indicator") String indicator,
            @JsonProperty("iccs_code") String iccsCode,
            @JsonProperty("dimension") String dimension,
            @JsonProperty("category") String category,
            @JsonProperty("sex") String sex,
            @JsonProperty("age") String age,
            @JsonProperty("unit") String unit) {

        static final Labels NONE = new Labels(null, null, null, null, null, null, null);

        List<String> all() {
            return java.util.Arrays.asList(indicator, iccsCode, dimension, category, sex, age, unit);
        }

        /** Each label of this, else of {@code under}. */
        Labels over(Labels under) {
            return new Labels(or(indicator, under.indicator), or(iccsCode, under.iccsCode), or(dimension, under.dimension),
                    or(category, under.category), or(sex, under.sex), or(age, under.age), or(unit, under.unit));
        }

        private static String or(String a, String b) {
            return a != null ? a : b;
        }
    }

    /** One row of a block and its labels. */
    public record Row(
            @JsonProperty(value = "row", required = true) Integer row,
            @JsonProperty("indicator") String indicator,
            @JsonProperty("iccs_code") String iccsCode,
            @JsonProperty("dimension") String dimension,
            @JsonProperty("category") String category,
            @JsonProperty("sex") String sex,
            @JsonProperty("age") String age,
            @JsonProperty("unit") String unit) {

        Labels labels() {
            return new Labels(indicator, iccsCode, dimension, category, sex, age, unit);
        }
    }

    /** A cell address on a sheet: 0-based row and column, as POI counts them. */
    public record CellAt(String sheet, int row, int col) {
        @Override
        public String toString() {
            return XlsxCells.name(sheet, row, col);
        }
    }

    /** The template's table with its columns and rows worked out, as the reader uses it. */
    record Block(Table table, int headerRow, List<Integer> valueCols, List<Integer> givenYears,
                 List<Integer> footnoteCols, int footnoteCol, Labels labelCols, int[] labelColIndex,
                 Labels defaults, java.util.Map<Integer, Labels> rows, int firstRow, int lastRow) {

        /** The labels of a listed row, or null when the row is not one of the block's. */
        boolean covers(int row) {
            return rows == null ? row >= firstRow && row <= lastRow : rows.containsKey(row);
        }
    }

    private static final Pattern CELL = Pattern.compile("^(?:'((?:[^']|'')+)'|([^!]+))!\\$?([A-Za-z]{1,3})\\$?([0-9]{1,7})$");
    private static final Pattern COLUMN = Pattern.compile("^[A-Za-z]{1,3}$");
    private static final Pattern RANGE = Pattern.compile("^([0-9]{1,7})\\s*:\\s*([0-9]{1,7})$");

    /**
     * Reads and checks a template file.
     *
     * @throws ReturnFormatException naming the template file, the line and what to fix
     */
    public static QuestionnaireTemplate load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReturnFormatException("Cannot read the questionnaire template " + file + ": " + e.getMessage());
        }
        return parse(bytes, file.toString());
    }

    /** The same for a template's text; {@code source} names it in messages. */
    public static QuestionnaireTemplate parse(byte[] yaml, String source) {
        QuestionnaireTemplate t;
        try {
            t = StrictYaml.read(yaml, QuestionnaireTemplate.class, source);
        } catch (StrictYaml.Problem e) {
            throw new ReturnFormatException("Questionnaire template " + e.getMessage());
        }
        if (t == null) {
            throw new ReturnFormatException("Questionnaire template " + source + " is empty.");
        }
        List<String> problems = t.problems(new String(yaml, StandardCharsets.UTF_8).split("\\R", -1), source);
        if (!problems.isEmpty()) {
            throw new ReturnFormatException("Questionnaire template " + source + " is wrong:\n  - " + String.join("\n  - ", problems));
        }
        return t;
    }

    /** Every problem of the template's content, each with the line of the key it is about. */
    private List<String> problems(String[] lines, String source) {
        List<String> p = new ArrayList<>();
        if (country.cell() == null == (country.code() == null)) {
            p.add(at(lines, "country", null) + "country: give either cell (e.g. \"Table1!C3\") or code (e.g. \"NZL\"), not both or neither");
        } else if (country.cell() != null && cell(country.cell()) == null) {
            p.add(at(lines, "cell", country.cell()) + "country.cell '" + country.cell() + "' is not a cell such as \"Table1!C3\"");
        }
        if (tables.isEmpty()) {
            p.add(at(lines, "tables", null) + "tables: name at least one table");
        }
        for (int i = 0; i < tables.size(); i++) {
            Table tb = tables.get(i);
            String where = "tables[" + i + "] (sheet " + tb.sheet() + "): ";
            List<Integer> values = columns(tb.years().valueColumns());
            if (values == null) {
                p.add(at(lines, "value_columns", tb.years().valueColumns()) + where + "years.value_columns '"
                        + tb.years().valueColumns() + "' is not a column range such as \"D:M\" or a list such as \"D,F,H\"");
                continue;
            }
            if (tb.years().headerRow() == null == (tb.years().given() == null)) {
                p.add(at(lines, "years", null) + where + "years: give either header_row (the row with the years) or given (the years), not both or neither");
            } else if (tb.years().given() != null && tb.years().given().size() != values.size()) {
                p.add(at(lines, "given", null) + where + "years.given has " + tb.years().given().size() + " years but value_columns has "
                        + values.size() + " columns");
            } else if (tb.years().headerRow() != null && tb.years().headerRow() < 1) {
                p.add(at(lines, "header_row", null) + where + "years.header_row must be 1 or more");
            }
            if (tb.years().footnoteColumns() != null) {
                List<Integer> notes = columns(tb.years().footnoteColumns());
                if (notes == null || notes.size() != values.size()) {
                    p.add(at(lines, "footnote_columns", tb.years().footnoteColumns()) + where + "years.footnote_columns '"
                            + tb.years().footnoteColumns() + "' must name as many columns as value_columns (" + values.size() + ")");
                }
            }
            if (tb.footnoteColumn() != null && !COLUMN.matcher(tb.footnoteColumn().strip()).matches()) {
                p.add(at(lines, "footnote_column", tb.footnoteColumn()) + where + "footnote_column '" + tb.footnoteColumn() + "' is not a column letter");
            }
            if (tb.labelColumns() != null) {
                for (String c : tb.labelColumns().all()) {
                    if (c != null && !COLUMN.matcher(c.strip()).matches()) {
                        p.add(at(lines, null, c) + where + "label_columns: '" + c + "' is not a column letter such as \"B\"");
                    }
                }
            }
            if (tb.rows() == null == (tb.rowRange() == null)) {
                p.add(at(lines, "sheet", tb.sheet()) + where + "give either rows (each with its labels) or row_range (labels from label_columns), not both or neither");
                continue;
            }
            int first = Integer.MAX_VALUE;
            if (tb.rowRange() != null) {
                Matcher m = RANGE.matcher(tb.rowRange().strip());
                if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
                    p.add(at(lines, "row_range", tb.rowRange()) + where + "row_range '" + tb.rowRange() + "' is not a range of rows such as \"7:40\"");
                    continue;
                }
                if (tb.labelColumns() == null && tb.defaults() == null) {
                    p.add(at(lines, "row_range", tb.rowRange()) + where + "row_range needs label_columns or defaults to say what its rows are");
                }
                first = Integer.parseInt(m.group(1));
            } else {
                Set<Integer> seen = new HashSet<>();
                for (Row r : tb.rows()) {
                    if (r.row() < 1 || !seen.add(r.row())) {
                        p.add(at(lines, "row", String.valueOf(r.row())) + where + "row " + r.row()
                                + (r.row() < 1 ? " is not a row number" : " is listed twice"));
                    }
                    first = Math.min(first, r.row());
                }
                if (tb.rows().isEmpty()) {
                    p.add(at(lines, "rows", null) + where + "rows: list at least one row");
                }
            }
            if (tb.years().headerRow() != null && tb.years().headerRow() >= first) {
                p.add(at(lines, "header_row", null) + where + "years.header_row " + tb.years().headerRow()
                        + " must be above the first data row (" + first + ")");
            }
        }
        return p.stream().map(s -> source + s).toList();
    }

    /** " line N: " of the first line with the key (and value, when given), else ": ". */
    private static String at(String[] lines, String key, String value) {
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if ((key == null || l.matches("^[\\s-]*" + Pattern.quote(key) + "\\s*:.*")) && (value == null || l.contains(value))) {
                return " line " + (i + 1) + ": ";
            }
        }
        return ": ";
    }

    /** The blocks with their columns and rows as 0-based indexes; the template has been checked. */
    List<Block> blocks() {
        List<Block> out = new ArrayList<>();
        for (Table tb : tables) {
            List<Integer> values = columns(tb.years().valueColumns());
            List<Integer> notes = tb.years().footnoteColumns() == null ? null : columns(tb.years().footnoteColumns());
            int footnote = tb.footnoteColumn() == null ? -1 : XlsxCells.column(tb.footnoteColumn().strip());
            Labels labelCols = tb.labelColumns() == null ? Labels.NONE : tb.labelColumns();
            int[] labelIdx = labelCols.all().stream().mapToInt(c -> c == null ? -1 : XlsxCells.column(c.strip())).toArray();
            Labels defaults = tb.defaults() == null ? Labels.NONE : tb.defaults();
            java.util.Map<Integer, Labels> rows = null;
            int first;
            int last;
            if (tb.rows() != null) {
                rows = new java.util.HashMap<>();
                for (Row r : tb.rows()) {
                    rows.put(r.row() - 1, r.labels());
                }
                first = rows.keySet().stream().mapToInt(Integer::intValue).min().orElse(0);
                last = rows.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            } else {
                Matcher m = RANGE.matcher(tb.rowRange().strip());
                m.matches();
                first = Integer.parseInt(m.group(1)) - 1;
                last = Integer.parseInt(m.group(2)) - 1;
            }
            out.add(new Block(tb, tb.years().headerRow() == null ? -1 : tb.years().headerRow() - 1, values,
                    tb.years().given(), notes, footnote, labelCols, labelIdx, defaults, rows, first, last));
        }
        return out;
    }

    /** The country cell, or null when the country is given as a code. */
    CellAt countryCell() {
        return country.cell() == null ? null : cell(country.cell());
    }

    /** The sheets the template reads, in the order of its tables, without repeats. */
    public List<String> sheets() {
        List<String> s = new ArrayList<>();
        tables.forEach(t -> {
            if (!s.contains(t.sheet())) {
                s.add(t.sheet());
            }
        });
        CellAt c = countryCell();
        if (c != null && !s.contains(c.sheet())) {
            s.add(c.sheet());
        }
        return s;
    }

    /** "Table1!C3" or "'My sheet'!C3" as a cell, or null when it is not one. */
    static CellAt cell(String ref) {
        Matcher m = CELL.matcher(ref.strip());
        if (!m.matches()) {
            return null;
        }
        String sheet = m.group(1) != null ? m.group(1).replace("''", "'") : m.group(2);
        return new CellAt(sheet, Integer.parseInt(m.group(4)) - 1, XlsxCells.column(m.group(3)));
    }

    /** "D:M" (inclusive) or "D,F,H" as 0-based column indexes; null when it is neither. */
    static List<Integer> columns(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        String s = spec.strip().toUpperCase(Locale.ROOT);
        List<Integer> out = new ArrayList<>();
        if (s.contains(":")) {
            String[] ends = s.split(":", -1);
            if (ends.length != 2 || !COLUMN.matcher(ends[0].strip()).matches() || !COLUMN.matcher(ends[1].strip()).matches()) {
                return null;
            }
            int a = XlsxCells.column(ends[0].strip());
            int b = XlsxCells.column(ends[1].strip());
            if (a > b) {
                return null;
            }
            for (int c = a; c <= b; c++) {
                out.add(c);
            }
            return out;
        }
        for (String part : s.split(",")) {
            if (!COLUMN.matcher(part.strip()).matches()) {
                return null;
            }
            out.add(XlsxCells.column(part.strip()));
        }
        return out;
    }
}
