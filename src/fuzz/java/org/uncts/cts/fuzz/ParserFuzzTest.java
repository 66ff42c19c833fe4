package org.uncts.cts.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.uncts.cts.model.ObsStatus;
import org.uncts.cts.normalize.FlagParser;
import org.uncts.cts.normalize.ParsedValue;
import org.uncts.cts.normalize.ValueParser;

/**
 * The value and flag cells' parsers on arbitrary text (bytes decoded as UTF-8, as most returns
 * are). They must never throw, and what they return must be self-consistent.
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void valueParser(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        ParsedValue v = ValueParser.parse(text);
        if (v == null || v.kind() == null) {
            throw new AssertionError("No result for '" + text + "'");
        }
        switch (v.kind()) {
            case NUMBER, NIL -> {
                // a figure that is stored: never NaN or infinite, never with a marker
                if (v.value() == null || !Double.isFinite(v.value()) || v.markerStatus() != null) {
                    throw new AssertionError("Bad number " + v + " for '" + text + "'");
                }
            }
            case MISSING -> {
                if (v.value() != null || v.markerStatus() == null) {
                    throw new AssertionError("Bad missing marker " + v + " for '" + text + "'");
                }
            }
            case NOT_A_NUMBER -> {
                if (v.value() != null || v.markerStatus() != null) {
                    throw new AssertionError("Bad non-number " + v + " for '" + text + "'");
                }
            }
        }
        // blanks around a cell never change what it holds
        if (!ValueParser.parse(" " + text + "\t").equals(v)) {
            throw new AssertionError("Surrounding blanks change the value of '" + text + "'");
        }
    }

    @FuzzTest(maxDuration = "60s")
    void flagParser(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Optional<ObsStatus> status = FlagParser.parse(text);
        if (status == null) {
            throw new AssertionError("null for '" + text + "'");
        }
        // flags are case-insensitive, where upper-casing keeps the text's lower-case form
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT)) && !FlagParser.parse(upper).equals(status)) {
            throw new AssertionError("Case changes the flag '" + text + "'");
        }
    }
}
