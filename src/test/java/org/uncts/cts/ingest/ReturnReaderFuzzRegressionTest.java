package org.uncts.cts.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.model.RawObservation;

/**
 * Inputs the fuzz tests found (docs/fuzzing.md), kept as plain tests so each stays fixed: a reader
 * returns rows or throws a {@link ReturnFormatException} naming the file, nothing else. The
 * fuzzer's own crash files are under src/test/resources/fuzz-findings/.
 */
class ReturnReaderFuzzRegressionTest {

    @TempDir
    Path dir;

    private static List<RawObservation> readAll(Path file, ReturnLayout layout) {
        List<RawObservation> rows = new ArrayList<>();
        try (ReturnReader r = ReturnReaders.open(InputFile.inspect(file), file.getFileName().toString(), layout, ReadOptions.NONE)) {
            for (RawObservation o; (o = r.next()) != null; ) {
                rows.add(o);
            }
        }
        return rows;
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Path finding(String name) throws Exception {
        return Path.of(ReturnReaderFuzzRegressionTest.class.getResource("/fuzz-findings/" + name).toURI());
    }

    /**
     * Was an UncheckedIOException (Commons CSV's "EOF reached before encapsulated token finished")
     * without the file's name. Now the rows before it are read and the rest is one rejected row at
     * the line where the quote opened.
     */
    @Test
    void quoteNeverClosedInARowIsOneRejectedRowFromThatLine() throws Exception {
        Path file = write("q.csv", """
                country,year,indicator,value
                FRA,2020,offences_recorded,12
                DEU,2021,"offences_recorded,13
                BRA,2022,offences_recorded,14
                """);
        List<RawObservation> rows = readAll(file, null);
        assertEquals(2, rows.size());
        assertEquals(null, rows.get(0).readProblem());
        assertEquals(3, rows.get(1).provenance().line());
        assertTrue(rows.get(1).readProblem().message().startsWith("q.csv, line 3: "), rows.get(1).readProblem().message());
        assertTrue(rows.get(1).readProblem().message().contains("quoted field that is never closed"), rows.get(1).readProblem().message());
        assertEquals(null, rows.get(1).readProblem().field(), "the rest of the file is in no single field");
    }

    @Test
    void textAfterAClosingQuoteIsARejectedRowNamingTheLine() throws Exception {
        Path file = write("t.csv", """
                country,year,indicator,value


                FRA,2020,"offences"recorded,12
                """);
        List<RawObservation> rows = readAll(file, ReturnLayout.CANONICAL);
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).readProblem().message().startsWith("t.csv, line 4: "), rows.get(0).readProblem().message());
    }

    @Test
    void theFuzzersUnclosedQuoteFileIsALocatedRejection() throws Exception {
        List<RawObservation> rows = readAll(finding("csv/unclosed-quote-in-row.csv"), null);
        RawObservation last = rows.get(rows.size() - 1);
        assertTrue(last.readProblem() != null && last.readProblem().message().startsWith("unclosed-quote-in-row.csv, line "),
                String.valueOf(last.readProblem()));
    }

    /** A title line with an unbalanced quote is not the header: the search goes on to the real one. */
    @Test
    void titleLineWithAnUnclosedQuoteIsSkippedLikeAnyTitle() throws Exception {
        Path file = write("d.csv", """
                "Intentional homicide victims, counts
                Iso3_code,Country,Indicator,Year,VALUE
                FRA,France,Victims of intentional homicide,2020,863
                """);
        List<RawObservation> rows = readAll(file, null);
        assertEquals(1, rows.size());
        assertEquals(3, rows.get(0).provenance().line());
        assertEquals("863", rows.get(0).value());
    }
}
