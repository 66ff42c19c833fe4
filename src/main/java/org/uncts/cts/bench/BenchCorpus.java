package org.uncts.cts.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic canonical-CSV corpus of N rows for benchmarks, shaped like real returns so that
 * every cross-row check has work to do: synthetic countries (codes AAA, AAB, ...) x years
 * 2015-2024, and per country and year one block of {@value #PER_YEAR} cells:
 * <ul>
 *   <li>offences recorded for 12 ICCS codes with parents and children (0301 = 03011 + 03012 +
 *       03019, 050211 &lt;= 05021 &lt;= 0502, 05012 &lt;= 0501), each as a count and a rate per
 *       100,000 beside it;</li>
 *   <li>the justice funnel (persons suspected, prosecuted, brought before courts, convicted, each
 *       stage at most the one before) for 7 ICCS codes, by sex (Total = Male + Female) x age group
 *       (Total = the groups + Unknown; Juveniles and Adults), and by citizenship;</li>
 *   <li>homicide victims by sex x age group, by mechanism and by relationship to the perpetrator,
 *       with rates;</li>
 *   <li>persons held by sex and sentence status.</li>
 * </ul>
 * Figures follow a smooth trend per series (consistent across years, breakdowns and stages); the
 * corpus writes a population file for every country, year and sex, so that rates can be
 * recomputed, and a previous vintage (years 2015-2023, a few figures revised, one series more for
 * every fourth country). A small deliberate share of the rows is wrong: about one in a thousand
 * figures doubled (or a rate off by half), one in two thousand a zero, and, as before, one in a
 * thousand with a missing marker, a thousands separator or a flag. The same N always gives the
 * same bytes.
 */
public final class BenchCorpus {

    static final int FIRST_YEAR = 2015;
    static final int YEARS = 10;
    static final String[] SEX_LABEL = {"Total", "Male", "Female"};
    static final String[] SEX_CODE = {"_T", "M", "F"};
    /** Age groups: 0 total, 1-9 the groups, 10 unknown, 11 juveniles, 12 adults. */
    static final String[] AGE_LABEL = {"Total", "0-9", "10-14", "15-17", "18-19", "20-24", "25-29", "30-44", "45-59",
        "60 and older", "Unknown", "Juveniles", "Adults"};
    static final String[] AGE_CODE = {"_T", "Y0T9", "Y10T14", "Y15T17", "Y18T19", "Y20T24", "Y25T29", "Y30T44", "Y45T59",
        "Y_GE60", "_U", "JUVENILE", "ADULT"};
    static final String[] OFFENCE_ICCS = {"0101", "02011", "0301", "03011", "03012", "03019", "0401", "0501", "05012",
        "0502", "05021", "050211"};
    static final String[] STAGES = {"persons_suspected", "persons_prosecuted", "persons_brought_before_courts",
        "persons_convicted"};
    static final double[] STAGE_SHARE = {1, 0.8, 0.75, 0.7};
    static final String[] PERSONS_ICCS = {"0101", "0301", "03011", "03012", "03019", "0401", "0501"};
    static final String[] MECHANISM = {"Firearms or explosives", "Another weapon", "Without a weapon/ other Mechanism",
        "Unspecified means"};
    static final double[] MECHANISM_SHARE = {0.45, 0.25, 0.12};
    static final String[] RELATIONSHIP = {"Intimate partner or family member", "Other Perpetrator known to the victim",
        "Perpetrator unknown to the victim", "Perpetrator to victim relationship unknown", "Intimate partner",
        "Family member"};
    static final double[] RELATIONSHIP_SHARE = {0.35, 0.2, 0.3};
    static final String COUNTS = "Counts";
    static final String RATE = "\"Rate per 100,000 population\"";

    /** One cell of a country-year block; dimension "Total" means no breakdown. */
    record Cell(int family, String indicator, String iccs, String dimension, int category, int sex, int age, int stage,
                boolean rate) {
    }

    static final int OFFENCES = 0;
    static final int PERSONS = 1;
    static final int CITIZENSHIP = 2;
    static final int HOMICIDE = 3;
    static final int MECHANISMS = 4;
    static final int RELATIONSHIPS = 5;
    static final int HELD = 6;

    static final List<Cell> CELLS = cells();
    static final int PER_YEAR = 1247;
    static final int PER_COUNTRY = YEARS * PER_YEAR;

    static {
        if (CELLS.size() != PER_YEAR) {
            throw new AssertionError("bench corpus block has " + CELLS.size() + " cells");
        }
    }

    private BenchCorpus() {
    }

    /** The corpus's files: returns, reference, previous vintage (null when none) and a job spec; and the total row count. */
    public record Corpus(Path spec, List<Path> returns, long rows, long bytes, Path previous, long previousRows) {
    }

    public static Corpus write(Path dir, long rows, int files) throws IOException {
        return write(dir, rows, files, true);
    }

    public static Corpus write(Path dir, long rows, int files, boolean withPrevious) throws IOException {
        Files.createDirectories(dir.resolve("returns"));
        Files.createDirectories(dir.resolve("reference"));
        Files.createDirectories(dir.resolve("jobs"));
        int countries = (int) ((rows + PER_COUNTRY - 1) / PER_COUNTRY);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("reference/countries.csv"), StandardCharsets.UTF_8)) {
            w.write("iso3,m49,name,region,subregion,parent_iso3\n");
            for (int c = 0; c < countries; c++) {
                // synthetic M49 codes (so that regional aggregates have members) while M49 has numbers left;
                // beyond 899 countries (about 11M rows) the areas have none and are not aggregated
                String m49 = c < 899 ? String.format(java.util.Locale.ROOT, "%03d", c + 1) : "";
                w.write(code(c) + "," + m49 + ",Country " + code(c) + ",Region " + (c % 5) + ",Subregion " + (c % 17) + ",\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("reference/population.csv"), StandardCharsets.UTF_8)) {
            w.write("iso3,year,sex,population\n");
            for (int c = 0; c < countries; c++) {
                for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
                    for (int s = 0; s < 3; s++) {
                        w.write(code(c) + "," + y + "," + SEX_CODE[s] + "," + population(c, y, s) + "\n");
                    }
                }
            }
        }
        Path previous = withPrevious ? dir.resolve("reference/previous.csv") : null;
        BufferedWriter prev = previous == null ? null : Files.newBufferedWriter(previous, StandardCharsets.UTF_8);
        long previousRows = 0;
        List<Path> returns = new ArrayList<>();
        long perFile = (rows + files - 1) / files;
        long row = 0;
        long bytes = 0;
        try {
            if (prev != null) {
                prev.write("country_iso3,indicator,iccs_code,dimension,category,sex,age,unit,year,value\n");
            }
            BufferedWriter w = null;
            Path p = null;
            int c = -1;
            int y = FIRST_YEAR + YEARS - 1;
            Block block = null;
            for (; row < rows; row++) {
                if (row % perFile == 0) {
                    if (w != null) {
                        w.close();
                        bytes += Files.size(p);
                    }
                    p = dir.resolve(String.format("returns/bench-%02d.csv", returns.size()));
                    returns.add(p);
                    w = Files.newBufferedWriter(p, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING);
                    w.write("country,year,indicator,iccs_code,dimension,category,sex,age,unit,value,flag,note\n");
                }
                int cell = (int) (row % PER_YEAR);
                if (cell == 0) {
                    y++;
                    if (y == FIRST_YEAR + YEARS) {
                        y = FIRST_YEAR;
                        c++;
                        if (prev != null && c % 4 == 0) {
                            previousRows += writeDroppedSeries(prev, c);
                        }
                    }
                    block = new Block(c, y);
                }
                Cell cl = CELLS.get(cell);
                String value = block.value(cl);
                w.write(line(row, c, y, cl, value));
                if (prev != null && y < FIRST_YEAR + YEARS - 1) {
                    prev.write(previousLine(row, c, y, cl, value));
                    previousRows++;
                }
            }
            if (w != null) {
                w.close();
                bytes += Files.size(p);
            }
        } finally {
            if (prev != null) {
                prev.close();
            }
        }
        Path spec = dir.resolve("jobs/bench.yml");
        Files.writeString(spec, """
                name: bench
                cycle: Benchmark corpus
                reference_years: {from: 2015, to: 2024}
                inputs:
                  - path: ../returns/*.csv
                    format: canonical
                reference:
                  countries: [../reference/countries.csv]
                  population: [../reference/population.csv]
                output: ../out
                """ + (previous == null ? "" : """
                validation:
                  previous_vintage: ../reference/previous.csv
                """), StandardCharsets.UTF_8);
        return new Corpus(spec, returns, rows, bytes, previous, previousRows);
    }

    /** A row of a return: the figure as computed, or one of the deliberate mistakes and messes. */
    static String line(long row, int country, int year, Cell cell, String value) {
        long h = Math.floorMod(mix(row), 2000L);
        String v = value;
        String flag = "";
        if (h % 1000 == 3) {
            // a wrong figure: doubled count, rate off by half
            v = cell.rate() ? String.format(Locale.ROOT, "%.4f", Double.parseDouble(value) * 1.5)
                    : Long.toString(Long.parseLong(value) * 2 + 37);
        } else if (h == 5 && !cell.rate()) {
            v = "0";
        } else if (h % 1000 == 7) {
            v = "..";
        } else if (h % 1000 == 11 && !cell.rate() && value.length() > 3) {
            v = "\"" + String.format(Locale.ROOT, "%,d", Long.parseLong(value)) + "\"";
        } else if (h % 1000 == 13) {
            flag = "p";
        }
        return code(country) + "," + year + "," + cell.indicator() + "," + cell.iccs() + "," + cell.dimension() + ","
                + category(cell) + "," + SEX_LABEL[cell.sex()] + "," + AGE_LABEL[cell.age()] + ","
                + (cell.rate() ? RATE : COUNTS) + "," + v + "," + flag + ",\n";
    }

    /** The same figure in the previous vintage, in codes; about one in a thousand revised since. */
    static String previousLine(long row, int country, int year, Cell cell, String value) {
        String v = value;
        if (Math.floorMod(mix(row * 31 + 7), 1000L) == 17) {
            v = cell.rate() ? String.format(Locale.ROOT, "%.4f", Double.parseDouble(value) * 1.2)
                    : Long.toString(Math.round(Long.parseLong(value) * 1.2) + 3);
        }
        String cat = category(cell);
        return code(country) + "," + cell.indicator() + "," + cell.iccs() + "," + cell.dimension() + ","
                + cat + "," + SEX_CODE[cell.sex()] + "," + AGE_CODE[cell.age()] + ","
                + (cell.rate() ? "RATE_PER_100K" : "COUNT") + "," + year + "," + v + "\n";
    }

    /** A series the previous vintage had and this cycle's return no longer has: attempted homicides. */
    private static int writeDroppedSeries(BufferedWriter prev, int country) throws IOException {
        int n = 0;
        for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS - 1; y++) {
            prev.write(code(country) + ",offences_recorded,0102,Total,Total,_T,_T,COUNT," + y + ","
                    + leaf(country, y, "O|0102", 50, 900) + "\n");
            n++;
        }
        return n;
    }

    private static String category(Cell cell) {
        return switch (cell.family()) {
            case CITIZENSHIP -> cell.category() == 0 ? "National citizens" : "Foreign citizens";
            case MECHANISMS -> MECHANISM[cell.category()];
            case RELATIONSHIPS -> RELATIONSHIP[cell.category()];
            case HELD -> cell.category() == 0 ? "Total" : cell.category() == 1 ? "Sentenced" : "Unsentenced";
            default -> "Total";
        };
    }

    private static List<Cell> cells() {
        List<Cell> out = new ArrayList<>();
        for (String iccs : OFFENCE_ICCS) {
            out.add(new Cell(OFFENCES, "offences_recorded", iccs, "Total", 0, 0, 0, 0, false));
            out.add(new Cell(OFFENCES, "offences_recorded", iccs, "Total", 0, 0, 0, 0, true));
        }
        for (int st = 0; st < STAGES.length; st++) {
            for (String iccs : PERSONS_ICCS) {
                for (int s = 0; s < 3; s++) {
                    for (int a = 0; a < AGE_CODE.length; a++) {
                        out.add(new Cell(PERSONS, STAGES[st], iccs, "Total", 0, s, a, st, false));
                    }
                }
                for (int k = 0; k < 2; k++) {
                    out.add(new Cell(CITIZENSHIP, STAGES[st], iccs, "by citizenship", k, 0, 0, st, false));
                }
            }
        }
        for (int s = 0; s < 3; s++) {
            for (int a = 0; a <= 10; a++) {
                out.add(new Cell(HOMICIDE, "victims_intentional_homicide", "0101", "Total", 0, s, a, 0, false));
            }
            out.add(new Cell(HOMICIDE, "victims_intentional_homicide", "0101", "Total", 0, s, 0, 0, true));
            for (int k = 0; k < MECHANISM.length; k++) {
                out.add(new Cell(MECHANISMS, "victims_intentional_homicide", "0101", "by mechanism", k, s, 0, 0, false));
            }
            for (int k = 0; k < RELATIONSHIP.length; k++) {
                out.add(new Cell(RELATIONSHIPS, "victims_intentional_homicide", "0101", "by relationship to perpetrator", k, s,
                        0, 0, false));
            }
        }
        for (int s = 0; s < 3; s++) {
            for (int k = 0; k < 3; k++) {
                out.add(new Cell(HELD, "persons_held", "", k == 0 ? "Total" : "by sentence status", k, s, 0, 0, false));
            }
        }
        return List.copyOf(out);
    }

    /** The true figures of one country and year, consistent across breakdowns, hierarchy and stages. */
    static final class Block {
        private final int country;
        private final int year;

        Block(int country, int year) {
            this.country = country;
            this.year = year;
        }

        String value(Cell c) {
            long count = switch (c.family()) {
                case OFFENCES -> offences(c.iccs());
                case PERSONS -> persons(c.stage(), c.iccs(), c.sex(), c.age());
                case CITIZENSHIP -> {
                    long t = persons(c.stage(), c.iccs(), 0, 0);
                    long national = (long) Math.floor(0.85 * t);
                    yield c.category() == 0 ? national : t - national;
                }
                case HOMICIDE -> homicide(c.sex(), c.age());
                case MECHANISMS -> bySex(c.sex(), s -> shares(homicide(s, 0), MECHANISM_SHARE, c.category()));
                case RELATIONSHIPS -> bySex(c.sex(), s -> relationship(homicide(s, 0), c.category()));
                case HELD -> bySex(c.sex(), s -> {
                    long t = leaf(country, year, "D|" + s, s == 1 ? 2000 : 100, s == 1 ? 40000 : 3000);
                    long sentenced = (long) Math.floor(0.7 * t);
                    return c.category() == 0 ? t : c.category() == 1 ? sentenced : t - sentenced;
                });
                default -> throw new IllegalStateException();
            };
            if (!c.rate()) {
                return Long.toString(count);
            }
            return String.format(Locale.ROOT, "%.4f", 100_000.0 * count / population(country, year, c.sex()));
        }

        private long bySex(int sex, java.util.function.IntToLongFunction f) {
            return sex == 0 ? f.applyAsLong(1) + f.applyAsLong(2) : f.applyAsLong(sex);
        }

        private long offences(String iccs) {
            return switch (iccs) {
                case "0301" -> offences("03011") + offences("03012") + offences("03019");
                case "05012" -> (long) Math.floor(0.6 * offences("0501"));
                case "05021" -> (long) Math.floor(0.3 * offences("0502"));
                case "050211" -> (long) Math.floor(0.8 * offences("05021"));
                case "0101" -> leaf(country, year, "O|0101", 20, 700);
                case "02011", "0502" -> leaf(country, year, "O|" + iccs, 1000, 50000);
                case "0401", "0501" -> leaf(country, year, "O|" + iccs, 200, 20000);
                default -> leaf(country, year, "O|" + iccs, 50, 2000);
            };
        }

        private long persons(int stage, String iccs, int sex, int age) {
            if (iccs.equals("0301")) {
                return persons(stage, "03011", sex, age) + persons(stage, "03012", sex, age) + persons(stage, "03019", sex, age);
            }
            if (sex == 0) {
                return persons(stage, iccs, 1, age) + persons(stage, iccs, 2, age);
            }
            if (age == 0 || age == 11 || age == 12) {
                int from = age == 12 ? 4 : 1;
                int to = age == 11 ? 3 : age == 12 ? 9 : 10;
                long sum = 0;
                for (int a = from; a <= to; a++) {
                    sum += persons(stage, iccs, sex, a);
                }
                return sum;
            }
            if (stage == 0) {
                return leaf(country, year, "P|" + iccs + "|" + sex + "|" + age, sex == 1 ? 200 : 100, sex == 1 ? 6000 : 2000);
            }
            return (long) Math.floor(STAGE_SHARE[stage] * persons(stage - 1, iccs, sex, age));
        }

        private long homicide(int sex, int age) {
            if (sex == 0) {
                return homicide(1, age) + homicide(2, age);
            }
            if (age == 0) {
                long sum = 0;
                for (int a = 1; a <= 10; a++) {
                    sum += homicide(sex, a);
                }
                return sum;
            }
            return leaf(country, year, "H|" + sex + "|" + age, 2, sex == 1 ? 60 : 20);
        }

        private long relationship(long total, int category) {
            if (category < 4) {
                return shares(total, RELATIONSHIP_SHARE, category);
            }
            long ipfm = shares(total, RELATIONSHIP_SHARE, 0);
            long partner = (long) Math.floor(0.55 * ipfm);
            return category == 4 ? partner : ipfm - partner;
        }

        /** The category's share of a total; the last category takes the remainder. */
        private static long shares(long total, double[] shares, int category) {
            if (category < shares.length) {
                return (long) Math.floor(shares[category] * total);
            }
            long rest = total;
            for (double s : shares) {
                rest -= (long) Math.floor(s * total);
            }
            return rest;
        }
    }

    /**
     * A figure of a series on a smooth trend: a base, a yearly growth of -3% to +3%, and +/-8% noise (so that
     * two series that happen to share a figure one year rarely share it again: fewer same-figure findings by chance).
     */
    static long leaf(int country, int year, String id, int lo, int hi) {
        long k = mix(country * 1_000_003L + id.hashCode());
        double base = lo + (hi - lo) * frac(k);
        double growth = -0.03 + 0.06 * frac(mix(k + 1));
        double noise = 0.08 * (2 * frac(mix(k + 2 + year)) - 1);
        return Math.round(base * Math.pow(1 + growth, year - FIRST_YEAR) * (1 + noise));
    }

    static long population(int country, int year, int sex) {
        long total = Math.round((500_000 + Math.floorMod(mix(country * 7L + 3), 60_000_000L)) * (1 + 0.01 * (year - FIRST_YEAR)));
        long male = (long) Math.floor(0.49 * total);
        return sex == 0 ? total : sex == 1 ? male : total - male;
    }

    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double frac(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    static String code(int c) {
        char[] s = new char[3];
        for (int i = 2; i >= 0; i--) {
            s[i] = (char) ('A' + c % 26);
            c /= 26;
        }
        return new String(s);
    }
}
