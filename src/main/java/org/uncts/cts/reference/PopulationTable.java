package org.uncts.cts.reference;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.IntPredicate;

import org.uncts.cts.model.Sex;

/**
 * Immutable population lookup by country (or sub-national/aggregate code), year and sex, used
 * as the denominator of rates. Several files may be combined (e.g. World Bank totals plus a
 * file for GBR_E_W); the same figure twice is fine, two different figures are an error.
 * <p>
 * The table never guesses: a figure is returned only for the exact country, year and sex a
 * file gave. There is no nearest year, no interpolation, and no total made from males plus
 * females; a missing figure must give a missing (flagged) rate downstream, never a wrong one.
 */
public final class PopulationTable {

    /** Lookup key; the code is upper case. */
    record Key(String iso3, int year, Sex sex) {
    }

    /**
     * One figure of the table and where it came from.
     *
     * @param source the file it was read from, as its path was given
     * @param line   the line of that file
     */
    public record Entry(String iso3, int year, Sex sex, double population, String source, long line) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::iso3).thenComparingInt(Entry::year)
            .thenComparing(Entry::sex);

    private static final PopulationTable EMPTY = new PopulationTable(Map.of());

    private final Map<Key, Entry> values;

    private PopulationTable(Map<Key, Entry> values) {
        this.values = Map.copyOf(values);
    }

    public static PopulationTable empty() {
        return EMPTY;
    }

    public static PopulationTable load(List<Path> files) {
        return load(files, year -> true);
    }

    /**
     * The figures of the years {@code years} accepts, e.g. {@code plan.years()::contains}; a large
     * World Population Prospects file is then filtered while it is read.
     */
    public static PopulationTable load(List<Path> files, IntPredicate years) {
        return of(files.stream().map(f -> PopulationFileReader.read(f, years)).toList());
    }

    public static PopulationTable of(List<PopulationFile> files) {
        Map<Key, Entry> values = new HashMap<>();
        for (PopulationFile f : files) {
            for (PopulationFile.Entry e : f.entries()) {
                Key k = new Key(e.iso3(), e.year(), e.sex());
                Entry earlier = values.putIfAbsent(k,
                        new Entry(e.iso3(), e.year(), e.sex(), e.population(), f.source(), e.line()));
                if (earlier != null && earlier.population() != e.population()) {
                    throw new ReferenceDataException(f.source(), e.line(), "population", e.iso3() + " " + e.year()
                            + " " + e.sex().code() + " is " + PopulationFileReader.fmt(e.population())
                            + " here but " + PopulationFileReader.fmt(earlier.population()) + " in "
                            + earlier.source() + " line " + earlier.line() + ".",
                            "load only one population source per country and year.");
                }
            }
        }
        return new PopulationTable(values);
    }

    /**
     * The population of a country (any case) in exactly this year for exactly this sex, or empty
     * if no file gave it. Never a neighbouring year or a figure derived from others.
     */
    public OptionalDouble population(String iso3, int year, Sex sex) {
        if (iso3 == null || sex == null) {
            return OptionalDouble.empty();
        }
        Entry e = values.get(new Key(iso3.strip().toUpperCase(Locale.ROOT), year, sex));
        return e == null ? OptionalDouble.empty() : OptionalDouble.of(e.population());
    }

    /**
     * Every figure with the file it came from (the first file when two gave the same figure),
     * ordered by code, year and sex (total, male, female, unknown): what the population dataset
     * publishes.
     */
    public List<Entry> entries() {
        return values.values().stream().sorted(ORDER).toList();
    }

    /** Number of (country, year, sex) figures. */
    public int size() {
        return values.size();
    }
}
