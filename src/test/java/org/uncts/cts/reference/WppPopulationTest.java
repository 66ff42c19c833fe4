package org.uncts.cts.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.model.Sex;

/** The UN World Population Prospects layout, on an invented extract with the real header. */
class WppPopulationTest {

    @TempDir
    Path dir;

    static final String WPP_HEADER = "SortOrder,LocID,Notes,ISO3_code,ISO2_code,SDMX_code,LocTypeID,LocTypeName,"
            + "ParentID,Location,VarID,Variant,Time,MidPeriod,PopMale,PopFemale,PopTotal,PopDensity";

    static Path sample() {
        try {
            return Path.of(WppPopulationTest.class.getResource("/population/wpp-total-population-by-sex-sample.csv")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsCountriesOfTheMediumVariantInPersons() {
        PopulationFile f = PopulationFileReader.read(sample());
        PopulationTable t = PopulationTable.of(List.of(f));

        assertThat(f.layout()).isEqualTo(PopulationFileLayout.WPP);
        // 64701.000 thousand, 31300.001 thousand, 33400.999 thousand
        assertThat(t.population("FRA", 2020, Sex.TOTAL)).hasValue(64_701_000);
        assertThat(t.population("FRA", 2020, Sex.MALE)).hasValue(31_300_001);
        assertThat(t.population("FRA", 2020, Sex.FEMALE)).hasValue(33_400_999);
        assertThat(t.population("FRA", 2019, Sex.MALE)).hasValue(31_234_567);
        // one or no decimals: 44666.9 thousand = 44,666,900; 64801 thousand = 64,801,000
        assertThat(t.population("DZA", 2021, Sex.TOTAL)).hasValue(44_666_900);
        assertThat(t.population("FRA", 2021, Sex.TOTAL)).as("Medium, not High or Low").hasValue(64_801_000);
        // a quoted location name with a comma, and a UTF-8 one
        assertThat(t.population("HKG", 2020, Sex.FEMALE)).hasValue(4_023_456);
        assertThat(t.population("CIV", 2020, Sex.FEMALE)).hasValue(13_024_680);
        // no figures by sex for this one: only its total, and the line is noted as having gaps
        assertThat(t.population("XYZ", 2020, Sex.TOTAL)).hasValue(850);
        assertThat(t.population("XYZ", 2020, Sex.MALE)).isEmpty();
        assertThat(f.skippedLines()).containsExactly(14L);
        // aggregates (World, Northern Africa) have no ISO3 code and are left out
        assertThat(t.entries()).extracting(PopulationTable.Entry::iso3).doesNotContainNull()
                .containsOnly("CIV", "DZA", "FRA", "HKG", "XYZ");
        // DZA 2020, 2021; CIV; HKG; FRA 2019, 2020, 2021: three sexes each; XYZ its total only
        assertThat(t.size()).isEqualTo(7 * 3 + 1);
    }

    @Test
    void thousandsBecomePersonsExactly() {
        assertThat(PopulationFileReader.fromThousands("1234.567")).isEqualTo(1_234_567d);
        assertThat(PopulationFileReader.fromThousands("0.001")).isEqualTo(1d);
        assertThat(PopulationFileReader.fromThousands("1439323.774")).isEqualTo(1_439_323_774d);
        assertThat(PopulationFileReader.fromThousands("33400.999")).isEqualTo(33_400_999d);
        assertThat(PopulationFileReader.fromThousands("12")).isEqualTo(12_000d);
        assertThat(PopulationFileReader.fromThousands("0.0005")).as("half a person rounds up").isEqualTo(1d);
        assertThat(PopulationFileReader.fromThousands("1.2E3")).isEqualTo(1_200_000d);
        // what a double product gets wrong (and a cast to long would make 1004)
        assertThat(PopulationFileReader.fromThousands("1.005")).isEqualTo(1_005d);
        assertThat(1.005 * 1000).isNotEqualTo(1_005d);
    }

    @Test
    void onlyTheYearsAskedForAreKept() {
        PopulationTable t = PopulationTable.load(List.of(sample()), year -> year == 2021);

        assertThat(t.population("FRA", 2021, Sex.TOTAL)).hasValue(64_801_000);
        assertThat(t.population("FRA", 2020, Sex.TOTAL)).isEmpty();
        assertThat(t.entries()).extracting(PopulationTable.Entry::year).containsOnly(2021);
        assertThat(t.size()).isEqualTo(6); // DZA and FRA, three sexes each
    }

    @Test
    void recognisedFromTheHeaderWhateverTheOtherColumns() {
        Path file = TestFiles.write(dir, "wpp.csv", "LocID;Location;ISO3_code;Variant;Time;PopMale;PopFemale;PopTotal\n"
                + "250;France;FRA;Medium;2020;1;2;3.5\n");

        PopulationFile f = PopulationFileReader.read(file);

        assertThat(f.layout()).isEqualTo(PopulationFileLayout.WPP);
        assertThat(PopulationTable.of(List.of(f)).population("FRA", 2020, Sex.TOTAL)).hasValue(3_500);
    }

    @Test
    void wppAndAnotherSourceCombineAndDisagreementsAreNamed() {
        Path extra = TestFiles.write(dir, "gbr.csv", "iso3,year,sex,population\nGBR_E_W,2020,_T,59719724\n");
        PopulationTable t = PopulationTable.load(List.of(sample(), extra));
        assertThat(t.population("GBR_E_W", 2020, Sex.TOTAL)).hasValue(59_719_724);

        Path clash = TestFiles.write(dir, "clash.csv", "iso3,year,sex,population\nFRA,2020,_T,64701001\n");
        assertThatThrownBy(() -> PopulationTable.load(List.of(sample(), clash)))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("clash.csv, line 2")
                .hasMessageContaining("wpp-total-population-by-sex-sample.csv line 10");
    }

    @Test
    void badWppRowsNameFileLineAndColumn() {
        assertError(WPP_HEADER + "\n1,250,,FRA,FR,250,4,Country/Area,926,France,2,Medium,2020,2020.5,1,\"2,5\",3,1\n",
                2, "PopFemale");
        assertError(WPP_HEADER + "\n1,250,,FRA,FR,250,4,Country/Area,926,France,2,Medium,20x0,2020.5,1,2,3,1\n",
                2, "Time");
        assertError(WPP_HEADER + "\n1,250,,F-A,FR,250,4,Country/Area,926,France,2,Medium,2020,2020.5,1,2,3,1\n",
                2, "ISO3_code");
        assertError(WPP_HEADER + "\n1,250,,FRA,FR,250,4,Country/Area,926,France,2,Medium,2020,2020.5,1,2,3,1\n"
                + "1,250,,FRA,FR,250,4,Country/Area,926,France,2,Medium,2020,2020.5,1,2,4,1\n", 3, "PopTotal");
        assertError("ISO3_code,Time,PopTotal\n", 1, "variant");
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
