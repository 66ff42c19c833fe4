package org.uncts.cts.validate.checks;

import java.util.List;

/**
 * One finding of a cross-row rule: the series and year(s) it is about, the figures involved, what
 * was expected and how far off they are, and every source line that holds one of the figures.
 *
 * @param seriesKey  the series the finding is about (country|indicator|iccs|dimension|category|sex|age|unit)
 * @param year       the year the finding is about, or null when it spans years (see years)
 * @param years      the years involved, as text ("2019", "2019-2020", "2018, 2021")
 * @param value      the figure(s) found, as text
 * @param expected   the expected value or bound, as text
 * @param imbalance  how far off: found minus expected (signed), or null
 * @param lines      where the figures came from, first the line the finding is about
 * @param message    the rendered message, in plain language
 */
public record Finding(
        String ruleId,
        String countryIso3,
        String indicator,
        String seriesKey,
        Integer year,
        String years,
        String value,
        String expected,
        Double imbalance,
        List<SourceLine> lines,
        String message) {

    public Finding {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A line of an input file (or of the previous vintage, with line null). */
    public record SourceLine(String file, Long line) {
    }
}
