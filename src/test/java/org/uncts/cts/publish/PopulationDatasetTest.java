package org.uncts.cts.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.reference.PopulationTable;
import org.uncts.cts.testing.Duck;

class PopulationDatasetTest {

    @TempDir
    Path dir;

    @Test
    void oneRowPerCountryYearAndSexWithItsSourceAndEdition() throws Exception {
        Path wpp = Files.writeString(dir.resolve("wpp.csv"),
                "ISO3_code,Location,Variant,Time,PopMale,PopFemale,PopTotal\n"
                        + ",World,Medium,2020,3912345.678,3887654.322,7800000\n"
                        + "FRA,France,Medium,2020,31300.001,33400.999,64701\n"
                        + "FRA,France,High,2020,31301,33401,64702\n"
                        + "DZA,Algeria,Medium,2020,22222.222,21777.778,44000\n");
        Path extra = Files.writeString(dir.resolve("gbr.csv"), "iso3,year,sex,population\nGBR_E_W,2020,_T,59719724\n");
        PopulationTable table = PopulationTable.load(List.of(wpp, extra));
        Path out = dir.resolve("population/population.parquet");

        long rows = PopulationDataset.write(out, table, " WPP 2024 (invented sample) ");

        assertThat(rows).isEqualTo(7);
        String src = "'" + out + "'";
        assertThat(Duck.rows("SELECT country_iso3, year, sex, population, source, edition FROM read_parquet(" + src
                + ") ORDER BY country_iso3, sex")).containsExactly(
                List.of("DZA", 2020, "F", 21_777_778d, wpp.toString(), "WPP 2024 (invented sample)"),
                List.of("DZA", 2020, "M", 22_222_222d, wpp.toString(), "WPP 2024 (invented sample)"),
                List.of("DZA", 2020, "_T", 44_000_000d, wpp.toString(), "WPP 2024 (invented sample)"),
                List.of("FRA", 2020, "F", 33_400_999d, wpp.toString(), "WPP 2024 (invented sample)"),
                List.of("FRA", 2020, "M", 31_300_001d, wpp.toString(), "WPP 2024 (invented sample)"),
                List.of("FRA", 2020, "_T", 64_701_000d, wpp.toString(), "WPP 2024 (invented sample)"),
                List.of("GBR_E_W", 2020, "_T", 59_719_724d, extra.toString(), "WPP 2024 (invented sample)"));
        // the columns and types the contract fixes
        assertThat(Duck.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(" + src + "))"))
                .containsExactly(List.of("country_iso3", "VARCHAR"), List.of("year", "INTEGER"),
                        List.of("sex", "VARCHAR"), List.of("population", "DOUBLE"), List.of("source", "VARCHAR"),
                        List.of("edition", "VARCHAR"));
    }

    @Test
    void withoutAnEditionTheColumnIsNullAndAnEmptyTableGivesAnEmptyFile() throws Exception {
        Path pop = Files.writeString(dir.resolve("pop.csv"), "iso3,year,sex,population\nFRA,2020,_T,67601110\n");
        Path out = dir.resolve("a.parquet");
        Path empty = dir.resolve("b.parquet");

        PopulationDataset.write(out, PopulationTable.load(List.of(pop)), null);
        long none = PopulationDataset.write(empty, PopulationTable.empty(), "  ");

        assertThat(Duck.rows("SELECT edition IS NULL FROM read_parquet('" + out + "')")).containsExactly(List.of(true));
        assertThat(none).isZero();
        assertThat(Duck.count("SELECT count(*) FROM read_parquet('" + empty + "')")).isZero();
    }
}
