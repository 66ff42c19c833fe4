package org.uncts.cts.validate;

/** The reference years a survey cycle asks for, inclusive. */
public record ReferenceYears(int from, int to) {

    public ReferenceYears {
        if (from > to) {
            throw new IllegalArgumentException("reference years: 'from' (" + from + ") is after 'to' (" + to + ")");
        }
    }

    public boolean contains(int year) {
        return year >= from && year <= to;
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
