package org.uncts.cts.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.ingest.ReturnLayout;
import org.uncts.cts.model.Severity;
import org.uncts.cts.validate.RowRule;
import org.uncts.cts.validate.catalogue.Rule;
import org.uncts.cts.validate.catalogue.RuleCatalogue;

class JobSpecLoaderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(dir.resolve("data/returns/sub"));
        Files.writeString(dir.resolve("data/returns/a.csv"), "x");
        Files.writeString(dir.resolve("data/returns/b.csv"), "x");
        Files.writeString(dir.resolve("data/returns/sub/c.csv"), "x");
        Files.writeString(dir.resolve("data/returns/notes.txt"), "x");
        Files.writeString(dir.resolve("data/countries.csv"), "x");
    }

    private Path spec(String yaml) throws Exception {
        Files.createDirectories(dir.resolve("jobs"));
        Path p = dir.resolve("jobs/test.yml");
        Files.writeString(p, yaml);
        return p;
    }

    private static final String GOOD = """
            name: t
            cycle: UN-CTS 2025
            reference_years: {from: 2015, to: 2024}
            inputs:
              - path: ../data/returns/*.csv
              - path: ../data/returns/**/c.csv
                format: dataunodc
            reference:
              countries: [../data/countries.csv]
            """;

    @Test
    void resolvesGlobsRelativeToTheSpec() throws Exception {
        SurveyRunPlan plan = JobSpecLoader.load(spec(GOOD));
        assertEquals(3, plan.inputs().size());
        assertEquals("data/returns/a.csv", plan.inputs().get(0).displayName());
        assertNull(plan.inputs().get(0).layout());
        assertEquals(ReturnLayout.DATAUNODC, plan.inputs().get(2).layout());
        assertEquals(2015, plan.years().from());
        assertEquals(dir.resolve("out/t").normalize(), plan.outputDir());
        assertEquals(64, plan.specSha256().length());
    }

    @Test
    void unknownKeyIsNamedWithItsLine() throws Exception {
        JobSpecException e = assertThrows(JobSpecException.class, () -> JobSpecLoader.load(spec(GOOD + "outptu: x\n")));
        assertTrue(e.getMessage().contains("unknown key 'outptu'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 10"), e.getMessage());
        assertTrue(e.getMessage().contains("output"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void everyMissingFileIsListedBeforeAnythingRuns() throws Exception {
        String yaml = GOOD.replace("../data/countries.csv", "../data/nope.csv") + "  crime_codes: ../data/iccs.csv\n";
        yaml = yaml.replace("../data/returns/*.csv", "../data/returnz/*.csv");
        String y = yaml;
        JobSpecException e = assertThrows(JobSpecException.class, () -> JobSpecLoader.load(spec(y)));
        assertTrue(e.getMessage().contains("../data/returnz/*.csv matches no file"), e.getMessage());
        assertTrue(e.getMessage().contains("reference.countries: file ../data/nope.csv does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("reference.crime_codes: file ../data/iccs.csv does not exist"), e.getMessage());
    }

    @Test
    void missingRequiredKeyAndBadFormat() throws Exception {
        JobSpecException e = assertThrows(JobSpecException.class,
                () -> JobSpecLoader.load(spec(GOOD.replace("cycle: UN-CTS 2025\n", ""))));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        JobSpecException f = assertThrows(JobSpecException.class,
                () -> JobSpecLoader.load(spec(GOOD.replace("format: dataunodc", "format: xls"))));
        assertTrue(f.getMessage().contains("format 'xls'") && f.getMessage().contains("sdmx-csv, wide, xlsx"), f.getMessage());
        // xlsx is a format, but only with the questionnaire template of the workbook
        JobSpecException g = assertThrows(JobSpecException.class,
                () -> JobSpecLoader.load(spec(GOOD.replace("format: dataunodc", "format: xlsx"))));
        assertTrue(g.getMessage().contains("has format xlsx but no template"), g.getMessage());
    }

    @Test
    void populationFilesAndTheirEdition() throws Exception {
        Files.writeString(dir.resolve("data/pop.csv"), "iso3,year,sex,population\n");
        Files.writeString(dir.resolve("data/wpp.csv"), "ISO3_code,Variant,Time,PopMale,PopFemale,PopTotal\n");
        SurveyRunPlan plan = JobSpecLoader.load(spec(GOOD + """
                  population:
                    - ../data/wpp.csv
                    - ../data/pop.csv
                  population_edition: " WPP 2024 (invented sample) "
                """));
        assertEquals(java.util.List.of(dir.resolve("data/wpp.csv"), dir.resolve("data/pop.csv")), plan.populationFiles());
        assertEquals("WPP 2024 (invented sample)", plan.populationEdition());
        Path other = dir.resolve("elsewhere");
        assertEquals("WPP 2024 (invented sample)", plan.withInputs(java.util.List.of(), other).populationEdition());

        SurveyRunPlan without = JobSpecLoader.load(spec(GOOD + "  population: [../data/pop.csv]\n"));
        assertNull(without.populationEdition(), "the edition is optional");
        assertEquals(1, without.populationFiles().size());
    }

    @Test
    void anEditionNeedsPopulationFilesAndText() throws Exception {
        JobSpecException e = assertThrows(JobSpecException.class,
                () -> JobSpecLoader.load(spec(GOOD + "  population_edition: WPP 2024\n")));
        assertTrue(e.getMessage().contains("reference.population_edition: 'WPP 2024' is given but reference.population"
                + " names no population file"), e.getMessage());
        Files.writeString(dir.resolve("data/pop.csv"), "iso3,year,sex,population\n");
        JobSpecException blank = assertThrows(JobSpecException.class, () -> JobSpecLoader.load(
                spec(GOOD + "  population: [../data/pop.csv]\n  population_edition: \"  \"\n")));
        assertTrue(blank.getMessage().contains("reference.population_edition: give the edition"), blank.getMessage());
    }

    @Test
    void withoutAValidationSectionThePlanHasTheShippedRules() throws Exception {
        SurveyRunPlan plan = JobSpecLoader.load(spec(GOOD));
        assertSame(RuleCatalogue.builtIn(), plan.rules());
        assertNull(plan.previousVintage());
    }

    @Test
    void validationSectionAppliesTheRulesFileThenInlineOverrides() throws Exception {
        Files.createDirectories(dir.resolve("jobs/validation"));
        Files.writeString(dir.resolve("jobs/validation/rules-2025.yml"), """
                rules:
                  - id: year-on-year-change
                    severity: INFO
                    tolerance: {relative: 0.3}
                  - id: same-figure-twice
                    enabled: false
                """);
        Files.createDirectories(dir.resolve("out/prev/observations/year=2020"));
        Files.writeString(dir.resolve("out/prev/observations/year=2020/part-0.parquet"), "x");
        SurveyRunPlan plan = JobSpecLoader.load(spec(GOOD + """
                validation:
                  rules: validation/rules-2025.yml
                  overrides:
                    - id: year-on-year-change
                      tolerance: {relative: 0.4}
                    - id: country-by-name
                      severity: WARNING
                  previous_vintage: ../out/prev
                """));
        Rule yoy = plan.rules().rule("year-on-year-change").orElseThrow();
        assertEquals(0.4, yoy.tolerance().relative(), "inline overrides come after the file");
        assertEquals(Severity.INFO, yoy.severity(), "the file's change stays");
        assertTrue(plan.rules().rule("same-figure-twice").isEmpty());
        assertEquals(Severity.WARNING, plan.rules().severity(RowRule.COUNTRY_BY_NAME));
        assertEquals(dir.resolve("out/prev").normalize(), plan.previousVintage());
    }

    @Test
    void aBadInlineOverrideNamesTheSpecLineRuleAndField() throws Exception {
        Path spec = spec(GOOD + """
                validation:
                  overrides:
                    - id: year-on-year-change
                      tolerance: {relative: -0.4}
                """);
        JobSpecException e = assertThrows(JobSpecException.class, () -> JobSpecLoader.load(spec));
        assertTrue(e.getMessage().contains("validation.overrides: " + spec.toAbsolutePath().normalize()
                + " line 13: rule 'year-on-year-change', field 'tolerance.relative': -0.4 is negative"), e.getMessage());
    }

    @Test
    void missingValidationFilesAreSpecProblemsNamingTheKey() throws Exception {
        JobSpecException e = assertThrows(JobSpecException.class, () -> JobSpecLoader.load(spec(GOOD + """
                validation:
                  rules: validation/nope.yml
                  previous_vintage: ../out/un-cts-2024
                """)));
        assertTrue(e.getMessage().contains("validation.rules: file validation/nope.yml does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("validation.previous_vintage: ../out/un-cts-2024 does not exist"), e.getMessage());

        Files.createDirectories(dir.resolve("out/empty"));
        e = assertThrows(JobSpecException.class, () -> JobSpecLoader.load(spec(GOOD + "validation:\n  previous_vintage: ../out/empty\n")));
        assertTrue(e.getMessage().contains("validation.previous_vintage: folder ../out/empty has no observations/**/*.parquet"),
                e.getMessage());
    }

    @Test
    void aBadRulesFileNamesItsOwnLines() throws Exception {
        Files.createDirectories(dir.resolve("jobs/validation"));
        Path rules = Files.writeString(dir.resolve("jobs/validation/r.yml"), "rules:\n  - id: sum-sex\n    severty: INFO\n");
        JobSpecException e = assertThrows(JobSpecException.class,
                () -> JobSpecLoader.load(spec(GOOD + "validation:\n  rules: validation/r.yml\n")));
        assertTrue(e.getMessage().contains("validation.rules: " + rules.toAbsolutePath().normalize()
                + " line 3: rule 'sum-sex', field 'severty': unknown key"), e.getMessage());
    }

    @Test
    void anUnknownValidationKeyIsNamed() throws Exception {
        JobSpecException e = assertThrows(JobSpecException.class,
                () -> JobSpecLoader.load(spec(GOOD + "validation:\n  previous: x\n")));
        assertTrue(e.getMessage().contains("unknown key 'previous'") && e.getMessage().contains("previous_vintage"), e.getMessage());
    }

    @Test
    void missingSpecFile() {
        JobSpecException e = assertThrows(JobSpecException.class, () -> JobSpecLoader.load(dir.resolve("jobs/none.yml")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
