package org.uncts.cts.model;

/** Unit of measurement of an observation. */
public enum Unit {
    /** Counts of persons, offences, places or staff. */
    COUNT,
    /** Rate per 100,000 population. */
    RATE_PER_100K
}
