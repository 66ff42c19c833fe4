package org.uncts.cts.validate.catalogue;

/**
 * How far off a figure may be before a rule speaks: the larger of an absolute amount and a share
 * of the reference figure. "0.5% or 2 units" lets a total of 40 be off by 2 and one of 10,000 by
 * 50, so small counts are not flagged for rounding and large ones not let off by a fixed amount.
 */
public record Tolerance(double absolute, double relative) {

    public static final Tolerance NONE = new Tolerance(0, 0);

    public Tolerance {
        if (absolute < 0 || relative < 0 || Double.isNaN(absolute) || Double.isNaN(relative)) {
            throw new IllegalArgumentException("a tolerance cannot be negative");
        }
    }

    /** The allowed difference for a reference figure (a total, a parent, a previous value). */
    public double allowance(double reference) {
        return Math.max(absolute, relative * Math.abs(reference));
    }

    /** Whether a difference is beyond what is allowed for this reference figure. */
    public boolean exceeded(double difference, double reference) {
        return Math.abs(difference) > allowance(reference);
    }
}
