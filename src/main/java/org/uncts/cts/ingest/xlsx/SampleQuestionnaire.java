package org.uncts.cts.ingest.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the sample Excel return of the sample cycle, {@code cts2025_homicide_PRT.xlsx} (laid out
 * as sample-data/templates/cts-homicide-v1.yml reads it), and its CSV twin in the canonical layout
 * with the same observations, which the tests compare. Figures are invented (Portugal, about 1 victim
 * per 100,000); male + female = total and the mechanisms add up to the total.
 *
 * <pre>  ./mvnw -q -o compile exec:java -Dexec.mainClass=org.uncts.cts.ingest.xlsx.SampleQuestionnaire -Dexec.args=sample-data/returns-xlsx</pre>
 * or {@code java -cp target/classes:$(cat target/classpath) ...}; see docs/input-formats.md.
 */
public final class SampleQuestionnaire {

    static final String COUNTRY = "PRT";
    static final int FIRST_YEAR = 2015;
    static final int YEARS = 10;

    static final int[] MALE = {73, 64, 61, 58, 55, 57, 53, 54, 52, 51};
    static final int[] FEMALE = {45, 40, 38, 35, 34, 35, 32, 33, 32, 31};
    static final String[] MECHANISMS = {"Firearms or explosives", "Another weapon", "Without a weapon/ other Mechanism",
        "Unspecified means"};
    /** Shares of the total for the first three mechanisms, in thousandths; unspecified means takes the rest. */
    static final int[] SHARES = {240, 350, 260};

    /** One figure of the workbook and of its twin. */
    record Obs(int excelRow, int year, String dimension, String category, String sex, int value, String flag, String note) {
    }

