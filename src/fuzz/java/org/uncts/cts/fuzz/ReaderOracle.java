package org.uncts.cts.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.ingest.ReadOptions;
import org.uncts.cts.ingest.ReturnFormatException;
import org.uncts.cts.ingest.ReturnLayout;
import org.uncts.cts.ingest.ReturnReader;
import org.uncts.cts.ingest.ReturnReaders;
import org.uncts.cts.model.RawObservation;
import org.uncts.cts.reference.ReferenceData;
import org.uncts.cts.validate.ReferenceYears;
import org.uncts.cts.validate.RowOutcome;
import org.uncts.cts.validate.RowValidator;

/**
 * The oracle every reader target shares: "a reader may only ever return rows or a clean, located
 * rejection". Reading a file may (i) return rows, each of which the validator accepts or rejects,
 * or (ii) throw a {@link ReturnFormatException} whose message names the file. Any other throwable
 * (NullPointerException, IndexOutOfBounds, an UncheckedIOException, OutOfMemoryError...) escapes
 * and Jazzer reports it as a finding; a hang is caught by libFuzzer's -timeout (pom.xml, fuzz.timeout).
 */
final class ReaderOracle {

    /** The built-in reference data: small, and the same for every run, so findings replay. */
    private static final RowValidator VALIDATOR = new RowValidator(ReferenceData.builtIn(), new ReferenceYears(2015, 2024), 1);

    /** One folder per fuzzing JVM; each input overwrites the same file, so the disk does not fill up. */
    private static Path dir;

    private ReaderOracle() {
    }

    /** Writes the bytes to a file with that name (its extension is what a job spec would show). */
    static Path write(String fileName, byte[] bytes) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("cts-fuzz");
                dir.toFile().deleteOnExit();
            }
            Path file = dir.resolve(fileName);
            Files.write(file, bytes);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            // the fuzzing harness's own disk, not the reader under test: stop rather than report a finding
            throw new IllegalStateException("Cannot write the fuzz input", e);
        }
    }

    /**
     * Reads the whole file through the factory, runs every row through the validator and checks the
     * oracle.
     *
     * @return the number of rows read (0 when the file was rejected as a whole)
     */
    static int readAll(Path file, String displayName, ReturnLayout layout, ReadOptions options) {
        InputFile input = InputFile.inspect(file);
        int rows = 0;
        int accepted = 0;
        int rejected = 0;
        try (ReturnReader reader = ReturnReaders.open(input, displayName, layout, options)) {
            if (reader.format() == null || reader.format().isBlank()) {
                throw new AssertionError("A reader must name its format");
            }
            for (RawObservation raw; (raw = reader.next()) != null; ) {
                rows++;
                checkRow(raw, displayName);
                RowOutcome outcome = VALIDATOR.validate(raw);
                if (outcome.accepted()) {
                    accepted++;
                    if (raw.readProblem() != null) {
                        throw new AssertionError("A row with a read problem was accepted: " + raw.readProblem());
                    }
                } else {
                    rejected++;
                    // a rejected row must say why: its first error goes to rejected_rows
                    if (outcome.firstError() == null) {
                        throw new AssertionError("A rejected row has no error: " + outcome.issues());
                    }
                }
            }
        } catch (ReturnFormatException e) {
            // the clean rejection of the whole file, but only if it names the file
            if (e.getMessage() == null || !e.getMessage().contains(displayName)) {
                throw new AssertionError("ReturnFormatException without the file's name: " + e.getMessage(), e);
            }
            return 0;
        } catch (UncheckedIOException e) {
            // the file is on our own disk and readable, so an I/O error here is the reader's
            throw new AssertionError("UncheckedIOException from a readable file: " + e.getMessage(), e);
        }
        if (rows != accepted + rejected) {
            throw new AssertionError(rows + " rows read but " + accepted + " accepted + " + rejected + " rejected");
        }
        return rows;
    }

    /** What every row must carry to be reported: where it came from and its text for rejected_rows. */
    private static void checkRow(RawObservation raw, String displayName) {
        if (raw.provenance() == null || !displayName.equals(raw.provenance().file())) {
            throw new AssertionError("Row without the file's name: " + raw.provenance());
        }
        if (raw.provenance().line() < 1) {
            throw new AssertionError("Row without a line: " + raw.provenance());
        }
        if (raw.rawText() == null) {
            throw new AssertionError("Row without raw text");
        }
    }
}
