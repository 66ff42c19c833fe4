package org.uncts.cts.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.files.InputFile;

class CountryFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsUnsdM49LayoutWithBomSemicolonsAndLeadingZeros() {
        Path file = TestFiles.writeWithBom(dir, "m49.csv", TestFiles.M49_SAMPLE);

        CountryFile f = CountryFileReader.read(file);

        assertThat(f.layout()).isEqualTo(CountryFileLayout.UNSD_M49);
        assertThat(f.sha256()).hasSize(64);
        assertThat(f.countries()).extracting(Country::iso3)
                .containsExactly("DZA", "BEL", "FRA", "CIV", "TUR", "IRQ", "GBR", "ATA", "CUW");
        assertThat(f.skippedWithoutIso3()).isEqualTo(1);
        assertThat(f.skippedLines()).containsExactly(9L); // Sark: physical line 9, header is line 1
        assertThat(f.countries().get(0)).isEqualTo(new Country("DZA", "012", "Algeria", "002", "Africa", "015",
                "Northern Africa", null, null, null));
        Country civ = f.countries().get(3);
        assertThat(civ.name()).isEqualTo("Côte d’Ivoire");
        assertThat(civ.subregionCode()).isEqualTo("202");
        assertThat(civ.intermediateRegionCode()).isEqualTo("011");
        assertThat(civ.intermediateRegion()).isEqualTo("Western Africa");
        Country ata = f.countries().get(7);
        assertThat(ata.region()).isNull();
        assertThat(ata.regionCode()).isNull();
        assertThat(f.entries().get(0).line()).isEqualTo(2);
    }

    @Test
    void readsSimpleLayoutInWindows1252WithAccentsRegionsAndAliases() {
        String text = "iso3,m49,name,region,subregion,parent_iso3,aliases\n"
                + "CUW,531,Curaçao,Americas,Caribbean,,Curacao island\n"
                + "civ,384,Côte d'Ivoire,africa,Western Africa,,Ivory Coast|Elfenbeinküste\n"
                + "BEL,56,Belgium,Europe,Western Europe,,\n";
        Path file = TestFiles.write(dir, "simple.csv", text, InputFile.WINDOWS_1252);
        assertThat(InputFile.inspect(file).charset()).isEqualTo(InputFile.WINDOWS_1252);

        CountryFile f = CountryFileReader.read(file);

        assertThat(f.layout()).isEqualTo(CountryFileLayout.SIMPLE);
        // Caribbean is an M49 intermediate region: it moves under Latin America and the Caribbean.
        assertThat(f.countries().get(0)).isEqualTo(new Country("CUW", "531", "Curaçao", "019", "Americas", "419",
                "Latin America and the Caribbean", "029", "Caribbean", null));
        Country civ = f.countries().get(1);
        assertThat(civ.iso3()).isEqualTo("CIV");
        assertThat(civ.name()).isEqualTo("Côte d'Ivoire");
        assertThat(civ.region()).isEqualTo("Africa");
        assertThat(civ.regionCode()).isEqualTo("002");
        assertThat(f.entries().get(1).aliases()).containsExactly("Ivory Coast", "Elfenbeinküste");
        assertThat(f.countries().get(2).m49()).isEqualTo("056");
        assertThat(f.countries().get(2).subregionCode()).isEqualTo("155");
    }

    @Test
    void readsSimpleLayoutWithSubnationalUnitsAndTabs() {
        Path file = TestFiles.write(dir, "areas.tsv", "ISO3\tM49\tName\tRegion\tSubregion\tParent_ISO3\n"
                + "GBR_E_W\t\tEngland and Wales\t\t\tgbr\n");

        Country c = CountryFileReader.read(file).countries().get(0);

        assertThat(c.iso3()).isEqualTo("GBR_E_W");
        assertThat(c.m49()).isNull();
        assertThat(c.parentIso3()).isEqualTo("GBR");
        assertThat(c.isSubnational()).isTrue();
    }

    @Test
    void unknownHeaderNamesFileAndListsExpectedLayouts() {
        Path file = TestFiles.write(dir, "odd.csv", "code,country\nFRA,France\n");

        assertThatThrownBy(() -> CountryFileReader.read(file))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 1")
                .hasMessageContaining("Global Code;Global Name;Region Code")
                .hasMessageContaining("iso3,m49,name,region,subregion,parent_iso3");
    }

    @Test
    void missingIso3InSimpleLayoutNamesFileLineAndField() {
        Path file = TestFiles.write(dir, "c.csv", "iso3,m49,name,region,subregion,parent_iso3\n"
                + "FRA,250,France,Europe,Western Europe,\n"
                + "\n"
                + ",276,Germany,Europe,Western Europe,\n");

        assertThatThrownBy(() -> CountryFileReader.read(file))
                .isInstanceOfSatisfying(ReferenceDataException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(4); // the blank line 3 still counts
                    assertThat(e.field()).isEqualTo("iso3");
                })
                .hasMessageContaining("c.csv, line 4, field 'iso3'")
                .hasMessageContaining("Fix:");
    }

    @Test
    void duplicateIso3WithDifferentDataIsAnErrorButAnExactRepeatIsNot() {
        Path same = TestFiles.write(dir, "same.csv", "iso3,m49,name,region,subregion,parent_iso3\n"
                + "FRA,250,France,Europe,Western Europe,\n"
                + "FRA,250,France,Europe,Western Europe,\n");
        assertThat(CountryFileReader.read(same).countries()).hasSize(1);

        Path diff = TestFiles.write(dir, "diff.csv", "iso3,m49,name,region,subregion,parent_iso3\n"
                + "FRA,250,France,Europe,Western Europe,\n"
                + "FRA,250,French Republic,Europe,Western Europe,\n");
        assertThatThrownBy(() -> CountryFileReader.read(diff))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("diff.csv, line 3")
                .hasMessageContaining("first at line 2");
    }

    @Test
    void rowErrorsNameTheLine() {
        String header = "iso3,m49,name,region,subregion,parent_iso3\n";
        assertError(header + "FRANCE,250,France,,,\n", 2, "iso3");
        assertError(header + "FRA,25O,France,,,\n", 2, "m49");
        assertError(header + "FRA,250,,,,\n", 2, "name");
        assertError(header + "FRA,250,France,Europe,Western Asia,\n", 2, "subregion");
        assertError(header + "FRA,250,France,Western Europe,,\n", 2, "region");
        assertError(header + "GBR_S,,Scotland,,,GBR_S\n", 2, "parent_iso3");
        assertError("iso3,m49,name,region,subregion,parent_iso3,alias\n", 1, "alias");
        assertError("iso3,m49,name,region\n", 1, "subregion");
        assertError(TestFiles.M49_HEADER + "\n001;World;002;Africa;015;Northern Africa;;;Algeria;012;DZ;DZ;;;\n", 2,
                "ISO-alpha3 Code");
    }

    @Test
    void unclosedQuoteIsReportedWithItsLine() {
        assertError("iso3,m49,name,region,subregion,parent_iso3\nFRA,250,\"France,Europe,Western Europe,\n", 2, null);
    }

    @Test
    void emptyFileIsAnError() {
        Path file = TestFiles.write(dir, "empty.csv", "\n\n");
        assertThatThrownBy(() -> CountryFileReader.read(file)).isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void missingFileIsAnError() {
        Path file = dir.resolve("nope.csv");
        assertThatThrownBy(() -> CountryFileReader.read(file)).isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("nope.csv");
    }

    private void assertError(String content, long line, String field) {
        Path file = TestFiles.write(dir, "bad.csv", content);
        assertThatThrownBy(() -> CountryFileReader.read(file))
                .isInstanceOfSatisfying(ReferenceDataException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                    if (field != null) {
                        assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
                    }
                });
    }

    @Test
    void builtInAreasFileIsValid() {
        CountryFile areas = CountryFileReader.readResource(CountryCodes.AREAS_RESOURCE);
        assertThat(areas.countries()).extracting(Country::iso3)
                .containsExactly("GBR_E_W", "GBR_S", "GBR_NI", "IRQ_C", "IRQ_KRI", "XKX");
        assertThat(areas.countries()).allSatisfy(c -> {
            assertThat(c.regionCode()).isNotNull();
            assertThat(c.subregionCode()).isNotNull();
        });
        assertThat(areas.countries().get(0).parentIso3()).isEqualTo("GBR");
        assertThat(areas.countries().get(4).subregion()).isEqualTo("Western Asia");
        assertThat(areas.countries().get(5).parentIso3()).isNull();
        assertThat(List.of(areas.countries().get(5).region(), areas.countries().get(5).subregion()))
                .containsExactly("Europe", "Southern Europe");
    }
}
