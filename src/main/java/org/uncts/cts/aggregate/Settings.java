package org.uncts.cts.aggregate;

import java.util.List;
import java.util.Objects;

/**
 * What {@link RegionalAggregation} aggregates and how.
 *
 * @param formulas       the aggregable formula ids, each with its multiplier and whether its gaps may be imputed
 * @param threshold      the share of the region's population that countries with reported (not imputed)
 *                       data must cover for the value to be published; 0.5 by default
 * @param carryYears     how many years a country's first or last reported rate may be carried
 *                       backward or forward; 3 by default, 0 turns carrying off
 * @param regionalMedian whether member countries with no data (and nothing to interpolate or carry)
 *                       get the median of the reported rates of the region in that year; off by default
 */
public record Settings(List<Formula> formulas, double threshold, int carryYears, boolean regionalMedian) {

    /**
     * One aggregable formula.
     *
     * @param id         formula_id in the indicators dataset
     * @param multiplier 100000 for rates per 100,000 population, 100 for percentages
     * @param imputable  whether gaps may be imputed (rates per 100,000 of the population only: an imputed
     *                   country's numerator is the imputed rate × its population / multiplier)
     */
    public record Formula(String id, double multiplier, boolean imputable) {
        public Formula {
            Objects.requireNonNull(id, "id");
            if (!(multiplier > 0)) {
                throw new IllegalArgumentException("multiplier must be positive for " + id);
            }
        }
    }

    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final int DEFAULT_CARRY_YEARS = 3;

    /** The rate formulas (imputable) and SDG 16.3.2 (percent, never imputed, as in the SDG metadata). */
    public static final List<Formula> DEFAULT_FORMULAS = List.of(
            new Formula("rate_per_100k", 100_000, true),
            new Formula("sdg_16_1_1", 100_000, true),
            new Formula("prison_population_rate", 100_000, true),
            new Formula("police_per_100k", 100_000, true),
            new Formula("sdg_16_3_2", 100, false));

    public Settings {
        formulas = List.copyOf(formulas);
        if (formulas.isEmpty()) {
            throw new IllegalArgumentException("no formula to aggregate");
        }
        if (formulas.stream().map(Formula::id).distinct().count() != formulas.size()) {
            throw new IllegalArgumentException("a formula is listed twice: " + formulas);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, not " + threshold);
        }
        if (carryYears < 0) {
            throw new IllegalArgumentException("carryYears must not be negative, not " + carryYears);
        }
    }

    public static Settings defaults() {
        return new Settings(DEFAULT_FORMULAS, DEFAULT_THRESHOLD, DEFAULT_CARRY_YEARS, false);
    }

    public Settings withThreshold(double value) {
        return new Settings(formulas, value, carryYears, regionalMedian);
    }

    public Settings withCarryYears(int value) {
        return new Settings(formulas, threshold, value, regionalMedian);
    }

    public Settings withRegionalMedian(boolean value) {
        return new Settings(formulas, threshold, carryYears, value);
    }
}
