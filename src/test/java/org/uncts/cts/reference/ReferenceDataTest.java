package org.uncts.cts.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.model.Sex;

class ReferenceDataTest {

    @TempDir
    Path dir;

    @Test
    void builtInsAloneGiveAreasIccsAndIndicators() {
        ReferenceData ref = ReferenceData.builtIn();

        assertThat(ref.countries().resolve("GBR_NI")).isPresent();
        assertThat(ref.population().size()).isZero();
        assertThat(ref.iccs().byCode("0101")).isPresent();
        assertThat(ref.indicators().size()).isEqualTo(9);
    }

    @Test
    void loadsEveryKindOfFile() {
        Path m49 = TestFiles.writeWithBom(dir, "m49.csv", TestFiles.M49_SAMPLE);
        Path pop = TestFiles.write(dir, "pop.csv", "iso3,year,sex,population\nDZA,2020,_T,43451666\n");
        Path iccs = TestFiles.write(dir, "iccs.csv", "code,label\n01,Death\n0101,Intentional homicide\n");
        Path ind = TestFiles.write(dir, "ind.csv", "id,label,iccs,aliases\nvictims,Victims,0101,\n");

        ReferenceData ref = ReferenceData.load(List.of(m49), List.of(pop), iccs, ind);

        assertThat(ref.countries().resolve("012")).map(m -> m.country().iso3()).contains("DZA");
        assertThat(ref.population().population("DZA", 2020, Sex.TOTAL)).hasValue(43451666);
        assertThat(ref.iccs().size()).isEqualTo(2);
        assertThat(ref.indicators().resolve("victims")).map(Indicator::fixedIccsCode).contains("0101");
    }

    @Test
    void builtInIndicatorsAreCheckedAgainstACustomIccsList() {
        Path iccs = TestFiles.write(dir, "iccs.csv", "code,label\n02,Harm\n");

        assertThatThrownBy(() -> ReferenceData.load(List.of(), List.of(), iccs, null))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("indicators.csv, line 2, field 'iccs'")
                .hasMessageContaining("0101");
    }

    @Test
    void exceptionMessageNamesFileLineFieldAndFix() {
        ReferenceDataException e = new ReferenceDataException("a.csv", 7, "year", "'20x0' is not a year.",
                "give four digits.");

        assertThat(e).hasMessage("a.csv, line 7, field 'year': '20x0' is not a year. Fix: give four digits.");
        assertThat(new ReferenceDataException("a.csv", 0, null, "empty.", null)).hasMessage("a.csv: empty.");
    }
}
