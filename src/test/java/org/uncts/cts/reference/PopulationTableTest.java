package org.uncts.cts.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.model.Sex;

class PopulationTableTest {

    @TempDir
    Path dir;

    private static final String WB = "Country Name,Country Code,Year,Value\r\n"
            + "Aruba,ABW,2020,106585\r\n"
            + "\"Bahamas, The\",BHS,2020,393248\r\n"
            + "France,FRA,2019,67388001\r\n"
            + "France,FRA,2020,67601110\r\n"
            + "France,FRA,2021,\r\n"
            + "World,WLD,2020,7854748424\r\n"
            + "\"Korea, Dem. People's Rep.\",PRK,2020,..\r\n";

    @Test
    void readsWorldBankLayoutWithQuotedNamesAggregatesAndGaps() {
        Path file = TestFiles.write(dir, "wb.csv", WB);

        PopulationFile f = PopulationFileReader.read(file);
        PopulationTable t = PopulationTable.of(List.of(f));

        assertThat(f.layout()).isEqualTo(PopulationFileLayout.WORLD_BANK);
        assertThat(f.skippedLines()).containsExactly(6L, 8L);
        assertThat(t.population("BHS", 2020, Sex.TOTAL)).hasValue(393248);
        assertThat(t.population("fra", 2020, Sex.TOTAL)).hasValue(67601110);
        assertThat(t.population("WLD", 2020, Sex.TOTAL)).hasValue(7854748424d);
        assertThat(t.population("FRA", 2021, Sex.TOTAL)).isEmpty();
        assertThat(t.population("FRA", 2020, Sex.FEMALE)).as("World Bank gives totals only").isEmpty();
        assertThat(t.population("PRK", 2020, Sex.TOTAL)).isEmpty();
        assertThat(t.population(null, 2020, Sex.TOTAL)).isEmpty();
        assertThat(t.size()).isEqualTo(5);
    }

    @Test
    void readsSimpleLayoutWithSexCodesOrWords() {
        Path file = TestFiles.write(dir, "pop.csv", "iso3;year;sex;population\n"
                + "GBR_E_W;2020;_T;59719724\n"
                + "GBR_E_W;2020;M;29486311\n"
                + "GBR_E_W;2020;Female;30233413\n"
                + "FRA;2020;total;67601110\n"
                + "FRA;2020;male;32600000.5\n"
                + "FRA;2020;F;35001109.5\n"
                + "FRA;2020;_U;0\n");

        PopulationTable t = PopulationTable.load(List.of(file));

        assertThat(t.population("GBR_E_W", 2020, Sex.TOTAL)).hasValue(59719724);
        assertThat(t.population("gbr_e_w", 2020, Sex.MALE)).hasValue(29486311);
        assertThat(t.population("GBR_E_W", 2020, Sex.FEMALE)).hasValue(30233413);
        assertThat(t.population("FRA", 2020, Sex.MALE)).hasValue(32600000.5);
        assertThat(t.population("FRA", 2020, Sex.UNKNOWN)).hasValue(0);
    }

    @Test
    void filesCombineAndTheSameFigureTwiceIsFine() {
        Path wb = TestFiles.write(dir, "wb.csv", WB);
        Path extra = TestFiles.write(dir, "extra.csv", "iso3,year,sex,population\n"
                + "FRA,2020,_T,67601110\n"
                + "GBR_S,2020,_T,5466000\n");

        PopulationTable t = PopulationTable.load(List.of(wb, extra));

        assertThat(t.population("GBR_S", 2020, Sex.TOTAL)).hasValue(5466000);
        assertThat(t.population("FRA", 2020, Sex.TOTAL)).hasValue(67601110);
    }

    @Test
    void twoDifferentFiguresAcrossFilesAreAnErrorNamingBoth() {
        Path wb = TestFiles.write(dir, "wb.csv", WB);
        Path extra = TestFiles.write(dir, "extra.csv", "iso3,year,sex,population\n"
                + "FRA,2020,_T,68000000\n");

        assertThatThrownBy(() -> PopulationTable.load(List.of(wb, extra)))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("extra.csv, line 2")
                .hasMessageContaining("wb.csv line 5");
    }

