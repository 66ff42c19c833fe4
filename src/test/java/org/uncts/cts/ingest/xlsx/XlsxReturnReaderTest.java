package org.uncts.cts.ingest.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.ingest.ReadOptions;
import org.uncts.cts.ingest.ReturnFormatException;
import org.uncts.cts.ingest.ReturnReader;
import org.uncts.cts.ingest.ReturnReaders;
import org.uncts.cts.model.Observation;
import org.uncts.cts.model.RawObservation;
import org.uncts.cts.reference.ReferenceData;
import org.uncts.cts.run.RunResources;
import org.uncts.cts.spec.JobSpecLoader;
import org.uncts.cts.spec.SurveyRunPlan;
import org.uncts.cts.validate.RowOutcome;
import org.uncts.cts.validate.RowValidator;

/** Excel returns read through the streaming reader and a questionnaire template. */
class XlsxReturnReaderTest {

    static final Path SAMPLE_XLSX = Path.of("sample-data/returns-xlsx/cts2025_homicide_PRT.xlsx");
    static final Path SAMPLE_TWIN = Path.of("sample-data/returns-xlsx/cts2025_homicide_PRT_twin.csv");
    static final Path SAMPLE_TEMPLATE = Path.of("sample-data/templates/cts-homicide-v1.yml");

    static RowValidator validator;

    @TempDir
    Path dir;

    @BeforeAll
    static void reference() {
        SurveyRunPlan plan = JobSpecLoader.load(Path.of("jobs/sample-cycle.yml"));
        ReferenceData ref = RunResources.loadReference(plan);
        validator = new RowValidator(ref, plan.years(), 1, plan.rules());
    }

    Path template(String yaml) throws Exception {
        Path t = dir.resolve("template.yml");
        Files.writeString(t, yaml, StandardCharsets.UTF_8);
        return t;
    }

    /** Every field of an accepted observation that a return decides, as one comparable line. */
    static String fields(Observation o) {
        return String.join("|", o.countryIso3(), String.valueOf(o.year()), o.indicator(), o.iccsCode(), o.dimension(),
                o.category(), String.valueOf(o.sex()), o.age(), String.valueOf(o.unit()), String.valueOf(o.value()),
                String.valueOf(o.status()), String.valueOf(o.flag()), String.valueOf(o.note()));
    }

    static List<RowOutcome> validate(List<RawObservation> rows) {
        return rows.stream().map(validator::validate).toList();
    }

    @Test
    void sampleWorkbookGivesTheSameObservationsAsItsCsvTwin() {
        List<RowOutcome> xlsx = validate(XlsxFixtures.readAll(SAMPLE_XLSX, SAMPLE_TEMPLATE));
        List<RowOutcome> csv;
        try (ReturnReader r = ReturnReaders.open(InputFile.inspect(SAMPLE_TWIN), "twin.csv", null, ReadOptions.NONE)) {
            List<RawObservation> rows = new java.util.ArrayList<>();
            for (RawObservation o; (o = r.next()) != null; ) {
                rows.add(o);
            }
            csv = validate(rows);
        }
        assertThat(xlsx).hasSize(70).allMatch(RowOutcome::accepted, "accepted");
        assertThat(csv).hasSize(70).allMatch(RowOutcome::accepted, "accepted");
        Function<RowOutcome, String> f = o -> fields(o.observation());
        assertThat(xlsx.stream().map(f).toList()).containsExactlyElementsOf(csv.stream().map(f).toList());
        // flags and notes from footnote columns, a footnote "e: text", comments and the row's note column
        assertThat(xlsx.stream().map(f)).contains("PRT|2015|victims_intentional_homicide|0101|by mechanism|Unspecified means"
                + "|TOTAL|_T|COUNT|" + (double) SampleQuestionnaire.mechanism(3, 0) + "|E|e|estimated from partial police records");
        assertThat(xlsx.get(xlsx.size() - 1).raw().flag()).isEqualTo("p");
    }

