package org.uncts.cts.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryCodesTest {

    @TempDir
    Path dir;

    private Path m49;
    private CountryCodes codes;

    @BeforeEach
    void load() {
        m49 = TestFiles.writeWithBom(dir, "m49.csv", TestFiles.M49_SAMPLE);
        codes = CountryCodes.load(List.of(m49));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DZA                                    | DZA     | ISO3
            dza                                    | DZA     | ISO3
            ' fra '                                | FRA     | ISO3
            gbr_e_w                                | GBR_E_W | ISO3
            IRQ_KRI                                | IRQ_KRI | ISO3
            XKX                                    | XKX     | ISO3
            56                                     | BEL     | M49
            056                                    | BEL     | M49
            12                                     | DZA     | M49
            0012                                   | DZA     | M49
            Algeria                                | DZA     | NAME
            ALGERIA                                | DZA     | NAME
            Côte d’Ivoire                          | CIV     | NAME
            cote d ivoire                          | CIV     | NAME
            COTE D'IVOIRE                          | CIV     | NAME
            '  Cote   d''Ivoire '                  | CIV     | NAME
            curacao                                | CUW     | NAME
            Turkey                                 | TUR     | NAME
            England and Wales                      | GBR_E_W | NAME
            Kosovo                                 | XKX     | NAME
            Türkiye                                | TUR     | ALIAS
            turkiye                                | TUR     | ALIAS
            Ivory Coast                            | CIV     | ALIAS
            UK                                     | GBR     | ALIAS
            United Kingdom                         | GBR     | ALIAS
            Great Britain                          | GBR     | ALIAS
            United Kingdom (England and Wales)     | GBR_E_W | ALIAS
            Kurdistan Region of Iraq               | IRQ_KRI | ALIAS
            Kosovo under UNSCR 1244                | XKX     | ALIAS
            """)
    void resolvesCodesNamesAndAliases(String text, String iso3, MatchKind kind) {
        Optional<CountryMatch> m = codes.resolve(text);

        assertThat(m).as(text).isPresent();
        assertThat(m.get().country().iso3()).isEqualTo(iso3);
        assertThat(m.get().kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "Atlantis", "999", "1000", "ZZZ", "---", "USA", "United States", "Russia"})
    void unknownTextResolvesToNothing(String text) {
        // USA and Russia are built-in aliases, but their countries are not in this file.
        assertThat(codes.resolve(text)).isEmpty();
    }

    @Test
    void subnationalUnitsAreLinkedToTheirCountry() {
        Country ew = codes.byIso3("gbr_e_w").orElseThrow();

        assertThat(ew.parentIso3()).isEqualTo("GBR");
        assertThat(ew.m49()).isNull();
        assertThat(ew.subregion()).isEqualTo("Northern Europe");
        assertThat(codes.byIso3(ew.parentIso3())).isPresent();
    }

    @Test
    void lookupsByCodeAndTheWholeList() {
        assertThat(codes.byM49("56")).map(Country::iso3).contains("BEL");
        assertThat(codes.byM49("abc")).isEmpty();
        assertThat(codes.byIso3(null)).isEmpty();
        assertThat(codes.all()).extracting(Country::iso3).contains("DZA", "GBR_NI", "IRQ_C", "XKX")
                .doesNotContain("SARK").isSorted();
        assertThat(codes.size()).isEqualTo(9 + 6);
    }

    @Test
    void withoutBuiltInsThereAreNoExtraAreasOrAliases() {
        CountryCodes plain = CountryCodes.load(List.of(m49), false);

        assertThat(plain.resolve("GBR_E_W")).isEmpty();
        assertThat(plain.resolve("Ivory Coast")).isEmpty();
        assertThat(plain.resolve("Turkey")).map(CountryMatch::kind).contains(MatchKind.NAME);
        assertThat(plain.size()).isEqualTo(9);
    }

    @Test
    void aFileMayRedefineABuiltInAreaAndAddAliases() {
        Path extra = TestFiles.write(dir, "extra.csv", "iso3,m49,name,region,subregion,parent_iso3,aliases\n"
                + "XKX,,Kosovo (UNSCR 1244),Europe,Southern Europe,,Kosova\n"
                + "GBR_X,,Greater London,,,GBR,London\n");

        CountryCodes c = CountryCodes.load(List.of(m49, extra));

        assertThat(c.byIso3("XKX")).map(Country::name).contains("Kosovo (UNSCR 1244)");
        assertThat(c.resolve("Kosova")).map(m -> m.country().iso3()).contains("XKX");
        Country london = c.byIso3("GBR_X").orElseThrow();
        assertThat(london.regionCode()).as("regions inherited from GBR").isEqualTo("150");
        assertThat(london.subregion()).isEqualTo("Northern Europe");
        assertThat(c.resolve("london")).map(CountryMatch::kind).contains(MatchKind.ALIAS);
    }

    @Test
    void aCountryDefinedDifferentlyInTwoFilesIsAnErrorNamingBoth() {
        Path other = TestFiles.write(dir, "other.csv", "iso3,m49,name,region,subregion,parent_iso3\n"
                + "BEL,056,Belgium,Europe,Western Europe,\n"
                + "DZA,012,People's Democratic Republic of Algeria,Africa,Northern Africa,\n");

        assertThatThrownBy(() -> CountryCodes.load(List.of(m49, other)))
                .isInstanceOfSatisfying(ReferenceDataException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("name");
                })
                .hasMessageContaining("other.csv, line 3")
                .hasMessageContaining("m49.csv line 2");
    }

    @Test
    void conflictingAliasesAndNamesAreErrors() {
        Path aliasIsOtherName = TestFiles.write(dir, "a.csv", "iso3,m49,name,region,subregion,parent_iso3,aliases\n"
                + "FRA,250,France,Europe,Western Europe,,Algeria\n");
        assertThatThrownBy(() -> CountryCodes.load(List.of(m49, aliasIsOtherName)))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("a.csv, line 2, field 'aliases'");

        Path sameAlias = TestFiles.write(dir, "b.csv", "iso3,m49,name,region,subregion,parent_iso3,aliases\n"
                + "FRA,250,France,Europe,Western Europe,,Gaul\n"
                + "BEL,056,Belgium,Europe,Western Europe,,gaul\n");
        assertThatThrownBy(() -> CountryCodes.load(List.of(sameAlias)))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("b.csv, line 3");

        Path sameName = TestFiles.write(dir, "c.csv", "iso3,m49,name,region,subregion,parent_iso3\n"
                + "FRA,250,France,Europe,Western Europe,\n"
                + "FXX,249,FRANCE,Europe,Western Europe,\n");
        assertThatThrownBy(() -> CountryCodes.load(List.of(sameName)))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("c.csv, line 3, field 'name'");

        Path sameM49 = TestFiles.write(dir, "d.csv", "iso3,m49,name,region,subregion,parent_iso3\n"
                + "FRA,250,France,Europe,Western Europe,\n"
                + "FXX,250,Metropolitan France,Europe,Western Europe,\n");
        assertThatThrownBy(() -> CountryCodes.load(List.of(sameM49)))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("d.csv, line 3, field 'm49'");
    }

    @Test
    void aParentThatIsNotLoadedIsAnError() {
        Path file = TestFiles.write(dir, "p.csv", "iso3,m49,name,region,subregion,parent_iso3\n"
                + "ESP_CT,,Catalonia,,,ESP\n");

        assertThatThrownBy(() -> CountryCodes.load(List.of(file)))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("p.csv, line 2, field 'parent_iso3'");
    }

    @Test
    void builtInAliasesApplyOnlyToLoadedCountries() {
        Path file = TestFiles.write(dir, "few.csv", "iso3,m49,name,region,subregion,parent_iso3\n"
                + "USA,840,United States of America,Americas,Northern America,\n");

        CountryCodes c = CountryCodes.load(List.of(file));

        assertThat(c.resolve("United States")).map(m -> m.country().iso3()).contains("USA");
        assertThat(c.resolve("U.S.")).map(m -> m.country().iso3()).contains("USA");
        assertThat(c.resolve("us")).map(m -> m.country().iso3()).contains("USA");
        assertThat(c.resolve("UK")).isEmpty();
        // Sub-national built-ins stay usable even when their country is not loaded.
        assertThat(c.resolve("GBR_S")).isPresent();
    }

    @Test
    void programmaticAliasesBeatBuiltInOnes() {
        CountryCodes c = CountryCodes.builder()
                .add(CountryFileReader.read(m49))
                .addAlias("Britain", "FRA") // absurd on purpose: it must win over the built-in GBR alias
                .includeBuiltIns(true)
                .build();

        assertThat(c.resolve("Britain")).map(m -> m.country().iso3()).contains("FRA");
        assertThat(c.resolve("Great Britain")).map(m -> m.country().iso3()).contains("GBR");
    }

    @Test
    void everyBuiltInAliasPointsToACountryOfTheRealM49ListOrABuiltInArea() {
        // The M49 sample has few countries; check the alias file against well-formed codes instead.
        assertThat(BuiltIns.ALIASES).hasSizeGreaterThanOrEqualTo(60)
                .allSatisfy(a -> assertThat(a.iso3()).matches("[A-Z]{3}"));
    }
}
