package org.uncts.cts.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a small, self-contained survey cycle (reference files, returns, job spec) into a folder. */
public final class TestCycle {

    public static final List<String> COUNTRIES = List.of("FRA", "DEU", "BRA", "JPN", "KEN");
    public static final List<String> ICCS = List.of("0101", "02011", "0301", "03011", "0401", "0501", "0502", "05021");
    public static final List<String> SEXES = List.of("Total", "Male", "Female");

    private TestCycle() {
    }

    /** The folder of the current release of an output folder (out/releases/run-&lt;id&gt;), where the datasets are. */
    public static Path release(Path out) {
        return org.uncts.cts.publish.Releases.current(out);
    }

    /** Reference files under dir/reference. */
    public static void writeReference(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("reference"));
        Files.writeString(dir.resolve("reference/countries.csv"), """
                iso3,m49,name,region,subregion,parent_iso3
                FRA,250,France,Europe,Western Europe,
                DEU,276,Germany,Europe,Western Europe,
                BRA,076,Brazil,Americas,Latin America and the Caribbean,
                JPN,392,Japan,Asia,Eastern Asia,
                KEN,404,Kenya,Africa,Sub-Saharan Africa,
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("reference/iccs.csv"), """
                code,label
                01,Acts leading to death or intending to cause death
                0101,Intentional homicide
                02,Acts causing harm or intending to cause harm to the person
                0201,Assaults and threats
                02011,Assault
                03,Injurious acts of a sexual nature
                0301,Sexual violence
                03011,Rape
                04,Acts against property involving violence or threat against a person
                0401,Robbery
                05,Acts against property only
                0501,Burglary
                0502,Theft
                05021,Theft of a motorized vehicle or parts thereof
                """, StandardCharsets.UTF_8);
    }

    /**
     * A clean canonical return: every country x year (2015-2024) x ICCS code x sex, a known value
     * per row (value = row number), so a test can check values exactly.
     *
     * @return the number of data rows written
     */
    public static int writeCleanReturn(Path file) throws IOException {
        return writeCleanReturn(file, "offences_recorded");
    }

    /** The same, for another indicator, so that two files hold different series. */
    public static int writeCleanReturn(Path file, String indicator) throws IOException {
        StringBuilder sb = new StringBuilder("country,year,indicator,iccs_code,dimension,category,sex,age,unit,value,flag,note\n");
        int n = 0;
        for (String c : COUNTRIES) {
            for (int year = 2015; year <= 2024; year++) {
                for (String iccs : ICCS) {
                    for (String sex : SEXES) {
                        n++;
                        sb.append(c).append(',').append(year).append(',').append(indicator).append(',').append(iccs)
                                .append(",Total,Total,").append(sex).append(",Total,Counts,").append(n).append(",,\n");
                    }
                }
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return n;
    }

    /** A job spec reading dir/returns/*.csv with the reference files above, writing to output. */
    public static Path writeSpec(Path dir, String name, Path output) throws IOException {
        Files.createDirectories(dir.resolve("jobs"));
        Path spec = dir.resolve("jobs/" + name + ".yml");
        Files.writeString(spec, """
                name: %s
                cycle: Test cycle
                reference_years: {from: 2015, to: 2024}
                inputs:
                  - path: ../returns/*.csv
                reference:
                  countries: [../reference/countries.csv]
                  crime_codes: ../reference/iccs.csv
                output: %s
                """.formatted(name, output.toAbsolutePath()), StandardCharsets.UTF_8);
        return spec;
    }

    /**
     * jobs/sample-cycle.yml copied to {@code dir}/jobs with the sample data's absolute paths and its
     * output in {@code dir}/out, so a test runs the real sample cycle without touching out/.
     *
     * @return the spec file
     */
    public static Path sampleSpec(Path dir) throws IOException {
        String spec = Files.readString(Path.of("jobs/sample-cycle.yml"))
                .replace("../sample-data", Path.of("sample-data").toAbsolutePath().toString())
                .replace("output: ../out/sample-cycle", "output: " + dir.resolve("out"));
        Path specFile = dir.resolve("jobs/sample-cycle.yml");
        Files.createDirectories(specFile.getParent());
        Files.writeString(specFile, spec);
        return specFile;
    }
}
