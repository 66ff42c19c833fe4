package org.uncts.cts.validate.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToleranceTest {

    private final Tolerance t = new Tolerance(2, 0.005);

    @Test
    void smallReferenceUsesTheAbsoluteAmount() {
        assertEquals(2.0, t.allowance(100));
        assertFalse(t.exceeded(2, 100), "at the allowance: not exceeded");
        assertFalse(t.exceeded(-1.99, 100), "just inside");
        assertTrue(t.exceeded(2.01, 100), "just outside");
        assertTrue(t.exceeded(-2.01, 100), "either sign");
    }

    @Test
    void largeReferenceUsesTheShare() {
        assertEquals(5.0, t.allowance(1000), 1e-12);
        assertEquals(5.0, t.allowance(-1000), 1e-12);
        assertFalse(t.exceeded(4.99, 1000));
        assertTrue(t.exceeded(5.01, 1000));
    }

    @Test
    void noneFlagsAnyDifferenceAndNegativeIsRefused() {
        assertFalse(Tolerance.NONE.exceeded(0, 10));
        assertTrue(Tolerance.NONE.exceeded(0.001, 10));
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(-1, 0));
    }
}
