package org.uncts.cts.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.uncts.cts.model.Sex;

/**
 * Reads a population file in any of its layouts, recognised from the header:
 * <ul>
 * <li>World Bank ({@code Country Name,Country Code,Year,Value}): total population; aggregate
 * codes such as {@code WLD} are kept as they are;</li>
 * <li>our simple layout ({@code iso3,year,sex,population}), sex as {@code _T/M/F/_U} or
 * {@code Total/Male/Female/Unknown};</li>
 * <li>UN World Population Prospects "TotalPopulationBySex" ({@code ISO3_code, Variant, Time,
 * PopMale, PopFemale, PopTotal} among others), in thousands: converted to persons exactly
 * (1234.567 thousand is 1,234,567), Medium variant only, aggregates (no ISO3 code) left out.
 * The file is streamed: only the rows kept are held.</li>
 * </ul>
 * Figures are taken as they are: nothing is interpolated, and a missing figure stays missing.
 */
public final class PopulationFileReader {

    static final String WORLD_BANK_HEADER = "Country Name,Country Code,Year,Value";
    static final String SIMPLE_HEADER = "iso3,year,sex,population";
    static final String WPP_HEADER = "ISO3_code,Variant,Time,PopMale,PopFemale,PopTotal (among others, in thousands)";

    /** The projection variant read from WPP files; estimates (up to the WPP base year) are in every variant. */
    static final String WPP_VARIANT = "Medium";

