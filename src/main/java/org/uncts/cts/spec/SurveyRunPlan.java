package org.uncts.cts.spec;

import java.nio.file.Path;
import java.util.List;
import org.uncts.cts.ingest.ReturnLayout;
import org.uncts.cts.validate.ReferenceYears;

/**
 * A checked job spec with every path resolved and every input file listed: what a survey run
 * will do, known before anything runs.
 */
public record SurveyRunPlan(
        Path specFile,
        String specSha256,
        String name,
        String cycle,
        ReferenceYears years,
        List<InputReturn> inputs,
        List<Path> countryFiles,
        List<Path> populationFiles,
        Path crimeCodesFile,
        Path indicatorsFile,
        Path outputDir) {

    /**
     * @param displayName the file's path relative to the project folder (the spec folder's parent),
     *                    or absolute when outside it; how findings name the file
     * @param layout      the declared layout, or null to recognise it from the header
     */
    public record InputReturn(Path path, String displayName, ReturnLayout layout) {
    }
}