    @Test
    void provenanceIsTheExcelRowAndRawTextNamesSheetAndCell() {
        List<RawObservation> rows = XlsxFixtures.readAll(SAMPLE_XLSX, SAMPLE_TEMPLATE);
        RawObservation first = rows.get(0);
        assertThat(first.provenance().line()).isEqualTo(6);
        assertThat(first.rawText()).startsWith("Table1!D6=118 (=D7+D8); year 2015 (Table1!D5); country PRT (Table1!C3)");
        // labels of merged cells (A6:A8 Total, A10:A13 by mechanism) reach every row of the region
        assertThat(rows).filteredOn(r -> r.provenance().line() == 8).allMatch(r -> "Total".equals(r.dimension())
                && "Total".equals(r.category()) && "Female".equals(r.sex()));
        assertThat(rows).filteredOn(r -> r.provenance().line() == 12).allMatch(r -> "by mechanism".equals(r.dimension()));
        // the comment "e" on G12 is a flag; the comment on H6 a note; the hidden sheet Notes is not read
        assertThat(rows).filteredOn(r -> r.provenance().line() == 12 && r.year().equals("2018")).singleElement()
                .satisfies(r -> assertThat(r.flag()).isEqualTo("e"));
        assertThat(rows).filteredOn(r -> r.provenance().line() == 6 && r.year().equals("2019")).singleElement()
                .satisfies(r -> assertThat(r.note()).contains("Setubal"));
        assertThat(rows).noneMatch(r -> r.rawText().contains("Notes!") || "655".equals(r.value()));
        try (ReturnReader r = ReturnReaders.open(InputFile.inspect(SAMPLE_XLSX), "x.xlsx", null,
                new ReadOptions(SAMPLE_TEMPLATE, null, null, null))) {
            assertThat(r.format()).isEqualTo("xlsx");
        }
    }

