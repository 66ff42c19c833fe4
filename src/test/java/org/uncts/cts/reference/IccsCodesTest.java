package org.uncts.cts.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IccsCodesTest {

    @TempDir
    Path dir;

    private final IccsCodes iccs = IccsCodes.builtIn();

    @Test
    void builtInListHoldsTheVerifiedCodesAndAllSections() {
        assertThat(iccs.all()).extracting(IccsCode::code).containsExactly(
                "01", "0101", "0102", "02", "0201", "02011", "020111", "02022", "020221", "0204", "02041", "02042",
                "03", "0301", "03011", "03012", "03019", "0302", "03022", "030221", "04", "0401", "05", "0501",
                "05012", "0502", "05021", "050211", "06", "0601", "07", "0701", "0703", "07031", "07041", "08", "09",
                "0903", "09051", "10", "1001", "1002", "1003", "1004", "11");
        assertThat(iccs.byCode("0204")).map(IccsCode::label).contains("Trafficking in persons");
        assertThat(iccs.byCode("03011")).map(IccsCode::label).contains("Rape");
        assertThat(iccs.byCode("050211")).map(IccsCode::label).contains("Theft of a motorized land vehicle");
        assertThat(iccs.byCode("08")).map(IccsCode::label)
                .contains("Acts against public order, authority and provisions of the State");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            01,     1, null
            0101,   2, 01
            02011,  3, 0201
            020111, 4, 02011
            020221, 4, 02022
            02022,  3, 02
            02041,  3, 0204
            07041,  3, 07
            09051,  3, 09
            050211, 4, 05021
            1004,   2, 10
            """)
    void levelAndParentComeFromTheCode(String code, int level, String parent) {
        IccsCode c = iccs.byCode(code).orElseThrow();

        assertThat(c.level()).isEqualTo(level);
        assertThat(c.parentCode()).isEqualTo(parent);
    }

    @Test
    void lookupsByLabelPrefixAndLostZero() {
        assertThat(iccs.byLabel("  RAPE ")).map(IccsCode::code).contains("03011");
        assertThat(iccs.byLabel("intentional   homicide")).map(IccsCode::code).contains("0101");
        assertThat(iccs.byLabel("Shoplifting")).isEmpty();
        assertThat(iccs.byCode("ICCS0101")).map(IccsCode::code).contains("0101");
        assertThat(iccs.byCode(" 0401 ")).isPresent();
        assertThat(iccs.byCode("101")).isEmpty();
        assertThat(iccs.withLostLeadingZero("101")).map(IccsCode::code).contains("0101");
        assertThat(iccs.withLostLeadingZero("50211")).map(IccsCode::code).contains("050211");
        assertThat(iccs.withLostLeadingZero("0101")).isEmpty();
        assertThat(iccs.children("05")).extracting(IccsCode::code).containsExactly("0501", "0502");
    }

    @Test
    void descendantsFollowThePrefixHierarchy() {
        assertThat(iccs.isDescendant("050211", "05021")).isTrue();
        assertThat(iccs.isDescendant("050211", "05")).isTrue();
        assertThat(iccs.isDescendant("07041", "0704")).as("0704 is not loaded but is still the parent").isTrue();
        assertThat(iccs.isDescendant("03011", "0301")).isTrue();
        assertThat(iccs.isDescendant("0301", "03011")).isFalse();
        assertThat(iccs.isDescendant("05", "05")).isFalse();
        assertThat(iccs.isDescendant("0601", "05")).isFalse();
        assertThat(iccs.isDescendant("1001", "10")).isTrue();
        assertThat(iccs.isDescendant("0101", "1")).isFalse();
        assertThat(iccs.isDescendant(null, "01")).isFalse();
    }

    @Test
    void readsACodeLabelFileKeepingLeadingZeros() {
        Path file = TestFiles.write(dir, "iccs.csv", "Code;Label\n01;Death\n0101;Homicide\n010111;Deep\n10;Env\n");

        IccsCodes c = IccsCodes.load(file);

        assertThat(c.byCode("010111")).map(IccsCode::parentCode).contains("0101");
        assertThat(c.byCode("010111")).map(IccsCode::level).contains(4);
        assertThat(c.byLabel("homicide")).map(IccsCode::code).contains("0101");
    }

    @Test
    void aCodeThatLostItsLeadingZeroIsAnErrorNamingTheLine() {
        assertError("code,label\n01,Death\n101,Homicide\n", 3, "0101");
        assertError("code,label\n5,Property\n", 2, "05");
        assertError("code,label\n01,Death\n0101,Homicide\n10,Env\n10111,Something\n", 5, "010111");
    }

    @Test
    void aGenuineSection10CodeIsNotMistakenForALostZero() {
        Path file = TestFiles.write(dir, "ok.csv", "code,label\n01,Death\n0101,Homicide\n10,Env\n1001,Pollution\n"
                + "10011,Air pollution\n");

        assertThat(IccsCodes.load(file).byCode("10011")).map(IccsCode::parentCode).contains("1001");
    }

    @Test
    void otherBadRowsAreErrors() {
        assertError("code,label\n0101,\n", 2, null);
        assertError("code,label\n01a1,X\n", 2, null);
        assertError("code,label\n1201,X\n", 2, null);
        assertError("code,label\n0101,Homicide\n0101,Murder\n", 3, null);
        assertError("code,name\n0101,Homicide\n", 1, null);
    }

    @Test
    void duplicateLabelsAreNotFoundByLabel() {
        Path file = TestFiles.write(dir, "dup.csv", "code,label\n01,Other\n02,Other\n0201,Assault\n");

        IccsCodes c = IccsCodes.load(file);

        assertThat(c.byLabel("other")).isEmpty();
        assertThat(c.byLabel("assault")).isPresent();
    }

    private void assertError(String content, long line, String mentions) {
        Path file = TestFiles.write(dir, "bad.csv", content);
        assertThatThrownBy(() -> IccsCodes.load(file))
                .isInstanceOfSatisfying(ReferenceDataException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                    if (mentions != null) {
                        assertThat(e.getMessage()).contains(mentions).contains("leading zero");
                    }
                });
    }
}
