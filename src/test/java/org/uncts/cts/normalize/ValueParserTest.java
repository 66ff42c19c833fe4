package org.uncts.cts.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uncts.cts.model.ObsStatus;

class ValueParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1234|1234.0", "0|0.0", "12.75|12.75", "'12,345'|12345.0", "'1,234,567.5'|1234567.5",
        "12 345|12345.0", "12\u00A0345|12345.0", "' 42 '|42.0", "-7|-7.0"})
    void readsNumbersAsFocalPointsTypeThem(String text, double expected) {
        ParsedValue v = ValueParser.parse(text);
        assertEquals(ParsedValue.Kind.NUMBER, v.kind());
        assertEquals(expected, v.value(), 0.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"..|O", "''|O", ":|O", "n/a|O", "N/A|O", "m|O", "a|M", "z|M", "_|M", "x|K", "c|Q", "<5|Q"})
    void missingMarkersGiveNullAndAStatus(String text, String status) {
        ParsedValue v = ValueParser.parse(text);
        assertEquals(ParsedValue.Kind.MISSING, v.kind());
        assertNull(v.value());
        assertEquals(ObsStatus.valueOf(status), v.markerStatus());
    }

    @Test
    void dashIsNil() {
        ParsedValue v = ValueParser.parse("-");
        assertEquals(ParsedValue.Kind.NIL, v.kind());
        assertEquals(0.0, v.value(), 0.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"approx 40", "12,34", "1,2345", "1e5", "NaN", "0x10", "12..5", "'1,234 567'"})
    void anythingElseIsNotANumber(String text) {
        assertEquals(ParsedValue.Kind.NOT_A_NUMBER, ValueParser.parse(text).kind());
    }
}