    @Test
    void hiddenSheetNamedByTheTemplateIsRead() throws Exception {
        Path t = template("""
                name: notes
                country: {code: PRT}
                tables:
                  - sheet: Notes
                    years: {given: [2024], value_columns: "A"}
                    rows: [{row: 3, indicator: victims_intentional_homicide, iccs_code: "0101"}]
                """);
        List<RawObservation> rows = XlsxFixtures.readAll(SAMPLE_XLSX, t);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo("655");
            assertThat(r.rawText()).startsWith("Notes!A3=655");
        });
    }

    @Test
    void formulaWithCachedValueIsReadAndWithoutOneIsARejectedRow() throws Exception {
        Path x = dir.resolve("f.xlsx");
        XlsxFixtures.small(x, new Object[][] {{"Total", "=B3+10", 798}, {"Male", 640, "=C3*0+622"}}, false);
        // POI leaves B2 without a result; give C3 one, as Excel would have stored it
        Path cached = dir.resolve("f2.xlsx");
        XlsxFixtures.rewrite(x, cached, "xl/worksheets/sheet1.xml", s -> s.replace("<f>C3*0+622</f>", "<f>C3*0+622</f><v>622</v>"));
        List<RawObservation> rows = XlsxFixtures.readAll(cached, template(XlsxFixtures.TEMPLATE));
        assertThat(rows).hasSize(4);
        RawObservation b2 = rows.get(0);
        assertThat(b2.readProblem().message()).startsWith("Data!B2: a formula (=B3+10) without a stored result");
        assertThat(b2.readProblem().field()).isEqualTo("value");
        assertThat(b2.provenance().cell()).isEqualTo("Data!B2");
        assertThat(b2.provenance().line()).isEqualTo(2);
        assertThat(validator.validate(b2).accepted()).isFalse();
        assertThat(rows.get(3).value()).isEqualTo("622");
        assertThat(rows.get(3).readProblem()).isNull();
        assertThat(rows.get(3).rawText()).contains("(=C3*0+622)");
        long accepted = validate(rows).stream().filter(RowOutcome::accepted).count();
        assertThat(accepted + validate(rows).stream().filter(o -> !o.accepted()).count()).isEqualTo(rows.size());
        assertThat(accepted).isEqualTo(3);
    }

    @Test
    void dateWhereANumberOrAYearBelongsIsARejectedRow() throws Exception {
        Path x = dir.resolve("d.xlsx");
        XlsxFixtures.small(x, new Object[][] {{"Total", 812, 798}, {"Male", 640, 622}}, true);
        List<RawObservation> rows = XlsxFixtures.readAll(x, template(XlsxFixtures.TEMPLATE));
        assertThat(rows.get(0).readProblem()).isEqualTo(new RawObservation.ReadProblem("value",
                "Data!B2: a date (1902-03-22), not a year/number. Format the cell as Number and type the figure (or the year)."));
        assertThat(rows.get(0).provenance().cell()).isEqualTo("Data!B2");
        assertThat(rows.get(1).readProblem()).isNull();
        assertThat(validate(rows).stream().filter(RowOutcome::accepted).count()).isEqualTo(2);
        // a date in the year header: every figure of that column is rejected, naming the header cell
        Path h = dir.resolve("h.xlsx");
        XlsxFixtures.rewrite(x, h, "xl/worksheets/sheet1.xml", s -> s.replaceFirst("<c r=\"C1\"[^>]*>", "<c r=\"C1\" s=\"1\">"));
        RawObservation c2 = XlsxFixtures.readAll(h, template(XlsxFixtures.TEMPLATE)).get(1);
        assertThat(c2.readProblem().message()).startsWith("Data!C2: the year header Data!C1 is a date (");
        // the field at fault is the year; the row stays located at its own value cell
        assertThat(c2.readProblem().field()).isEqualTo("year");
        assertThat(c2.provenance().cell()).isEqualTo("Data!C2");
    }

    @Test
    void zipBombIsRefusedNamingTheLimit() throws Exception {
        Path base = dir.resolve("b.xlsx");
        XlsxFixtures.small(base, new Object[][] {{"Total", 812, 798}}, false);
        Path bomb = dir.resolve("bomb.xlsx");
        XlsxFixtures.zipBomb(base, bomb, 24);
        assertThat(Files.size(bomb)).isLessThan(200_000);
        assertThatThrownBy(() -> XlsxFixtures.readAll(bomb, template(XlsxFixtures.TEMPLATE)))
                .isInstanceOf(ReturnFormatException.class)
                .hasMessageContaining("bomb.xlsx: sheet 'Data' exceeds the minimum inflate ratio 0.01")
                .hasMessageContaining("zip bomb");
    }

    @Test
    void externalEntityIsNeverResolved() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        Path base = dir.resolve("b.xlsx");
        XlsxFixtures.small(base, new Object[][] {{"Total", 812, 798}}, false);
        Path xxe = dir.resolve("xxe.xlsx");
        XlsxFixtures.xxe(base, xxe, secret);
        assertThat(new String(Files.readAllBytes(xxe), StandardCharsets.ISO_8859_1)).doesNotContain("TOP-SECRET");
        assertThatThrownBy(() -> XlsxFixtures.readAll(xxe, template(XlsxFixtures.TEMPLATE)))
                .isInstanceOf(ReturnFormatException.class)
                .hasMessageContaining("xxe.xlsx: sheet 'Data' has an XML DOCTYPE declaration")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void workbookWithoutTemplateAndTemplateWithoutWorkbookAreFileErrors() throws Exception {
        assertThatThrownBy(() -> ReturnReaders.open(InputFile.inspect(SAMPLE_XLSX), "gbr.xlsx", null, ReadOptions.NONE))
                .isInstanceOf(ReturnFormatException.class).hasMessageContaining("gbr.xlsx is an Excel workbook")
                .hasMessageContaining("template:");
        assertThatThrownBy(() -> ReturnReaders.open(InputFile.inspect(SAMPLE_TWIN), "twin.csv", null,
                new ReadOptions(SAMPLE_TEMPLATE, null, null, null)))
                .isInstanceOf(ReturnFormatException.class).hasMessageContaining("is not an Excel .xlsx workbook");
        Path t = template(XlsxFixtures.TEMPLATE.replace("sheet: Data", "sheet: Tabelle1"));
        assertThatThrownBy(() -> XlsxFixtures.readAll(SAMPLE_XLSX, t))
                .isInstanceOf(ReturnFormatException.class)
                .hasMessageContaining("has no sheet 'Tabelle1'").hasMessageContaining("Its sheets are: Table1, Notes");
    }

    @Test
    void blankCountryCellIsAFileError() throws Exception {
        Path t = template(SampleTemplate.text().replace("Table1!C3", "Table1!C4"));
        assertThatThrownBy(() -> XlsxFixtures.readAll(SAMPLE_XLSX, t)).isInstanceOf(ReturnFormatException.class)
                .hasMessageContaining("the country cell Table1!C4 is blank");
    }

    /** The shipped template's text. */
    static final class SampleTemplate {
        static String text() throws Exception {
            return Files.readString(SAMPLE_TEMPLATE);
        }
    }
}
