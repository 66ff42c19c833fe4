package org.uncts.cts.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.model.RawObservation;
import org.uncts.cts.validate.ReferenceYears;
import org.uncts.cts.validate.RowOutcome;
import org.uncts.cts.validate.RowValidator;

/**
 * The hostile-input corpus: every file of src/test/resources/hostile/expected.csv is opened with
 * {@link ReturnReaders}, every row read and validated, and the outcome must be exactly the expected
 * one: rows read / accepted / rejected (read = accepted + rejected), or a {@link ReturnFormatException}
 * naming the file. Nothing else may happen: no other exception, no hang (each file has a timeout).
 *
 * <p>Conventions of expected.csv: {@code format} empty means auto (else a layout's spec name, e.g.
 * {@code wide}); {@code template} is for XLSX returns (a path under hostile/). A {@code file} starting
 * with {@code generated:} is made by {@link #generate} in a temporary folder (big or random files are
 * kept out of git). docs/hostile-inputs.md lists the same files; {@link #theDocumentListsEveryFile()}
 * keeps the two in step.
 */
class HostileInputsTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile");
    private static final Path DOC = Path.of("docs/hostile-inputs.md");
    private static final RowValidator VALIDATOR = new RowValidator(WideAndLocaleReaderTest.REFERENCE,
            new ReferenceYears(2015, 2024), 1);

    @TempDir
    static Path generated;

    record Expected(String file, String format, String template, String outcome, long read, long accepted,
                    long rejected, String messageContains) {
    }

    static List<Expected> expected() throws IOException {
        List<Expected> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(CORPUS.resolve("expected.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                out.add(new Expected(r.get("file"), r.get("format"), r.get("template"), r.get("outcome"),
                        number(r.get("rows_read")), number(r.get("rows_accepted")), number(r.get("rows_rejected")),
                        r.get("message_contains")));
            }
        }
        return out;
    }

    private static long number(String s) {
        return s == null || s.isBlank() ? -1 : Long.parseLong(s.strip());
    }

    @TestFactory
    Stream<DynamicTest> everyFileHasItsExpectedOutcome() throws IOException {
        return expected().stream().map(e -> DynamicTest.dynamicTest(e.file(),
                () -> assertTimeoutPreemptively(Duration.ofSeconds(30), () -> check(e))));
    }

    private static void check(Expected e) throws IOException {
        Path path = e.file().startsWith("generated:") ? generate(e.file().substring("generated:".length()))
                : CORPUS.resolve(e.file());
        String display = "hostile/" + e.file();
        // xlsx is no CSV layout: the template says how to read the workbook
        ReturnLayout layout = e.format().isBlank() || e.format().equals("xlsx") ? null : ReturnLayout.bySpecName(e.format())
                .orElseThrow(() -> new AssertionError("unknown format " + e.format()));
        ReadOptions options = e.template().isBlank() ? ReadOptions.NONE
                : new ReadOptions(CORPUS.resolve(e.template()), null, null, null);
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        List<String> messages = new java.util.ArrayList<>();
        try (ReturnReader reader = ReturnReaders.open(InputFile.inspect(path), display, layout, options)) {
            for (RawObservation raw; (raw = reader.next()) != null; ) {
                read++;
                RowOutcome o = VALIDATOR.validate(raw);
                if (o.accepted()) {
                    accepted++;
                } else {
                    rejected++;
                    assertTrue(o.firstError() != null && o.firstError().provenance().line() > 0, "a rejected row is located");
                    if (e.format().equals("xlsx")) {
                        // an Excel row holds several figures: the cell says which (source_cell)
                        assertTrue(o.firstError().provenance().cell() != null
                                && o.firstError().provenance().cell().matches("Data![A-Z]+[0-9]+"), String.valueOf(o.firstError()));
                    }
                    messages.add(o.firstError().message());
                }
            }
        } catch (ReturnFormatException x) {
            if (!e.outcome().equals("file-error")) {
                fail(display + " stopped with a file error where rows were expected: " + x.getMessage(), x);
            }
            assertTrue(x.getMessage().contains(display), "the message names the file: " + x.getMessage());
            assertTrue(x.getMessage().contains(e.messageContains()), "expected '" + e.messageContains() + "' in: " + x.getMessage());
            return;
        }
        assertEquals("rows", e.outcome(), display + " was read without a file error");
        assertEquals(read, accepted + rejected);
        assertEquals(List.of(e.read(), e.accepted(), e.rejected()), List.of(read, accepted, rejected),
                display + ": rows read, accepted, rejected");
        assertTrue(e.messageContains().isBlank() || messages.stream().anyMatch(m -> m.contains(e.messageContains())),
                display + ": expected a rejected row saying '" + e.messageContains() + "', got " + messages);
    }

    /** The generated members of the corpus, made once per name in a temporary folder. */
    static synchronized Path generate(String name) throws IOException {
        Path p = generated.resolve(name);
        if (Files.exists(p)) {
            return p;
        }
        String header = "country,year,indicator,iccs_code,dimension,category,sex,age,unit,value,flag,note\n";
        String row = "FRA,2019,victims_intentional_homicide,0101,Total,Total,Total,Total,Counts,";
        switch (name) {
            case "random-binary.csv" -> {
                byte[] bytes = new byte[8192];
                new Random(42).nextBytes(bytes);
                for (int i = 0; i < bytes.length; i += 97) {
                    bytes[i] = 0; // NULs for sure
                }
                Files.write(p, bytes);
            }
            case "long-line.csv" -> Files.writeString(p, "x,".repeat(5 * 1024 * 1024 / 2)); // 5 MB, no line break
            case "long-data-line.csv" -> Files.writeString(p, header + row + "1,," + "x,".repeat(5 * 1024 * 1024 / 2) + "\n"
                    + row.replace("2019", "2020") + "2,,\n");
            // just under the 1 MiB cap on a line: a long field that is still read
            case "long-field.csv" -> Files.writeString(p, header + row + "1,,\"" + "a very long note ".repeat(60_000) + "\"\n");
            case "long-field-over-cap.csv" -> Files.writeString(p, header + row + "1,,\"" + "a very long note ".repeat(200_000)
                    + "\"\n" + row.replace("2019", "2020") + "2,,\n");
            // a stray quote on line 3, then 17 MB of rows: the quoted cell would swallow the rest of the file
            case "runaway-quote.csv" -> {
                try (var w = Files.newBufferedWriter(p)) {
                    w.write(header + row + "1,,\n" + row.replace("2019", "2020") + "2,,\"stray quote\n");
                    String more = row.replace("FRA", "DEU") + "3,,a note\n";
                    for (long written = 0; written < 17L * 1024 * 1024; written += more.length()) {
                        w.write(more);
                    }
                }
            }
            default -> throw new IllegalArgumentException("no generator for " + name);
        }
        return p;
    }

    /** docs/hostile-inputs.md has one table row per corpus file with its outcome. */
    @Test
    void theDocumentListsEveryFile() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (Expected e : expected()) {
            String outcome = e.outcome().equals("rows")
                    ? e.read() + " read, " + e.accepted() + " accepted, " + e.rejected() + " rejected"
                    : "file error";
            assertTrue(doc.lines().anyMatch(l -> l.startsWith("| `" + e.file() + "` |") && l.contains(outcome)),
                    DOC + " has no row '| `" + e.file() + "` | ... " + outcome + "' (keep it in step with hostile/expected.csv)");
        }
    }

    /** Input text that names staging parts and steps (the display name) is one safe path segment. */
    @Test
    void hostileTextNeverLeavesItsFolder() {
        Path root = Path.of("/work/out/staging").toAbsolutePath();
        for (String name : List.of("../../../etc/passwd", "..", ".", "..\\..\\windows\\x.csv", "/abs/path.csv",
                "a/../../b.csv", "C:\\x.csv", "\u0000nul.csv", "")) {
            String key = org.uncts.cts.run.FileKeys.of(name);
            assertTrue(key.matches("[A-Za-z0-9._-]+"), key);
            assertTrue(!key.equals(".") && !key.equals(".."), key);
            Path p = root.resolve(key).normalize();
            assertEquals(root, p.getParent(), name + " -> " + key);
        }
    }
}
