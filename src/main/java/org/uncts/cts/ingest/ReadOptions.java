package org.uncts.cts.ingest;

import java.nio.file.Path;

/**
 * How to read one input beyond its layout, as the job spec declares it for the input. Every
 * field is optional (null): what is not declared is recognised from the file where that is safe,
 * and never guessed where it is ambiguous.
 *
 * @param template           questionnaire template (YAML) mapping an Excel workbook's sheets and cells
 *                           to indicators, breakdowns and years; needed for XLSX returns
 * @param delimiter          the CSV delimiter (',' ';' tab '|')
 * @param decimalMark        '.' or ','
 * @param thousandsSeparator '.', ',', ' ', no-break space, or none
 */
public record ReadOptions(Path template, Character delimiter, Character decimalMark, Character thousandsSeparator) {

    /** Nothing declared. */
    public static final ReadOptions NONE = new ReadOptions(null, null, null, null);
}
