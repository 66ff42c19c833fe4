package org.uncts.cts.reference;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.uncts.cts.model.Sex;

/**
 * Immutable population lookup by country (or sub-national/aggregate code), year and sex, used
 * as the denominator of rates. Several files may be combined (e.g. World Bank totals plus a
 * file for GBR_E_W); the same figure twice is fine, two different figures are an error.
 */
public final class PopulationTable {

    /** Lookup key; the code is upper case. */
    record Key(String iso3, int year, Sex sex) {
    }

    private record Source(String file, long line) {
    }

    private static final PopulationTable EMPTY = new PopulationTable(Map.of());

    private final Map<Key, Double> values;

    private PopulationTable(Map<Key, Double> values) {
        this.values = Map.copyOf(values);
    }

    public static PopulationTable empty() {
        return EMPTY;
    }

    public static PopulationTable load(List<Path> files) {
        return of(files.stream().map(PopulationFileReader::read).toList());
    }

    public static PopulationTable of(List<PopulationFile> files) {
        Map<Key, Double> values = new HashMap<>();
        Map<Key, Source> sources = new HashMap<>();
        for (PopulationFile f : files) {
            for (PopulationFile.Entry e : f.entries()) {
                Key k = new Key(e.iso3(), e.year(), e.sex());
                Double earlier = values.putIfAbsent(k, e.population());
                if (earlier != null && earlier != e.population()) {
                    Source s = sources.get(k);
                    throw new ReferenceDataException(f.source(), e.line(), "population", e.iso3() + " " + e.year()
                            + " " + e.sex().code() + " is " + PopulationFileReader.fmt(e.population())
                            + " here but " + PopulationFileReader.fmt(earlier) + " in " + s.file() + " line "
                            + s.line() + ".", "load only one population source per country and year.");
                }
                sources.putIfAbsent(k, new Source(f.source(), e.line()));
            }
        }
        return new PopulationTable(values);
    }

    /** The population of a country (any case) in a year for one sex, or empty if not known. */
    public OptionalDouble population(String iso3, int year, Sex sex) {
        if (iso3 == null || sex == null) {
            return OptionalDouble.empty();
        }
        Double v = values.get(new Key(iso3.strip().toUpperCase(Locale.ROOT), year, sex));
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Number of (country, year, sex) figures. */
    public int size() {
        return values.size();
    }
}
