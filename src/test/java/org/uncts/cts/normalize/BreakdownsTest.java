package org.uncts.cts.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uncts.cts.model.Sex;
import org.uncts.cts.model.Unit;

class BreakdownsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Total|TOTAL", "''|TOTAL", "_T|TOTAL", "Male|MALE", "m|MALE", "Women|FEMALE",
        "F|FEMALE", "Unknown|UNKNOWN", "_U|UNKNOWN"})
    void sexToSdmx(String text, String sex) {
        assertEquals(Optional.of(Sex.valueOf(sex)), Breakdowns.sex(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Total|_T", "''|_T", "0-9|Y0T9", "0 - 9|Y0T9", "30-44|Y30T44",
        "60 and older|Y_GE60", "60+|Y_GE60", "Unknown|_U", "Juvenile|JUVENILE", "Adult|ADULT", "Y18T19|Y18T19"})
    void ageGroups(String text, String code) {
        assertEquals(Optional.of(code), Breakdowns.age(text));
    }

    @Test
    void unitsAndUnknowns() {
        assertEquals(Optional.of(Unit.COUNT), Breakdowns.unit("Counts"));
        assertEquals(Optional.of(Unit.COUNT), Breakdowns.unit(""));
        assertEquals(Optional.of(Unit.RATE_PER_100K), Breakdowns.unit("Rate per 100,000 population"));
        assertTrue(Breakdowns.unit("percent").isEmpty());
        assertTrue(Breakdowns.sex("both").isEmpty());
        assertTrue(Breakdowns.age("11-13").isEmpty());
        assertEquals("Total", Breakdowns.labelOrTotal("  "));
        assertEquals("by mechanism", Breakdowns.labelOrTotal(" by  mechanism "));
    }
}
