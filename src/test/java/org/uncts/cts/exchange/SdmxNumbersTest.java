package org.uncts.cts.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SdmxNumbers#plain} gives, for every double, the text of the first implementation
 * (BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(), -0 as 0, NaN guard), which the
 * published SDMX-CSV files carry.
 */
class SdmxNumbersTest {

    /** Values where number-to-text conversions tend to differ: boundaries of notation, of exactness, of range. */
    static List<Double> awkward() {
        List<Double> values = new ArrayList<>(List.of(1e-05, 1234567.0, 0.1 + 0.2, 1.2632928, 69.52789699570816, 0.0, -0.0,
                1e23, 2e23, 8.41e21, 2.82879384806159E17, 5e-324, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e300,
                1e-300, 123456789012345680000.0, 12345678901234.0, 67600000.0, 1e7, 1e-3, 0x1p53, 0x1p53 - 1, 0x1p53 + 2, 0x1p54,
                0x1p60, 0x1p62 + 0x1p10, 9007199254740993.0, 4503599627370496.5, 0.5, 1.0 / 3, 2.0 / 3 * 100, 185422.5, 1e-9,
                123456789.123, 6.02e23, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        for (int e = -30; e <= 30; e++) {
            double p = Double.parseDouble("1e" + e);
            values.addAll(List.of(p, Math.nextUp(p), Math.nextDown(p), 3 * p, p / 7));
        }
        for (int e = 0; e < 64; e++) {
            double p = Math.scalb(1.0, e);
            values.addAll(List.of(p, Math.nextUp(p), Math.nextDown(p), p + 1, p - 1));
        }
        List<Double> withNegatives = new ArrayList<>(values);
        values.forEach(v -> withNegatives.add(-v));
        return withNegatives;
    }

    private static void assertSame(double v) {
        assertEquals(SdmxCsvReference.plain(v), SdmxNumbers.plain(v), () -> "for " + Double.toString(v));
    }

    @Test
    void awkwardValuesGiveTheFirstImplementationsText() {
        awkward().forEach(SdmxNumbersTest::assertSame);
        assertEquals("", SdmxNumbers.plain((Double) null));
        assertEquals("0.00001", SdmxNumbers.plain(1e-5));
        assertEquals("99999999999999990000000", SdmxNumbers.plain(1e23), "Java 17's Double.toString digits, kept");
        assertEquals("0", SdmxNumbers.plain(-0.0));
        assertEquals("NaN", SdmxNumbers.plain(Double.POSITIVE_INFINITY));
    }

    @Test
    void randomDoublesOfEveryMagnitudeGiveTheFirstImplementationsText() {
        SplittableRandom random = new SplittableRandom(20261123);
        for (int i = 0; i < 300_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong()); // every exponent, subnormals, NaNs
            assertSame(v);
        }
        for (int i = 0; i < 200_000; i++) {
            long integer = random.nextLong() >> random.nextInt(64); // integers of every size, both signs
            assertSame((double) integer);
            assertSame(integer / 1000.0);
        }
        for (int i = 0; i < 200_000; i++) {
            // figures like the datasets': counts, rates per 100,000, shares
            double count = random.nextInt(1_000_000);
            double population = 1 + random.nextInt(200_000_000);
            assertSame(count / population * 100_000);
            assertSame(count / (count + random.nextInt(1000) + 1) * 100);
        }
    }
}
