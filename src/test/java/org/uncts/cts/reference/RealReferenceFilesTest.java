package org.uncts.cts.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.uncts.cts.model.Sex;

/**
 * Reads the real UNSD and World Bank files kept in {@code ../shared/reference}. They are not part
 * of the project, so every test skips when they are absent.
 */
class RealReferenceFilesTest {

    private static final Path M49 = TestFiles.shared("unsd_m49.csv");
    private static final Path WORLD_BANK = TestFiles.shared("worldbank_population.csv");

    @Test
    void m49LoadsEveryRowThatHasAnIso3Code() throws IOException {
        assumeTrue(Files.exists(M49), "no " + M49);
        // Count independently of the reader: data lines, and those whose ISO-alpha3 (12th) column is empty.
        List<String> lines = Files.readAllLines(M49, StandardCharsets.UTF_8);
        List<String> data = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        long withoutIso3 = data.stream().filter(l -> l.split(";", -1)[11].isBlank()).count();

        CountryFile f = CountryFileReader.read(M49);

        assertThat(f.layout()).isEqualTo(CountryFileLayout.UNSD_M49);
        assertThat(withoutIso3).isPositive();
        assertThat(f.skippedWithoutIso3()).isEqualTo(withoutIso3);
        assertThat(f.countries()).hasSize((int) (data.size() - withoutIso3));
        assertThat(f.countries()).hasSizeGreaterThan(240);
        assertThat(f.countries()).allSatisfy(c -> {
            assertThat(c.iso3()).matches("[A-Z]{3}");
            assertThat(c.m49()).matches("\\d{3}");
        });
    }

    @Test
    void m49PlacesAlgeriaAndResolvesTurkeyBothWays() {
        assumeTrue(Files.exists(M49), "no " + M49);

        CountryCodes codes = CountryCodes.load(List.of(M49));

        Country dza = codes.byIso3("DZA").orElseThrow();
        assertThat(dza.m49()).isEqualTo("012");
        assertThat(dza.region()).isEqualTo("Africa");
        assertThat(dza.regionCode()).isEqualTo("002");
        assertThat(dza.subregion()).isEqualTo("Northern Africa");
        assertThat(dza.subregionCode()).isEqualTo("015");
        assertThat(codes.resolve("Türkiye")).map(m -> m.country().iso3()).contains("TUR");
        assertThat(codes.resolve("Turkey")).map(m -> m.country().iso3()).contains("TUR");
        assertThat(codes.resolve("Cote d'Ivoire")).map(m -> m.country().iso3()).contains("CIV");
        assertThat(codes.resolve("56")).map(m -> m.country().iso3()).contains("BEL");
        assertThat(codes.resolve("Bolivia")).map(m -> m.country().iso3()).contains("BOL");
        assertThat(codes.resolve("United States")).map(m -> m.country().iso3()).contains("USA");
        assertThat(codes.resolve("GBR_E_W")).map(m -> m.country().parentIso3()).contains("GBR");
        assertThat(codes.resolve("Kosovo")).map(m -> m.country().iso3()).contains("XKX");
    }

    @Test
    void everyBuiltInAliasOfARealCountryResolvesToIt() {
        assumeTrue(Files.exists(M49), "no " + M49);

        CountryCodes codes = CountryCodes.load(List.of(M49));

        // Catches a built-in alias with a mistyped ISO3 (it would be silently dropped).
        assertThat(BuiltIns.ALIASES).allSatisfy(a -> assertThat(codes.resolve(a.alias()))
                .as(a.alias()).map(m -> m.country().iso3()).contains(a.iso3()));
    }

    @Test
    void worldBankPopulationHasFranceAndTheWorld() {
        assumeTrue(Files.exists(WORLD_BANK), "no " + WORLD_BANK);

        PopulationFile f = PopulationFileReader.read(WORLD_BANK);
        PopulationTable t = PopulationTable.of(List.of(f));

        assertThat(f.layout()).isEqualTo(PopulationFileLayout.WORLD_BANK);
        assertThat(t.population("FRA", 2020, Sex.TOTAL).orElseThrow()).isBetween(60e6, 75e6);
        assertThat(t.population("WLD", 2020, Sex.TOTAL).orElseThrow()).isBetween(7e9, 9e9);
        assertThat(t.population("BHS", 2020, Sex.TOTAL)).isPresent(); // "Bahamas, The" is quoted
    }

    @Test
    void bothRealFilesLoadTogether() {
        assumeTrue(Files.exists(M49) && Files.exists(WORLD_BANK), "no shared reference files");

        ReferenceData ref = ReferenceData.load(List.of(M49), List.of(WORLD_BANK), null, null);

        assertThat(ref.countries().size()).isGreaterThan(240);
        assertThat(ref.population().population("DZA", 2020, Sex.TOTAL)).isPresent();
    }
}
