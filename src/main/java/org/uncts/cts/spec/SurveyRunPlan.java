package org.uncts.cts.spec;

import java.nio.file.Path;
import java.util.List;
import org.uncts.cts.ingest.ReadOptions;
import org.uncts.cts.ingest.ReturnLayout;
import org.uncts.cts.validate.ReferenceYears;
import org.uncts.cts.validate.catalogue.RuleCatalogue;

/**
 * A checked job spec with every path resolved and every input file listed: what a survey run
 * will do, known before anything runs.
 *
 * @param rules           the validation rules in force: the shipped catalogue changed by the spec's
 *                        {@code validation.rules} file, then its {@code validation.overrides}; never null
 * @param previousVintage the previous run's output folder, or a .parquet or .csv file of
 *                        observations ({@code validation.previous_vintage}); null when not given
 * @param populationEdition the edition of the population figures ({@code reference.population_edition},
 *                          e.g. "WPP 2024"), recorded with every denominator; null when not given
 * @param schedule        when {@code cts schedule} launches this spec: a Spring cron expression
 *                        (six fields, or a macro such as {@code @daily}), checked at load; null when not given
 * @param tableFolders    folders of publication table definitions added to the shipped ones ({@code publication.tables})
 * @param chartFolders    folders of chart definitions added to the shipped ones ({@code publication.charts})
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
        Path outputDir,
        RuleCatalogue rules,
        Path previousVintage,
        String populationEdition,
        String schedule,
        List<Path> tableFolders,
        List<Path> chartFolders) {

    public SurveyRunPlan {
        rules = rules == null ? RuleCatalogue.builtIn() : rules;
        tableFolders = tableFolders == null ? List.of() : List.copyOf(tableFolders);
        chartFolders = chartFolders == null ? List.of() : List.copyOf(chartFolders);
    }

    /** A plan with the shipped publication definitions only. */
    public SurveyRunPlan(Path specFile, String specSha256, String name, String cycle, ReferenceYears years,
                         List<InputReturn> inputs, List<Path> countryFiles, List<Path> populationFiles,
                         Path crimeCodesFile, Path indicatorsFile, Path outputDir, RuleCatalogue rules,
                         Path previousVintage, String populationEdition, String schedule) {
        this(specFile, specSha256, name, cycle, years, inputs, countryFiles, populationFiles, crimeCodesFile,
                indicatorsFile, outputDir, rules, previousVintage, populationEdition, schedule, List.of(), List.of());
    }

    /** A plan without a schedule. */
    public SurveyRunPlan(Path specFile, String specSha256, String name, String cycle, ReferenceYears years,
                         List<InputReturn> inputs, List<Path> countryFiles, List<Path> populationFiles,
                         Path crimeCodesFile, Path indicatorsFile, Path outputDir, RuleCatalogue rules,
                         Path previousVintage, String populationEdition) {
        this(specFile, specSha256, name, cycle, years, inputs, countryFiles, populationFiles, crimeCodesFile,
                indicatorsFile, outputDir, rules, previousVintage, populationEdition, null);
    }

    /** A plan without a population edition. */
    public SurveyRunPlan(Path specFile, String specSha256, String name, String cycle, ReferenceYears years,
                         List<InputReturn> inputs, List<Path> countryFiles, List<Path> populationFiles,
                         Path crimeCodesFile, Path indicatorsFile, Path outputDir, RuleCatalogue rules,
                         Path previousVintage) {
        this(specFile, specSha256, name, cycle, years, inputs, countryFiles, populationFiles, crimeCodesFile,
                indicatorsFile, outputDir, rules, previousVintage, null);
    }

    /** A plan with the shipped validation rules and no previous vintage. */
    public SurveyRunPlan(Path specFile, String specSha256, String name, String cycle, ReferenceYears years,
                         List<InputReturn> inputs, List<Path> countryFiles, List<Path> populationFiles,
                         Path crimeCodesFile, Path indicatorsFile, Path outputDir) {
        this(specFile, specSha256, name, cycle, years, inputs, countryFiles, populationFiles, crimeCodesFile,
                indicatorsFile, outputDir, RuleCatalogue.builtIn(), null, null);
    }

    /**
     * This plan on other input files, writing to another output folder: everything else (cycle,
     * reference years and files, rules in force, previous vintage) as the spec says. What
     * {@code cts validate} runs.
     */
    public SurveyRunPlan withInputs(List<InputReturn> otherInputs, Path output) {
        return new SurveyRunPlan(specFile, specSha256, name, cycle, years, List.copyOf(otherInputs), countryFiles,
                populationFiles, crimeCodesFile, indicatorsFile, output.toAbsolutePath().normalize(), rules, previousVintage,
                populationEdition, schedule, tableFolders, chartFolders);
    }

    /**
     * @param displayName the file's path relative to the project folder (the spec folder's parent),
     *                    or absolute when outside it; how findings name the file
     * @param layout      the declared layout, or null to recognise it from the header
     * @param options     what the spec declares about reading the file (template, delimiter, decimal mark...)
     */
    public record InputReturn(Path path, String displayName, ReturnLayout layout, ReadOptions options) {

        public InputReturn {
            options = options == null ? ReadOptions.NONE : options;
        }

        /** An input with nothing declared but its layout. */
        public InputReturn(Path path, String displayName, ReturnLayout layout) {
            this(path, displayName, layout, ReadOptions.NONE);
        }
    }
}