    @Test
    void badRowsNameFileLineAndField() {
        assertError("iso3,year,sex,population\nFRA,2020,_T,\"67,601,110\"\n", 2, "population");
        assertError("iso3,year,sex,population\nFRA,2020,_T,lots\n", 2, "population");
        assertError("iso3,year,sex,population\nFRA,2020,_T,-5\n", 2, "population");
        assertError("iso3,year,sex,population\nFRA,20,_T,5\n", 2, "year");
        assertError("iso3,year,sex,population\nFRA,2020.0,_T,5\n", 2, "year");
        assertError("iso3,year,sex,population\nFRA,2020,X,5\n", 2, "sex");
        assertError("iso3,year,sex,population\n,2020,_T,5\n", 2, "iso3");
        assertError("iso3,year,sex,population\nFRA,2020,_T,5\nFRA,2020,T,6\n", 3, "population");
        assertError("Country Name,Country Code,Year,Value\nFrance,FRA,year,5\n", 2, "Year");
        assertError("iso3,year,population\n", 1, "sex");
        assertError("iso3,year,sex,population,note\n", 1, "note");
    }

    @Test
    void unknownHeaderListsExpectedLayouts() {
        Path file = TestFiles.write(dir, "wide.csv", "Country Name,Country Code,1960,1961\nFrance,FRA,1,2\n");

        assertThatThrownBy(() -> PopulationFileReader.read(file))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("wide.csv, line 1")
                .hasMessageContaining("Country Name,Country Code,Year,Value")
                .hasMessageContaining("iso3,year,sex,population")
                .hasMessageContaining("ISO3_code,Variant,Time,PopMale,PopFemale,PopTotal");
    }

    @Test
    void neverGuessesAYearOrASex() {
        Path file = TestFiles.write(dir, "pop.csv", "iso3,year,sex,population\n"
                + "FRA,2018,_T,67000000\n"
                + "FRA,2020,_T,67601110\n"
                + "FRA,2020,M,32600000\n"
                + "FRA,2020,F,35001110\n"
                + "BEL,2020,M,5700000\n"
                + "BEL,2020,F,5800000\n");

        PopulationTable t = PopulationTable.load(List.of(file));

        assertThat(t.population("FRA", 2019, Sex.TOTAL)).as("between two known years").isEmpty();
        assertThat(t.population("FRA", 2021, Sex.TOTAL)).as("after the last known year").isEmpty();
        assertThat(t.population("FRA", 2017, Sex.TOTAL)).as("before the first known year").isEmpty();
        assertThat(t.population("BEL", 2020, Sex.TOTAL)).as("not males plus females").isEmpty();
        assertThat(t.population("FRA", 2020, Sex.UNKNOWN)).isEmpty();
        assertThat(t.population("FR", 2020, Sex.TOTAL)).isEmpty();
    }

    @Test
    void entriesListEveryFigureWithItsFileInOrder() {
        Path wb = TestFiles.write(dir, "wb.csv", WB);
        Path extra = TestFiles.write(dir, "extra.csv", "iso3,year,sex,population\n"
                + "GBR_S,2020,F,2800000\n"
                + "GBR_S,2020,_T,5466000\n"
                + "FRA,2020,_T,67601110\n");

        PopulationTable t = PopulationTable.load(List.of(wb, extra));

        assertThat(t.entries()).hasSize(t.size()).containsExactly(
                new PopulationTable.Entry("ABW", 2020, Sex.TOTAL, 106585, wb.toString(), 2),
                new PopulationTable.Entry("BHS", 2020, Sex.TOTAL, 393248, wb.toString(), 3),
                new PopulationTable.Entry("FRA", 2019, Sex.TOTAL, 67388001, wb.toString(), 4),
                new PopulationTable.Entry("FRA", 2020, Sex.TOTAL, 67601110, wb.toString(), 5),
                new PopulationTable.Entry("GBR_S", 2020, Sex.TOTAL, 5466000, extra.toString(), 3),
                new PopulationTable.Entry("GBR_S", 2020, Sex.FEMALE, 2800000, extra.toString(), 2),
                new PopulationTable.Entry("WLD", 2020, Sex.TOTAL, 7854748424d, wb.toString(), 7));
        assertThat(PopulationTable.empty().entries()).isEmpty();
    }

    @Test
    void emptyTableKnowsNothing() {
        assertThat(PopulationTable.empty().population("FRA", 2020, Sex.TOTAL)).isEmpty();
        assertThat(PopulationTable.load(List.of()).size()).isZero();
    }

    private void assertError(String content, long line, String field) {
        Path file = TestFiles.write(dir, "bad.csv", content);
        assertThatThrownBy(() -> PopulationFileReader.read(file))
                .isInstanceOfSatisfying(ReferenceDataException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                    assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
                    assertThat(e.getMessage()).contains("Fix:");
                });
    }
}
