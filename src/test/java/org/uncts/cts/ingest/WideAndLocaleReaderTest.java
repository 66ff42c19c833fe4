package org.uncts.cts.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.model.ObsStatus;
import org.uncts.cts.model.RawObservation;
import org.uncts.cts.model.ValidationIssue;
import org.uncts.cts.reference.ReferenceData;
import org.uncts.cts.validate.ReferenceYears;
import org.uncts.cts.validate.RowOutcome;
import org.uncts.cts.validate.RowValidator;

/** Wide returns (years as columns) and number conventions (decimal comma, thousands separators), read and validated. */
class WideAndLocaleReaderTest {

    /** The sample's reference data with the locale example's countries (AUT, BEL, CHE). */
    static final ReferenceData REFERENCE = ReferenceData.load(List.of(Path.of("sample-data/reference/countries-m49.csv"),
            Path.of("sample-data/returns-locales/countries-locales.csv")), List.of(), null, null);
    private static final RowValidator VALIDATOR = new RowValidator(REFERENCE, new ReferenceYears(2015, 2024), 1);
    private static final String KEY = "victims_intentional_homicide;0101;Total;Total;Total;Total;Counts";

    @TempDir
    Path dir;

    private List<RowOutcome> read(String name, String text, ReturnLayout layout, ReadOptions options) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        List<RowOutcome> out = new ArrayList<>();
        try (ReturnReader r = ReturnReaders.open(InputFile.inspect(p), name, layout, options)) {
            for (RawObservation o; (o = r.next()) != null; ) {
                out.add(VALIDATOR.validate(o));
            }
        }
        return out;
    }

    private static List<Double> values(List<RowOutcome> rows) {
        return rows.stream().map(o -> o.accepted() ? o.observation().value() : null).toList();
    }

    private static ValidationIssue error(RowOutcome o) {
        ValidationIssue e = o.firstError();
        assertTrue(e != null, () -> "expected a rejected row: " + o.issues());
        return e;
    }

    @Test
    void wideRowsGiveOneObservationPerFilledYearCell() throws Exception {
        String csv = """
                country;indicator;iccs_code;dimension;category;sex;age;unit;2018;2018 flag;2019;2019 flag;2020;note
                AUT;%s;55;e;61;;70;police data
                CHE;%s;..;;abc;;12;
                BEL;%s;;;;;;
                """.formatted("victims_intentional_homicide;0101;Total;Total;Total;Total;Counts",
                "victims_intentional_homicide;0101;Total;Total;Total;Total;Counts",
                "victims_intentional_homicide;0101;Total;Total;Total;Total;Counts");
        List<RowOutcome> rows = read("w.csv", csv, null, ReadOptions.NONE);
        // AUT: 3 filled cells; CHE: 3 (.. is a missing value, abc is rejected); BEL: none (blank cells are no observation)
        assertEquals(6, rows.size(), rows.toString());
        RowOutcome aut2018 = rows.get(0);
        assertEquals("wide", ReturnLayout.WIDE.specName());
        assertEquals(2018, aut2018.observation().year());
        assertEquals(55.0, aut2018.observation().value());
        assertEquals(ObsStatus.E, aut2018.observation().status());
        assertEquals("police data", aut2018.observation().note(), "a note column applies to every year of its line");
        assertEquals(2, aut2018.observation().provenance().line());
        assertEquals("2018", aut2018.raw().column());
        assertEquals(List.of(2018, 2019, 2020), rows.subList(0, 3).stream().map(o -> o.observation().year()).toList());
        assertNull(rows.get(1).observation().flag(), "2019 has its own, blank, flag column");

        RowOutcome che2018 = rows.get(3);
        assertEquals(ObsStatus.O, che2018.observation().status());
        assertNull(che2018.observation().value());
        RowOutcome che2019 = rows.get(4);
        assertEquals(3, che2019.raw().provenance().line());
        ValidationIssue bad = error(che2019);
        assertEquals("value-non-numeric", bad.ruleId());
        assertTrue(bad.message().startsWith("Column 2019: "), bad.message());
        // the year column locates the rejected observation within its line (source_cell)
        assertEquals("2019", bad.provenance().cell());
        assertEquals("2019", String.valueOf(StagingRecords.rejected(che2019, 1).get("source_cell")));
        assertEquals("2018", aut2018.observation().provenance().cell());
        assertTrue(che2019.raw().rawText().startsWith("CHE;"), "the rejected row keeps its whole line");
        assertEquals(12.0, rows.get(5).observation().value());
        long accepted = rows.stream().filter(RowOutcome::accepted).count();
        assertEquals(rows.size(), accepted + rows.stream().filter(o -> !o.accepted()).count());
        assertEquals(5, accepted);
    }

    @Test
    void wideLineWithWrongCellCountIsOneRejectedRowAndHeaderProblemsStopTheFile() throws Exception {
        List<RowOutcome> rows = read("w.csv", "country,indicator,2019,2020\nAUT,victims_intentional_homicide,1\n",
                ReturnLayout.WIDE, ReadOptions.NONE);
        assertEquals(1, rows.size());
        assertEquals("row-malformed", error(rows.get(0)).ruleId());
        assertNull(error(rows.get(0)).provenance().cell(), "the whole line is wrong: no single year column");
        assertNull(error(rows.get(0)).field(), "a missing cell is in no single field");

        Path p = dir.resolve("f.csv");
        Files.writeString(p, "country,indicator,2019,2020,2021 flag\n");
        ReturnFormatException e = assertThrows(ReturnFormatException.class,
                () -> ReturnReaders.open(InputFile.inspect(p), "f.csv", null, ReadOptions.NONE));
        assertTrue(e.getMessage().contains("f.csv: header line 1 has a flag or note column for 2021"), e.getMessage());
    }

    @Test
    void decimalCommaWithSpaceNoBreakSpaceAndDotThousandsDetected() throws Exception {
        String csv = "country;year;indicator;iccs_code;dimension;category;sex;age;unit;value\n"
                + "AUT;2019;" + KEY.replace("Counts", "rate") + ";1,5\n"          // settles the decimal comma
                + "AUT;2020;" + KEY + ";1 234\n"
                + "AUT;2021;" + KEY + ";1\u00A0234\n"
                + "AUT;2022;" + KEY + ";1.234\n"                                     // now read as 1234
                + "AUT;2023;" + KEY.replace("Counts", "rate") + ";1.234,5\n"
                + "AUT;2024;" + KEY.replace("Counts", "rate") + ";12 345,25\n";
        List<RowOutcome> rows = read("l.csv", csv, null, ReadOptions.NONE);
        assertEquals(List.of(1.5, 1234.0, 1234.0, 1234.0, 1234.5, 12345.25), values(rows));
    }

    @Test
    void declaredConventionIsApplied() throws Exception {
        String csv = "country;year;indicator;iccs_code;dimension;category;sex;age;unit;value\n"
                + "AUT;2020;" + KEY + ";2.500\n"
                + "AUT;2021;" + KEY.replace("Counts", "rate") + ";0,75\n";
        assertEquals(List.of(2500.0, 0.75), values(read("d.csv", csv, null, new ReadOptions(null, null, ',', '.'))));
        // a thousands dot alone implies the decimal comma
        assertEquals(List.of(2500.0, 0.75), values(read("d2.csv", csv, null, new ReadOptions(null, null, null, '.'))));
        String dotted = "country;year;indicator;iccs_code;dimension;category;sex;age;unit;value\n"
                + "AUT;2020;" + KEY + ";2,500\n";
        assertEquals(List.of(2500.0), values(read("d3.csv", dotted, null, new ReadOptions(null, null, '.', null))));
    }

    @Test
    void ambiguousValueIsAFindingNeverAGuess() throws Exception {
        String csv = "country;year;indicator;iccs_code;dimension;category;sex;age;unit;value\n"
                + "AUT;2020;" + KEY + ";1.234\n"
                + "AUT;2021;" + KEY + ";2,500\n"
                + "AUT;2022;" + KEY + ";1500\n";
        List<RowOutcome> rows = read("a.csv", csv, null, ReadOptions.NONE);
        assertEquals(3, rows.size());
        for (RowOutcome o : rows.subList(0, 2)) {
            ValidationIssue e = error(o);
            assertEquals("value-ambiguous-number", e.ruleId());
            assertEquals("value", e.field());
            assertTrue(e.message().contains("a.csv, line " + o.raw().provenance().line() + ", field value"), e.message());
            assertTrue(e.message().contains("decimal_mark:") && e.message().contains("thousands_separator:"), e.message());
        }
        assertEquals(1500.0, rows.get(2).observation().value());
        // the same ambiguous value in a wide file names its column
        String wide = "country;indicator;iccs_code;unit;2019;2020\nAUT;victims_intentional_homicide;0101;Counts;2,500;7\n";
        List<RowOutcome> w = read("aw.csv", wide, null, ReadOptions.NONE);
        assertTrue(error(w.get(0)).message().contains("aw.csv, line 2, column 2019"), error(w.get(0)).message());
        assertEquals(7.0, w.get(1).observation().value());
    }

    @Test
    void valueContradictingTheConventionIsRejectedWithItsReason() throws Exception {
        String csv = "country;year;indicator;iccs_code;dimension;category;sex;age;unit;value\n"
                + "AUT;2020;" + KEY + ";1,234,5\n";
        ValidationIssue declared = error(read("c.csv", csv, null, new ReadOptions(null, null, ',', null)).get(0));
        assertEquals("value-non-numeric", declared.ruleId());
        assertTrue(declared.message().contains("c.csv, line 2, field value: value '1,234,5' does not fit the declared decimal mark ','"),
                declared.message());
        String detected = "country;year;indicator;iccs_code;dimension;category;sex;age;unit;value\n"
                + "AUT;2019;" + KEY.replace("Counts", "rate") + ";2,5\n"
                + "AUT;2020;" + KEY.replace("Counts", "rate") + ";1,234.5\n";
        ValidationIssue e = error(read("c2.csv", detected, null, ReadOptions.NONE).get(1));
        assertTrue(e.message().contains("detected from '2,5' (line 2, field value)"), e.message());
    }

    @Test
    void commaDelimitedFilesWithoutDeclarationKeepTheDefault() throws Exception {
        String csv = "country,year,indicator,iccs_code,dimension,category,sex,age,unit,value\n"
                + "AUT,2020," + KEY.replace(';', ',') + ",\"2,500\"\n"
                + "AUT,2021," + KEY.replace(';', ',').replace("Counts", "rate") + ",1.25\n";
        assertEquals(List.of(2500.0, 1.25), values(read("k.csv", csv, null, ReadOptions.NONE)));
    }

    @Test
    void declaredDelimiterIsUsed() throws Exception {
        String csv = "country|year|indicator|iccs_code|dimension|category|sex|age|unit|value\n"
                + "AUT|2020|" + KEY.replace(';', '|') + "|2 500\n";
        assertEquals(List.of(2500.0), values(read("p.csv", csv, null, new ReadOptions(null, '|', null, null))));
    }
}
