package org.uncts.cts.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uncts.cts.model.ObsStatus;

class FlagParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''|A", "e|E", "E|E", "*|E", "estimate|E", "p|P", "Provisional|P", "b|B",
        "break in series|B", "d|D", "u|U", "r|A", "c|Q", "'p, b'|B", "'e p'|E", "'b;e'|B"})
    void mapsFlagsToObsStatus(String flag, String status) {
        assertEquals(Optional.of(ObsStatus.valueOf(status)), FlagParser.parse(flag));
    }

    @ParameterizedTest
    @CsvSource({"zz", "'e, zz'", "?"})
    void unknownFlagsAreEmpty(String flag) {
        assertTrue(FlagParser.parse(flag).isEmpty());
    }
}
