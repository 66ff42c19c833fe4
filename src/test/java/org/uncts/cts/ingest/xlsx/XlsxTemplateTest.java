package org.uncts.cts.ingest.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.ingest.ReturnFormatException;
import org.uncts.cts.spec.JobSpecException;
import org.uncts.cts.spec.JobSpecLoader;

/** Questionnaire templates: strict binding, checks with file and line, and the job spec's format xlsx. */
class XlsxTemplateTest {

    @TempDir
    Path dir;

    static QuestionnaireTemplate parse(String yaml) {
        return QuestionnaireTemplate.parse(yaml.getBytes(StandardCharsets.UTF_8), "t.yml");
    }

    @Test
    void shippedTemplateLoads() {
        QuestionnaireTemplate t = QuestionnaireTemplate.load(Path.of("sample-data/templates/cts-homicide-v1.yml"));
        assertThat(t.name()).isEqualTo("cts-homicide-v1");
        assertThat(t.sheets()).containsExactly("Table1");
        assertThat(t.blocks().get(0).valueCols()).hasSize(10);
    }

    @Test
    void unknownKeyIsRefusedWithFileAndLine() {
        assertThatThrownBy(() -> parse(XlsxFixtures.TEMPLATE.replace("header_row: 1", "header_row: 1\n      first_year: 2020")))
                .isInstanceOf(ReturnFormatException.class)
                .hasMessageContaining("t.yml line 8: unknown key 'first_year'")
                .hasMessageContaining("header_row");
    }

    @Test
    void contentProblemsNameFileAndLine() {
        assertThatThrownBy(() -> parse(XlsxFixtures.TEMPLATE.replace("\"B:C\"", "\"B:C9\"")))
                .isInstanceOf(ReturnFormatException.class)
                .hasMessageContaining("t.yml line 8: tables[0] (sheet Data): years.value_columns 'B:C9' is not a column range");
        assertThatThrownBy(() -> parse(XlsxFixtures.TEMPLATE.replace("code: FRA", "code: FRA\n  cell: \"Data!A1\"")))
                .hasMessageContaining("t.yml line 2: country: give either cell");
        assertThatThrownBy(() -> parse(XlsxFixtures.TEMPLATE.replace("header_row: 1", "header_row: 3")))
                .hasMessageContaining("t.yml line 7: tables[0] (sheet Data): years.header_row 3 must be above the first data row (2)");
        assertThatThrownBy(() -> parse(XlsxFixtures.TEMPLATE.replace("header_row: 1", "given: [2020]")))
                .hasMessageContaining("years.given has 1 years but value_columns has 2 columns");
    }

    @Test
    void columnsAndCells() {
        assertThat(QuestionnaireTemplate.columns("D:F")).containsExactly(3, 4, 5);
        assertThat(QuestionnaireTemplate.columns("D,F,AA")).containsExactly(3, 5, 26);
        assertThat(QuestionnaireTemplate.cell("'My sheet'!$B$2")).isEqualTo(new QuestionnaireTemplate.CellAt("My sheet", 1, 1));
        assertThat(XlsxCells.name("My sheet", 1, 1)).isEqualTo("'My sheet'!B2");
        assertThat(XlsxCells.letters(26)).isEqualTo("AA");
    }

    @Test
    void footnotesAreFlagsNotesOrBoth() {
        assertThat(Footnotes.of("e")).isEqualTo(new Footnotes("e", null));
        assertThat(Footnotes.of("p, b")).isEqualTo(new Footnotes("p, b", null));
        assertThat(Footnotes.of("e: estimated by the ministry")).isEqualTo(new Footnotes("e", "estimated by the ministry"));
        assertThat(Footnotes.of("police data only")).isEqualTo(new Footnotes(null, "police data only"));
        assertThat(Footnotes.commentText("J. Smith:\ne", "J. Smith")).isEqualTo("e");
    }

    @Test
    void jobSpecFormatXlsxNeedsATemplate() throws Exception {
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Path sample = Path.of("sample-data").toAbsolutePath();
        String spec = Files.readString(Path.of("jobs/sample-cycle.yml")).replace("../sample-data", sample.toString());
        Path noTemplate = jobs.resolve("a.yml");
        Files.writeString(noTemplate, spec.replace("inputs:\n", "inputs:\n  - path: " + sample + "/returns-xlsx/*.xlsx\n    format: xlsx\n"));
        assertThatThrownBy(() -> JobSpecLoader.load(noTemplate)).isInstanceOf(JobSpecException.class)
                .hasMessageContaining("has format xlsx but no template: add `template: <file>.yml`");
        Path withTemplate = jobs.resolve("b.yml");
        Files.writeString(withTemplate, spec.replace("inputs:\n", "inputs:\n  - path: " + sample + "/returns-xlsx/*.xlsx\n    format: xlsx\n"
                + "    template: " + sample + "/templates/cts-homicide-v1.yml\n"));
        var in = JobSpecLoader.load(withTemplate).inputs().stream().filter(i -> i.displayName().endsWith(".xlsx")).toList();
        assertThat(in).singleElement().satisfies(i -> {
            assertThat(i.layout()).isNull();
            assertThat(i.options().template()).isNotNull();
        });
    }
}
