package org.uncts.cts.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A survey-run definition as statisticians write it in jobs/*.yml. Paths are relative to the
 * spec file's folder. Read by {@link JobSpecLoader}, which checks it and resolves it into a
 * {@link SurveyRunPlan}.
 *
 * @param schedule when {@code cts schedule} launches the run: a Spring cron expression, six fields
 *                 (second minute hour day-of-month month day-of-week, e.g. "0 0 2 * * *") or a macro
 *                 (@yearly, @monthly, @weekly, @daily, @hourly); optional
 */
public record JobSpec(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "cycle", required = true) String cycle,
        @JsonProperty(value = "reference_years", required = true) Years referenceYears,
        @JsonProperty(value = "inputs", required = true) List<Input> inputs,
        @JsonProperty(value = "reference", required = true) Reference reference,
        @JsonProperty("output") String output,
        @JsonProperty("validation") Validation validation,
        @JsonProperty("schedule") String schedule,
        @JsonProperty("publication") Publication publication) {

    /**
     * Folders of publication definitions added to the shipped ones (a file with the same name as a
     * shipped definition replaces it). Layout: docs/publication.md.
     *
     * @param tables folders of table definitions (*.yml)
     * @param charts folders of chart definitions (*.yml)
     */
    public record Publication(@JsonProperty("tables") List<String> tables, @JsonProperty("charts") List<String> charts) {
    }

    public record Years(@JsonProperty(value = "from", required = true) Integer from,
                        @JsonProperty(value = "to", required = true) Integer to) {
    }

    /**
     * One file or glob (e.g. returns/*.csv), its layout (canonical, dataunodc, sdmx-csv, ...; auto when
     * not given) and how to read it.
     *
     * @param template           questionnaire template (YAML) of an Excel return, relative to the spec
     * @param delimiter          CSV delimiter: ",", ";", "tab" or "|"
     * @param decimalMark        "." or ","
     * @param thousandsSeparator ".", ",", "space", "nbsp" (no-break space) or "none"
     */
    public record Input(@JsonProperty(value = "path", required = true) String path,
                        @JsonProperty("format") String format,
                        @JsonProperty("template") String template,
                        @JsonProperty("delimiter") String delimiter,
                        @JsonProperty("decimal_mark") String decimalMark,
                        @JsonProperty("thousands_separator") String thousandsSeparator) {

        public Input(String path, String format) {
            this(path, format, null, null, null, null);
        }
    }

    /**
     * Optional changes to the validation rules, and the previous vintage to compare with.
     *
     * @param rules           a file of rule overrides and additions (layout of validation/rules.yml)
     * @param overrides       inline overrides, each like a catalogue rule; applied after the file.
     *                        Read again with their lines by the loader, so only the shape is bound here
     * @param previousVintage the previous run's output folder (observations/**&#47;*.parquet), or a
     *                        .parquet or .csv file of observations
     */
    public record Validation(
            @JsonProperty("rules") String rules,
            @JsonProperty("overrides") List<java.util.Map<String, Object>> overrides,
            @JsonProperty("previous_vintage") String previousVintage) {
    }

    /**
     * The reference files.
     *
     * @param population        population files (World Bank, simple or UN WPP layout), combined
     * @param populationEdition what the population figures are, e.g. "WPP 2024": recorded with
     *                          every denominator published; optional
     */
    public record Reference(
            @JsonProperty(value = "countries", required = true) List<String> countries,
            @JsonProperty("population") List<String> population,
            @JsonProperty("population_edition") String populationEdition,
            @JsonProperty("crime_codes") String crimeCodes,
            @JsonProperty("indicators") String indicators) {
    }
}
