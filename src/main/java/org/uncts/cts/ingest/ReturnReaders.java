package org.uncts.cts.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.ingest.xlsx.QuestionnaireTemplate;
import org.uncts.cts.ingest.xlsx.XlsxReturnReader;

/** Opens the right reader for a return file: its declared layout and options, else what its content shows. */
public final class ReturnReaders {

    private ReturnReaders() {
    }

    /**
     * An Excel workbook (a ZIP file: .xlsx) is read with its questionnaire template; any other file
     * as CSV.
     *
     * @param layout  the declared layout, or null to recognise it
     * @param options what the job spec declares about reading the file
     * @throws ReturnFormatException when the file cannot be read as a return, naming the file and why
     */
    public static ReturnReader open(InputFile file, String displayName, ReturnLayout layout, ReadOptions options) {
        ReadOptions o = options == null ? ReadOptions.NONE : options;
        byte[] head = head(file);
        if (InputFile.startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            if (o.template() == null) {
                throw new ReturnFormatException(displayName + " is an Excel workbook (or another ZIP file), and Excel returns"
                        + " are read with a questionnaire template: declare the input with `format: xlsx` and"
                        + " `template: <file>.yml` in the job spec (e.g. ../sample-data/templates/cts-homicide-v1.yml),"
                        + " or give --template to cts validate.");
            }
            return new XlsxReturnReader(file, displayName, QuestionnaireTemplate.load(o.template()), o.template().toString());
        }
        if (InputFile.startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ReturnFormatException(displayName + " is an Excel 97-2003 workbook (.xls) or another OLE2 file, which"
                    + " is not read: open it in Excel and save it as an Excel Workbook (.xlsx), or export the CSV return.");
        }
        if (o.template() != null) {
            throw new ReturnFormatException(displayName + " has a questionnaire template (" + o.template().getFileName()
                    + ") but is not an Excel .xlsx workbook (it does not start as a ZIP file). Give the .xlsx file, or"
                    + " drop `template:` and `format: xlsx` for a CSV return.");
        }
        return new ReturnFileReader(file, displayName, layout, o);
    }

    private static byte[] head(InputFile file) {
        try (InputStream in = Files.newInputStream(file.path())) {
            return in.readNBytes(4);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.path() + ": " + e.getMessage(), e);
        }
    }
}
