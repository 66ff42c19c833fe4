package org.uncts.cts.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorsTest {

    @TempDir
    Path dir;

    private final Indicators indicators = Indicators.builtIn();

    @Test
    void builtInListIsExactlyTheDocumentedIndicators() {
        assertThat(indicators.all()).extracting(Indicator::id).containsExactly(
                "victims_intentional_homicide", "offences_recorded", "persons_suspected", "persons_prosecuted",
                "persons_brought_before_courts", "persons_convicted", "persons_held", "prison_capacity",
                "criminal_justice_personnel");
        assertThat(indicators.all()).extracting(Indicator::iccsRule).containsExactly(
                IccsRule.FIXED, IccsRule.REQUIRED, IccsRule.REQUIRED, IccsRule.REQUIRED, IccsRule.REQUIRED,
                IccsRule.REQUIRED, IccsRule.OPTIONAL, IccsRule.NONE, IccsRule.NONE);
        assertThat(indicators.byId("victims_intentional_homicide")).map(Indicator::fixedIccsCode).contains("0101");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            persons_held                              | persons_held
            '  PERSONS_HELD '                         | persons_held
            Persons held                              | persons_held
            Prisoners                                 | persons_held
            Victims of intentional homicide           | victims_intentional_homicide
            victims of   intentional homicide         | victims_intentional_homicide
            Homicide victims                          | victims_intentional_homicide
            Persons arrested/cautioned/suspected      | persons_suspected
            persons suspected                         | persons_suspected
            Prisons facilities and capacity           | prison_capacity
            Prison capacity                           | prison_capacity
            Criminal Justice Personnel                | criminal_justice_personnel
            criminal justice personnel                | criminal_justice_personnel
            Offences recorded by the police           | offences_recorded
            Persons brought before criminal courts    | persons_brought_before_courts
            Persons convicted                         | persons_convicted
            Persons prosecuted                        | persons_prosecuted
            """)
    void resolvesByIdLabelOrAlias(String text, String id) {
        assertThat(indicators.resolve(text)).map(Indicator::id).contains(id);
    }

    @Test
    void unknownIndicatorsResolveToNothing() {
        assertThat(indicators.resolve("Persons held unsentenced")).isEmpty();
        assertThat(indicators.resolve("")).isEmpty();
        assertThat(indicators.resolve(null)).isEmpty();
    }

    @Test
    void iccsRulesSayWhatARowMayCarry() {
        Indicator homicide = indicators.byId("victims_intentional_homicide").orElseThrow();
        assertThat(homicide.effectiveIccsCode("")).isEqualTo("0101");
        assertThat(homicide.effectiveIccsCode(null)).isEqualTo("0101");
        assertThat(homicide.iccsProblem(" ")).isEmpty();
        assertThat(homicide.iccsProblem("0101")).isEmpty();
        assertThat(homicide.iccsProblem("0201")).get().asString().contains("0101").contains("0201");

        Indicator offences = indicators.byId("offences_recorded").orElseThrow();
        assertThat(offences.iccsProblem("")).isPresent();
        assertThat(offences.iccsProblem("0401")).isEmpty();
        assertThat(offences.effectiveIccsCode(" 0401 ")).isEqualTo("0401");

        Indicator held = indicators.byId("persons_held").orElseThrow();
        assertThat(held.iccsProblem("")).isEmpty();
        assertThat(held.iccsProblem("0601")).isEmpty();
        assertThat(held.effectiveIccsCode("")).isNull();

        Indicator capacity = indicators.byId("prison_capacity").orElseThrow();
        assertThat(capacity.iccsProblem("")).isEmpty();
        assertThat(capacity.iccsProblem("0101")).isPresent();
        assertThat(capacity.effectiveIccsCode("0101")).isNull();
    }

    @Test
    void readsAnIndicatorFile() {
        Path file = TestFiles.write(dir, "ind.csv", "id,label,iccs,aliases\n"
                + "robbery_victims,Victims of robbery,0401,Robbery victims|Robbed persons\n"
                + "staff,Staff,NONE,\n");

        Indicators list = Indicators.load(file, IccsCodes.builtIn());

        assertThat(list.resolve("robbed persons")).map(Indicator::fixedIccsCode).contains("0401");
        assertThat(list.resolve("STAFF")).map(Indicator::iccsRule).contains(IccsRule.NONE);
        assertThat(list.size()).isEqualTo(2);
    }

    @Test
    void badIndicatorFilesNameFileLineAndField() {
        assertError("id,label,iccs,aliases\nx,X,sometimes,\n", 2, "iccs");
        assertError("id,label,iccs,aliases\nx,X,101,\n", 2, "iccs");
        assertError("id,label,iccs,aliases\nx,X,none,\ny,Y,none,x\n", 3, "aliases");
        assertError("id,label,iccs,aliases\nx,X,none,\nX,Z,none,\n", 3, "id");
        assertError("id,label,iccs,aliases\nx,X,none,\ny,x,none,\n", 3, "label");
        assertError("id,label,iccs,aliases\nx,,none,\n", 2, "label");
        assertError("id,label\nx,X\n", 1, null);
        assertError("id,label,iccs,alias\nx,X,none,a\n", 1, "alias");
    }

    private void assertError(String content, long line, String field) {
        Path file = TestFiles.write(dir, "bad.csv", content);
        assertThatThrownBy(() -> Indicators.load(file, IccsCodes.builtIn()))
                .isInstanceOfSatisfying(ReferenceDataException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                    assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
                });
    }
}
