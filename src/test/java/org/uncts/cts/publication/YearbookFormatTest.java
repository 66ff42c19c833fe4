package org.uncts.cts.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class YearbookFormatTest {

    @Test
    void thousandsSeparatorsAndFixedDecimals() {
        assertEquals("1,234.5", YearbookFormat.number(1234.5, 1));
        assertEquals("1,234,567.9", YearbookFormat.number(1234567.891, 1));
        assertEquals("7.00", YearbookFormat.number(7, 2));
    }

    @Test
    void roundsHalfUpOnTheDecimalTextOfTheValue() {
        assertEquals("2.68", YearbookFormat.number(2.675, 2));
        assertEquals("1,235", YearbookFormat.number(1234.5, 0));
        assertEquals("-3.3", YearbookFormat.number(-3.25, 1));
    }

    @Test
    void noNegativeZero() {
        assertEquals("0.0", YearbookFormat.number(-0.04, 1));
        assertEquals("0.0", YearbookFormat.plain(-0.04, 1));
        assertEquals("0.0", Double.toString(YearbookFormat.rounded(-0.04, 1)));
    }

    @Test
    void plainAndRoundedAgreeWithThePrintedNumber() {
        assertEquals("1234567.9", YearbookFormat.plain(1234567.891, 1));
        assertEquals("1234568", YearbookFormat.plain(1234567.891, 0));
        assertEquals("-3.3", YearbookFormat.plain(-3.25, 1));
        assertEquals("0.00000001", YearbookFormat.plain(1e-8, 8)); // never an exponent
        assertEquals(2.68, YearbookFormat.rounded(2.675, 2));
        assertEquals(1234568.0, YearbookFormat.rounded(1234567.891, 0));
    }

    @Test
    void aValueThatIsNotFiniteShowsAsNotAvailable() {
        assertEquals("..", YearbookFormat.number(Double.NaN, 1));
        assertEquals("..", TableCell.number(Double.POSITIVE_INFINITY, 1, List.of()).formatted());
        assertEquals(false, TableCell.number(Double.NaN, 1, List.of()).isNumber());
        assertThrows(IllegalArgumentException.class, () -> YearbookFormat.plain(Double.NaN, 1));
    }
}
