package org.uncts.cts.ingest.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.ingest.ReadOptions;
import org.uncts.cts.ingest.ReturnReader;
import org.uncts.cts.ingest.ReturnReaders;
import org.uncts.cts.model.RawObservation;

/**
 * Small workbooks for the XLSX tests, and the hostile ones of src/test/resources/hostile (written
 * by {@link #main}: {@code java -cp target/test-classes:target/classes:... XlsxFixtures DIR}).
 */
public final class XlsxFixtures {

    /** The template of every small workbook here: sheet Data, country FRA, years in row 1 over B:C, rows 2-3. */
    public static final String TEMPLATE = """
            name: test-small
            country:
              code: FRA
            tables:
              - sheet: Data
                years:
                  header_row: 1
                  value_columns: "B:C"
                rows:
                  - {row: 2, sex: Total}
                  - {row: 3, sex: Male}
                defaults:
                  indicator: victims_intentional_homicide
                  iccs_code: "0101"
            """;

    private XlsxFixtures() {
    }

    /** A sheet Data: years 2020 and 2021 in B1:C1, and rows 2-3 as given (null leaves a cell blank). */
    static void small(Path file, Object[][] rows, boolean dateStyleOnValues) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Data");
            Row h = s.createRow(0);
            h.createCell(1).setCellValue(2020);
            h.createCell(2).setCellValue(2021);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        var cell = row.createCell(c);
                        cell.setCellValue(n.doubleValue());
                        if (dateStyleOnValues && c == 1) {
                            cell.setCellStyle(date);
                        }
                    } else if (v instanceof String t && t.startsWith("=")) {
                        row.createCell(c).setCellFormula(t.substring(1));
                    } else if (v instanceof String t) {
                        row.createCell(c).setCellValue(t);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    /** Copies a zip, changing one entry's text (and storing every entry compressed). */
    static void rewrite(Path from, Path to, String entry, UnaryOperator<String> change) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            out.setLevel(9);
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    /** A workbook whose sheet XML is padded with whitespace to about {@code mb} MiB: tiny zipped, huge inflated. */
    static void zipBomb(Path base, Path to, int mb) throws IOException {
        String pad = " ".repeat(1 << 20);
        rewrite(base, to, "xl/worksheets/sheet1.xml", xml -> xml.replace("<sheetData>", "<sheetData>" + pad.repeat(mb)));
    }

    /** A workbook whose sheet XML declares an external entity reading {@code secret} and uses it in a cell. */
    static void xxe(Path base, Path to, Path secret) throws IOException {
        rewrite(base, to, "xl/worksheets/sheet1.xml", xml -> xml.replaceFirst("\\?>",
                "?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
                .replaceFirst("<c r=\"B2\"[^>]*>.*?</c>", "<c r=\"B2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c>"));
    }

    /** Every row of a file read with a template. */
    static List<RawObservation> readAll(Path xlsx, Path template) {
        List<RawObservation> rows = new ArrayList<>();
        try (ReturnReader r = ReturnReaders.open(InputFile.inspect(xlsx), xlsx.getFileName().toString(), null,
                new ReadOptions(template, null, null, null))) {
            for (RawObservation o; (o = r.next()) != null; ) {
                rows.add(o);
            }
        }
        return rows;
    }

    /** Writes the hostile XLSX files into DIR (src/test/resources/hostile). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path tmp = Files.createTempFile("base", ".xlsx");
        small(tmp, new Object[][] {{"Total", 812, 798}, {"Male", 640, 622}}, false);
        zipBomb(tmp, dir.resolve("xlsx-zip-bomb.xlsx"), 24);
        xxe(tmp, dir.resolve("xlsx-xxe.xlsx"), Path.of("/etc/passwd"));
        small(dir.resolve("xlsx-formula-no-cache.xlsx"), new Object[][] {{"Total", "=B3+10", 798}, {"Male", 640, 622}}, false);
        small(dir.resolve("xlsx-date-cells.xlsx"), new Object[][] {{"Total", 812, 798}, {"Male", 640, 622}}, true);
        small(dir.resolve("xlsx-without-template.xlsx"), new Object[][] {{"Total", 812, 798}}, false);
        Files.writeString(dir.resolve("xlsx-small.yml"), TEMPLATE);
        Files.delete(tmp);
        System.out.println("Wrote hostile workbooks to " + dir);
    }
}
