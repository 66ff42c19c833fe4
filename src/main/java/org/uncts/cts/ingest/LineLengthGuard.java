package org.uncts.cts.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Keeps a hostile CSV from being held in memory whole. Sits under the CSV parser and counts
 * physical lines (\n, \r\n and a lone \r, as Commons CSV does):
 * <ul>
 *   <li>a line longer than {@code maxLineChars} is cut there: the rest of it is skipped without
 *       being kept, and the line is remembered so the reader can reject the row that holds it
 *       (a cut row is never read as if it were whole);</li>
 *   <li>more than {@code maxRowChars} characters since the reader last took a row (a quote that
 *       is never closed, swallowing the lines after it) ends the text with an IOException, which
 *       the reader turns into one located rejected row for the rest of the file.</li>
 * </ul>
 */
final class LineLengthGuard extends FilterReader {

    /** A physical line that was cut, and how long it really was. */
    record CutLine(long line, long length) {
    }

    private final int maxLineChars;
    private final long maxRowChars;
    private final ArrayDeque<CutLine> cut = new ArrayDeque<>();
    /** The physical line being read (1-based) and the characters seen on it so far. */
    private long line = 1;
    private long lineChars;
    private boolean afterCr;
    /** Characters handed on since the reader last took a row. */
    private long sinceRow;
    /** Whether the skipped part of the current cut line held an odd number of '"'. */
    private boolean quotesSkippedOdd;
    /** A '"' to hand on before anything else (see endOfCutLine). */
    private boolean closingQuote;
    private final char[] src = new char[8192];
    private int pos;
    private int lim;
    private boolean eof;

    LineLengthGuard(Reader in, int maxLineChars, long maxRowChars) {
        super(in);
        this.maxLineChars = maxLineChars;
        this.maxRowChars = maxRowChars;
    }

    /** The reader has taken a row: the row budget starts again. */
    void rowTaken() {
        sinceRow = 0;
    }

    /**
     * The first line in [from, to] that was cut, forgetting every cut line up to {@code to} (rows
     * are taken in order, so memory holds only the lines read ahead); null when none was cut.
     */
    CutLine cutBetween(long from, long to) {
        CutLine found = null;
        while (!cut.isEmpty() && cut.peekFirst().line() <= to) {
            CutLine c = cut.pollFirst();
            if (found == null && c.line() >= from) {
                found = c;
            }
        }
        return found;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int out = off;
        int end = off + len;
        while (out < end) {
            if (closingQuote) {
                buf[out++] = '"';
                closingQuote = false;
                continue;
            }
            if (pos == lim) {
                if (eof) {
                    if (endOfCutLine()) {
                        continue; // a last line without a line break was cut: its closing quote first
                    }
                    break;
                }
                if (out > off) {
                    break;
                }
                int n = in.read(src, 0, src.length);
                pos = 0;
                lim = Math.max(n, 0);
                eof = n < 0;
                continue;
            }
            char c = src[pos];
            if (c == '\n' || c == '\r') {
                if (lineChars > maxLineChars && endOfCutLine()) {
                    continue; // the closing quote goes before the line break
                }
                if (!(c == '\n' && afterCr)) {
                    line++;
                }
                lineChars = 0;
                afterCr = c == '\r';
            } else {
                afterCr = false;
                if (++lineChars > maxLineChars) {
                    // skipped, not kept; only the parity of its quotes matters, so the row ends where it would have
                    quotesSkippedOdd ^= c == '"';
                    pos++;
                    continue;
                }
            }
            buf[out++] = c;
            pos++;
        }
        int given = out - off;
        if (given == 0 && eof && len > 0) {
            return -1;
        }
        sinceRow += given;
        if (sinceRow > maxRowChars) {
            throw new IOException("more than " + String.format(java.util.Locale.ROOT, "%,d", maxRowChars)
                    + " characters without the end of a row, by line " + line);
        }
        return given;
    }

    /**
     * At the end of a cut line: remembers it, and asks for a closing quote when the skipped part
     * held an odd number of them (true then), so a quote opened in the kept part closes as it did.
     */
    private boolean endOfCutLine() {
        if (quotesSkippedOdd) {
            quotesSkippedOdd = false;
            closingQuote = true;
            return true;
        }
        if (lineChars > maxLineChars) {
            cut.addLast(new CutLine(line, lineChars));
            lineChars = 0;
        }
        return false;
    }
}