    private static final List<String> WPP_COLUMNS = List.of("iso3_code", "variant", "time", "popmale", "popfemale",
            "poptotal");

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,3}(_[A-Z0-9]+)*");

    /** A column of figures: its sex (null: taken from the row's sex column) and whether it is in thousands. */
    private record ValueColumn(int col, Sex sex, boolean thousands) {
    }

    private PopulationFileReader() {
    }

    /** Reads every year of the file. */
    public static PopulationFile read(Path file) {
        return read(file, year -> true);
    }

    /**
     * Reads the figures of the years {@code years} accepts (e.g. a cycle's reference years); rows
     * of other years are not kept, and a WPP file is filtered while it is streamed.
     */
    public static PopulationFile read(Path file, IntPredicate years) {
        CsvTable t = CsvTable.read(file, header -> isWpp(header) ? wppRows(header, years) : row -> true);
        List<String> h = t.normalizedHeader();
        if (isWpp(t.header())) {
            t.requireColumns(WPP_COLUMNS, WPP_HEADER);
            return read(t, PopulationFileLayout.WPP, t.column("iso3_code"), t.column("time"), -1,
                    List.of(new ValueColumn(t.column("poptotal"), Sex.TOTAL, true),
                            new ValueColumn(t.column("popmale"), Sex.MALE, true),
                            new ValueColumn(t.column("popfemale"), Sex.FEMALE, true)), years);
        }
        if (h.contains("country code") && h.contains("value")) {
            t.requireColumns(List.of("country code", "year", "value"), WORLD_BANK_HEADER);
            return read(t, PopulationFileLayout.WORLD_BANK, t.column("country code"), t.column("year"), -1,
                    List.of(new ValueColumn(t.column("value"), Sex.TOTAL, false)), years);
        }
        if (h.contains("iso3") && h.contains("population")) {
            t.requireColumns(List.of("iso3", "year", "sex", "population"), SIMPLE_HEADER);
            t.requireOnlyColumns(List.of("iso3", "year", "sex", "population"), SIMPLE_HEADER);
            return read(t, PopulationFileLayout.SIMPLE, t.column("iso3"), t.column("year"), t.column("sex"),
                    List.of(new ValueColumn(t.column("population"), null, false)), years);
        }
        throw new ReferenceDataException(t.source(), t.headerLine(), null,
                "the header '" + t.headerText() + "' is not a known population file layout.",
                "use the World Bank layout (" + WORLD_BANK_HEADER + "), the simple layout (" + SIMPLE_HEADER
                        + ") or the UN World Population Prospects TotalPopulationBySex CSV (" + WPP_HEADER + ").");
    }

    /** WPP is recognised by its ISO3_code and PopTotal columns. */
    private static boolean isWpp(List<String> header) {
        List<String> h = header.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        return h.contains("iso3_code") && h.contains("poptotal");
    }

    /**
     * The WPP rows worth keeping while streaming: an ISO3 code (aggregates have none), the Medium
     * variant, a wanted year. A row whose year is not a year is kept so that it is reported.
     */
    private static Predicate<CsvTable.Row> wppRows(List<String> header, IntPredicate years) {
        List<String> h = header.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        int iso3 = h.indexOf("iso3_code");
        int variant = h.indexOf("variant");
        int time = h.indexOf("time");
        if (iso3 < 0 || variant < 0 || time < 0) {
            return row -> false; // the missing column is reported once the header is checked
        }
        return row -> {
            if (row.get(iso3).isEmpty() || !row.get(variant).equalsIgnoreCase(WPP_VARIANT)) {
                return false;
            }
            String year = row.get(time);
            return !YEAR.matcher(year).matches() || years.test(Integer.parseInt(year));
        };
    }

    private static PopulationFile read(CsvTable t, PopulationFileLayout layout, int codeCol, int yearCol, int sexCol,
            List<ValueColumn> valueCols, IntPredicate years) {
        String codeField = t.header().get(codeCol);
        String yearField = t.header().get(yearCol);
        List<PopulationFile.Entry> entries = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        Map<PopulationTable.Key, PopulationFile.Entry> seen = new HashMap<>();
        for (CsvTable.Row r : t.rows()) {
            boolean anyValue = valueCols.stream().anyMatch(v -> present(r.get(v.col())));
            if (!anyValue && valueCols.size() == 1) {
                skipped.add(r.line());
                continue;
            }
            String code = r.get(codeCol).toUpperCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                throw new ReferenceDataException(t.source(), r.line(), codeField,
                        code.isEmpty() ? "the country code is missing." : "'" + code + "' is not a country code.",
                        "give the ISO3 code (e.g. FRA) or a sub-national code (e.g. GBR_E_W).");
            }
            String yearText = r.get(yearCol);
            if (!YEAR.matcher(yearText).matches()) {
                throw new ReferenceDataException(t.source(), r.line(), yearField,
                        "'" + yearText + "' is not a year.", "give the year as four digits, e.g. 2020.");
            }
            int year = Integer.parseInt(yearText);
            if (!years.test(year)) {
                continue;
            }
            boolean gap = false;
            for (ValueColumn v : valueCols) {
                String value = r.get(v.col());
                if (!present(value)) {
                    gap = true;
                    continue;
                }
                String valueField = t.header().get(v.col());
                Sex sex = v.sex() != null ? v.sex() : sex(t, r, sexCol);
                if (!NUMBER.matcher(value).matches()) {
                    throw new ReferenceDataException(t.source(), r.line(), valueField,
                            "'" + value + "' is not a population number.",
                            v.thousands()
                                    ? "give the population in thousands as a plain non-negative number (e.g. 1234.567),"
                                            + " or leave it empty if unknown."
                                    : "give a plain non-negative number without thousands separators (e.g. 67601110),"
                                            + " or leave it empty if unknown.");
                }
                double population = v.thousands() ? fromThousands(value) : Double.parseDouble(value);
                PopulationFile.Entry e = new PopulationFile.Entry(r.line(), code, year, sex, population);
                PopulationFile.Entry earlier = seen.putIfAbsent(new PopulationTable.Key(code, year, sex), e);
                if (earlier != null) {
                    if (earlier.population() != population) {
                        throw new ReferenceDataException(t.source(), r.line(), valueField, code + " " + year + " "
                                + sex.code() + " is given twice with different values (" + fmt(earlier.population())
                                + " at line " + earlier.line() + ", " + fmt(population) + " here).",
                                "keep one row per country, year and sex.");
                    }
                    continue;
                }
                entries.add(e);
            }
            if (gap) {
                skipped.add(r.line());
            }
        }
        return new PopulationFile(t.source(), t.sha256(), layout, entries, skipped);
    }

    private static boolean present(String value) {
        return !value.isEmpty() && !value.equals("..");
    }

    /**
     * Thousands to persons, in decimal so that 1234.567 thousand is exactly 1,234,567 (a double
     * product can be 1234566.9999...); a fraction of a person left over is rounded half up.
     */
    static double fromThousands(String thousands) {
        return new BigDecimal(thousands).movePointRight(3).setScale(0, RoundingMode.HALF_UP).doubleValue();
    }

    private static Sex sex(CsvTable t, CsvTable.Row r, int col) {
        String s = r.get(col);
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "_T", "T", "TOTAL", "" -> Sex.TOTAL;
            case "M", "MALE" -> Sex.MALE;
            case "F", "FEMALE" -> Sex.FEMALE;
            case "_U", "U", "UNKNOWN" -> Sex.UNKNOWN;
            default -> throw new ReferenceDataException(t.source(), r.line(), t.header().get(col),
                    "'" + s + "' is not a sex code.", "use _T, M, F (or Total, Male, Female).");
        };
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
