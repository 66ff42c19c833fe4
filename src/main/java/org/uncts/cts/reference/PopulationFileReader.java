package org.uncts.cts.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.uncts.cts.model.Sex;

/**
 * Reads a population file in either layout, recognised from the header:
 * <ul>
 * <li>World Bank ({@code Country Name,Country Code,Year,Value}): total population; aggregate
 * codes such as {@code WLD} are kept as they are;</li>
 * <li>our simple layout ({@code iso3,year,sex,population}), sex as {@code _T/M/F/_U} or
 * {@code Total/Male/Female/Unknown}.</li>
 * </ul>
 */
public final class PopulationFileReader {

    static final String WORLD_BANK_HEADER = "Country Name,Country Code,Year,Value";
    static final String SIMPLE_HEADER = "iso3,year,sex,population";

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,3}(_[A-Z0-9]+)*");

    private PopulationFileReader() {
    }

    public static PopulationFile read(Path file) {
        CsvTable t = CsvTable.read(file);
        List<String> h = t.normalizedHeader();
        if (h.contains("country code") && h.contains("value")) {
            t.requireColumns(List.of("country code", "year", "value"), WORLD_BANK_HEADER);
            return read(t, PopulationFileLayout.WORLD_BANK, t.column("country code"), t.column("year"), -1,
                    t.column("value"));
        }
        if (h.contains("iso3") && h.contains("population")) {
            t.requireColumns(List.of("iso3", "year", "sex", "population"), SIMPLE_HEADER);
            t.requireOnlyColumns(List.of("iso3", "year", "sex", "population"), SIMPLE_HEADER);
            return read(t, PopulationFileLayout.SIMPLE, t.column("iso3"), t.column("year"), t.column("sex"),
                    t.column("population"));
        }
        throw new ReferenceDataException(t.source(), t.headerLine(), null,
                "the header '" + t.headerText() + "' is not a known population file layout.",
                "use the World Bank layout (" + WORLD_BANK_HEADER + ") or the simple layout (" + SIMPLE_HEADER + ").");
    }

    private static PopulationFile read(CsvTable t, PopulationFileLayout layout, int codeCol, int yearCol, int sexCol,
            int valueCol) {
        String codeField = t.header().get(codeCol);
        String yearField = t.header().get(yearCol);
        String valueField = t.header().get(valueCol);
        List<PopulationFile.Entry> entries = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        Map<PopulationTable.Key, PopulationFile.Entry> seen = new HashMap<>();
        for (CsvTable.Row r : t.rows()) {
            String value = r.get(valueCol);
            if (value.isEmpty() || value.equals("..")) {
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
            Sex sex = sexCol < 0 ? Sex.TOTAL : sex(t, r, sexCol);
            if (!NUMBER.matcher(value).matches()) {
                throw new ReferenceDataException(t.source(), r.line(), valueField,
                        "'" + value + "' is not a population number.",
                        "give a plain non-negative number without thousands separators (e.g. 67601110),"
                                + " or leave it empty if unknown.");
            }
            double population = Double.parseDouble(value);
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
        return new PopulationFile(t.source(), t.sha256(), layout, entries, skipped);
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
