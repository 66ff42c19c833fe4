package org.uncts.cts.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.uncts.cts.ingest.ReadOptions;

/**
 * XLSX returns through {@link org.uncts.cts.ingest.ReturnReaders#open} with a questionnaire
 * template, the way a job spec declares them (oracle: {@link ReaderOracle}).
 *
 * <p>A file starting as a ZIP goes to the XLSX reader (anything else to the CSV reader, which must
 * then refuse it cleanly). {@link #TEMPLATE} is a template the reader accepts, and
 * {@link #workbookCells} fills the sheet and cells that template names (docs/fuzzing.md).
 */
class XlsxReturnFuzzTest {

    private static final String NAME = "returns/fuzz-input.xlsx";
    /** A minimal questionnaire template, shipped with the seeds. */
    private static final String TEMPLATE = "xlsx-template.yml";
    /** The sheet the template maps; its row 1 holds the years of columns B and C, rows 2-3 the values. */
    private static final String SHEET = "Data";
    private static final String[] HEADER = {"label", "2019", "2020"};

    private static Path template;

    /** Arbitrary bytes as a workbook: the ZIP and XML layers of POI, and what the reader makes of them. */
    @FuzzTest(maxDuration = "60s")
    void workbookBytes(byte[] data) {
        Path file = ReaderOracle.write("fuzz-input.xlsx", data);
        ReaderOracle.readAll(file, NAME, null, options());
    }

    /**
     * A valid workbook built with POI whose cells hold fuzzer-chosen strings, numbers, booleans or
     * nothing: what a focal point can actually type into a questionnaire.
     */
    @FuzzTest(maxDuration = "60s")
    void workbookCells(FuzzedDataProvider data) {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(SHEET);
            // the header as the template expects it, unless the fuzzer overwrites it below
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue(HEADER[0]);
            for (int c = 1; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(Integer.parseInt(HEADER[c])); // years as numbers, as Excel stores them
            }
            int rows = data.consumeInt(1, 12);
            for (int r = data.consumeInt(0, 1); r <= rows && data.remainingBytes() > 0; r++) {
                Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
                for (int c = 0; c < HEADER.length + 2 && data.remainingBytes() > 0; c++) {
                    fill(row.createCell(c), data);
                }
            }
            wb.write(out);
            bytes = out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot build the workbook", e);
        }
        Path file = ReaderOracle.write("fuzz-input.xlsx", bytes);
        ReaderOracle.readAll(file, NAME, null, options());
    }

    private static void fill(Cell cell, FuzzedDataProvider data) {
        switch (data.consumeInt(0, 4)) {
            case 0 -> cell.setCellValue(data.consumeString(40));
            case 1 -> cell.setCellValue(data.consumeDouble()); // NaN and infinities included
            case 2 -> cell.setCellValue(data.consumeInt(-1, 100_000));
            case 3 -> cell.setCellValue(data.consumeBoolean());
            default -> cell.setBlank();
        }
    }

    private static ReadOptions options() {
        if (template == null) {
            try (InputStream in = XlsxReturnFuzzTest.class.getResourceAsStream(TEMPLATE)) {
                template = ReaderOracle.write(TEMPLATE, in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot copy the template", e);
            }
        }
        return new ReadOptions(template, null, null, null);
    }
}
