package org.uncts.cts.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic canonical-CSV corpus of N rows for benchmarks: synthetic countries (codes AAA,
 * AAB, ...) x years 2015-2024 x ICCS codes x sex x age group, values from a fixed formula, with
 * one row in a thousand carrying a realistic mess (missing marker, thousands separator, flag).
 * The same N always gives the same bytes.
 */
public final class BenchCorpus {

    static final String[] ICCS = {"0101", "02011", "0301", "03011", "0401", "0501", "0502", "05021"};
    static final String[] SEX = {"Total", "Male", "Female"};
    static final String[] AGE = {"Total", "0-9", "10-14", "15-17", "18-19", "20-24", "25-29", "30-44", "45-59", "60 and older", "Unknown"};
    static final int YEARS = 10;
    static final int PER_COUNTRY = YEARS * ICCS.length * SEX.length * AGE.length;

    private BenchCorpus() {
    }

    /** The corpus's files: returns, reference and a job spec; and the total row count. */
    public record Corpus(Path spec, List<Path> returns, long rows, long bytes) {
    }

    public static Corpus write(Path dir, long rows, int files) throws IOException {
        Files.createDirectories(dir.resolve("returns"));
        Files.createDirectories(dir.resolve("reference"));
        Files.createDirectories(dir.resolve("jobs"));
        int countries = (int) ((rows + PER_COUNTRY - 1) / PER_COUNTRY);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("reference/countries.csv"), StandardCharsets.UTF_8)) {
            w.write("iso3,m49,name,region,subregion,parent_iso3\n");
            for (int c = 0; c < countries; c++) {
                // synthetic areas have no M49 code: there are more of them than M49 has numbers
                w.write(code(c) + ",,Country " + code(c) + ",Region " + (c % 5) + ",Subregion " + (c % 17) + ",\n");
            }
        }
        List<Path> returns = new ArrayList<>();
        long perFile = (rows + files - 1) / files;
        long row = 0;
        long bytes = 0;
        for (int f = 0; f < files && row < rows; f++) {
            Path p = dir.resolve(String.format("returns/bench-%02d.csv", f));
            returns.add(p);
            long end = Math.min(rows, row + perFile);
            try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                w.write("country,year,indicator,iccs_code,dimension,category,sex,age,unit,value,flag,note\n");
                for (; row < end; row++) {
                    w.write(line(row));
                }
            }
            bytes += Files.size(p);
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
                output: ../out
                """, StandardCharsets.UTF_8);
        return new Corpus(spec, returns, rows, bytes);
    }

    static String line(long row) {
        long r = row;
        int age = (int) (r % AGE.length);
        r /= AGE.length;
        int sex = (int) (r % SEX.length);
        r /= SEX.length;
        int iccs = (int) (r % ICCS.length);
        r /= ICCS.length;
        int year = 2015 + (int) (r % YEARS);
        int country = (int) (r / YEARS);
        long value = (row * 2654435761L) % 50_000;
        String v;
        String flag = "";
        if (row % 1000 == 7) {
            v = "..";
        } else if (row % 1000 == 11) {
            v = "\"" + String.format("%,d", value + 1000) + "\"";
        } else {
            v = Long.toString(value);
        }
        if (row % 1000 == 13) {
            flag = "p";
        }
        return code(country) + "," + year + ",offences_recorded," + ICCS[iccs] + ",Total,Total," + SEX[sex] + ","
                + AGE[age] + ",Counts," + v + "," + flag + ",\n";
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