    private SampleQuestionnaire() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-data/returns-xlsx");
        Files.createDirectories(dir);
        List<Obs> obs = observations();
        write(dir.resolve("cts2025_homicide_" + COUNTRY + ".xlsx"), obs);
        writeTwin(dir.resolve("cts2025_homicide_" + COUNTRY + "_twin.csv"), obs);
        System.out.println("Wrote " + obs.size() + " observations to " + dir);
    }

    static int total(int y) {
        return MALE[y] + FEMALE[y];
    }

    static int mechanism(int m, int y) {
        if (m < 3) {
            return Math.round(total(y) * SHARES[m] / 1000f);
        }
        return total(y) - mechanism(0, y) - mechanism(1, y) - mechanism(2, y);
    }

    /** The figures in workbook order (Excel row, then year), with the flags and notes the workbook gives them. */
    static List<Obs> observations() {
        List<Obs> out = new ArrayList<>();
        String[] sexes = {"Total", "Male", "Female"};
        for (int s = 0; s < 3; s++) {
            for (int y = 0; y < YEARS; y++) {
                int v = s == 0 ? total(y) : s == 1 ? MALE[y] : FEMALE[y];
                String note = s == 0 && y == 4 ? "includes the 3 victims of a single incident in Setubal" : null;
                out.add(new Obs(6 + s, FIRST_YEAR + y, "Total", "Total", sexes[s], v, y == 9 ? "p" : null, note));
            }
        }
        for (int m = 0; m < 4; m++) {
            for (int y = 0; y < YEARS; y++) {
                String flag = y == 9 ? "p" : m == 3 && y == 0 ? "e" : m == 2 && y == 3 ? "e" : null;
                String note = m == 3 && y == 0 ? "estimated from partial police records"
                        : m == 0 ? "firearms include air weapons" : null;
                out.add(new Obs(10 + m, FIRST_YEAR + y, "by mechanism", MECHANISMS[m], "Total", mechanism(m, y), flag, note));
            }
        }
        return out;
    }

    static void write(Path file, List<Obs> obs) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.getProperties().getCoreProperties().setCreated(java.util.Optional.of(java.util.Date.from(java.time.Instant.parse("2025-06-30T00:00:00Z"))));
            Sheet t = wb.createSheet("Table1");
            CreationHelper help = wb.getCreationHelper();
            Drawing<?> drawing = t.createDrawingPatriarch();
            cell(t, 0, 0, "UN-CTS 2025, Table 1: Victims of intentional homicide (counts), by sex and by mechanism");
            t.addMergedRegion(new CellRangeAddress(0, 0, 0, 23)); // the title, merged across the table
            cell(t, 2, 0, "Country (ISO3 code):");
            cell(t, 2, 2, COUNTRY);
            cell(t, 4, 0, "Dimension");
            cell(t, 4, 1, "Category");
            cell(t, 4, 2, "Sex");
            for (int y = 0; y < YEARS; y++) {
                t.getRow(4).createCell(3 + y).setCellValue(FIRST_YEAR + y);
                cell(t, 4, 13 + y, "Footnote " + (FIRST_YEAR + y));
            }
            cell(t, 4, 23, "Notes");
            // labels: the dimension and the "Total" category are merged cells over their rows
            cell(t, 5, 0, "Total");
            t.addMergedRegion(new CellRangeAddress(5, 7, 0, 0));
            cell(t, 5, 1, "Total");
            t.addMergedRegion(new CellRangeAddress(5, 7, 1, 1));
            cell(t, 5, 2, "Total");
            cell(t, 6, 2, "Male");
            cell(t, 7, 2, "Female");
            cell(t, 9, 0, "by mechanism");
            t.addMergedRegion(new CellRangeAddress(9, 12, 0, 0));
            for (int m = 0; m < 4; m++) {
                cell(t, 9 + m, 1, MECHANISMS[m]);
                cell(t, 9 + m, 2, "Total");
            }
            cell(t, 9, 23, "firearms include air weapons");
            for (Obs o : obs) {
                int r = o.excelRow() - 1;
                int c = 3 + o.year() - FIRST_YEAR;
                Row row = t.getRow(r) == null ? t.createRow(r) : t.getRow(r);
                if (o.excelRow() == 6) {
                    // the total is a formula over the sexes; POI stores its result below, as Excel would
                    String col = XlsxCells.letters(c);
                    row.createCell(c).setCellFormula(col + "7+" + col + "8");
                } else {
                    row.createCell(c).setCellValue(o.value());
                }
                if ("p".equals(o.flag())) {
                    row.createCell(13 + o.year() - FIRST_YEAR).setCellValue("p");
                }
            }
            // footnote with a flag and its explanation; a flag given as a comment; a note as a comment
            cell(t, 12, 13, "e: estimated from partial police records");
            comment(t, drawing, help, 11, 3 + 3, "e");
            comment(t, drawing, help, 5, 3 + 4, "includes the 3 victims of a single incident in Setubal");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();

            Sheet notes = wb.createSheet("Notes");
            cell(notes, 0, 0, "Internal notes of the focal point (hidden sheet, not read)");
            cell(notes, 1, 0, "Draft figure for 2024 before revision:");
            notes.createRow(2).createCell(0).setCellValue(655);
            wb.setSheetHidden(wb.getSheetIndex(notes), true);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private static void cell(Sheet s, int r, int c, String text) {
        Row row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
        row.createCell(c).setCellValue(text);
    }

    private static void comment(Sheet s, Drawing<?> drawing, CreationHelper help, int r, int c, String text) {
        ClientAnchor anchor = help.createClientAnchor();
        anchor.setCol1(c);
        anchor.setCol2(c + 3);
        anchor.setRow1(r);
        anchor.setRow2(r + 3);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(help.createRichTextString(text));
        comment.setAuthor("NSO focal point");
        s.getRow(r).getCell(c).setCellComment(comment);
    }

    static void writeTwin(Path file, List<Obs> obs) throws IOException {
        StringBuilder sb = new StringBuilder("country,year,indicator,iccs_code,dimension,category,sex,age,unit,value,flag,note\n");
        for (Obs o : obs) {
            sb.append(COUNTRY).append(',').append(o.year()).append(",victims_intentional_homicide,0101,")
                    .append(o.dimension()).append(',').append(o.category()).append(',').append(o.sex())
                    .append(",Total,Counts,").append(o.value()).append(',').append(o.flag() == null ? "" : o.flag()).append(',')
                    .append(o.note() == null ? "" : o.note().contains(",") ? "\"" + o.note() + "\"" : o.note()).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }
}
