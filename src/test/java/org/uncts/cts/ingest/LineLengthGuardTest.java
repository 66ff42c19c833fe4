package org.uncts.cts.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LineLengthGuardTest {

    /** Everything the guard hands on, read in small pieces so lines cross the reads. */
    private static String drain(Reader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[3];
        for (int n; (n = r.read(buf, 0, buf.length)) >= 0; ) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    @Test
    void linesOverTheCapAreCutAndRememberedWithTheirLengthCountingCrLfAsOneBreak() throws IOException {
        LineLengthGuard g = new LineLengthGuard(new StringReader("a\r\nbbbbbb\rc\ndddd"), 3, 1_000);
        assertEquals("a\r\nbbb\rc\nddd", drain(g));
        assertEquals(new LineLengthGuard.CutLine(2, 6), g.cutBetween(1, 3));
        assertNull(g.cutBetween(3, 3), "line 2 was forgotten once asked for");
        assertEquals(new LineLengthGuard.CutLine(4, 4), g.cutBetween(4, 4), "the last line, without a line break");
    }

    @Test
    void anOddNumberOfSkippedQuotesGetsOneClosingQuoteSoTheRowEndsWhereItWould() throws IOException {
        // x"yyyy"z" has 3 quotes; 2 characters are kept, the skipped part holds 2: nothing added
        assertEquals("x\"\nok\n", drain(new LineLengthGuard(new StringReader("x\"yyyy\"z\"\nok\n"), 2, 1_000)));
        // "yyyy" as a quoted cell: the kept part opens the quote, the skipped one closes it: one '"' added
        assertEquals("\"y\"\nok\n", drain(new LineLengthGuard(new StringReader("\"yyyy\"\nok\n"), 2, 1_000)));
        // the same at the end of the file
        assertEquals("\"y\"", drain(new LineLengthGuard(new StringReader("\"yyyy\""), 2, 1_000)));
    }

    @Test
    void tooManyCharactersWithoutARowBeingTakenEndTheText() throws IOException {
        LineLengthGuard g = new LineLengthGuard(new StringReader("abc\n".repeat(100)), 10, 50);
        IOException e = assertThrows(IOException.class, () -> drain(g));
        assertTrue(e.getMessage().startsWith("more than 50 characters without the end of a row"), e.getMessage());
        LineLengthGuard taken = new LineLengthGuard(new StringReader("abc\n".repeat(100)), 10, 50);
        char[] buf = new char[8];
        int total = 0;
        for (int n; (n = taken.read(buf, 0, buf.length)) >= 0; ) {
            total += n;
            taken.rowTaken();
        }
        assertEquals(400, total, "taking rows as they come keeps the budget");
    }
}
