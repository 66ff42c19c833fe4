package org.uncts.cts.validate.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.uncts.cts.publish.PublishedSchemas;
import org.uncts.cts.store.ParquetPart;
import org.uncts.cts.validate.catalogue.Rule;

/**
 * Where checks put their findings: each is given its message (the rule's template filled in) and
 * written as one validation_issues row. Counts findings by rule. No cap: every finding is kept.
 */
public final class FindingSink implements AutoCloseable {

    private final ParquetPart.Writer<GenericRecord> writer;
    private final long runId;
    private final Function<String, String> countryNames;
    private final Map<String, Long> countsByRule = new HashMap<>();

    public FindingSink(ParquetPart.Writer<GenericRecord> writer, long runId, Function<String, String> countryNames) {
        this.writer = writer;
        this.runId = runId;
        this.countryNames = countryNames;
    }

    /**
     * Records a finding about one series.
     *
     * @param extra the kind's own placeholders (e.g. parts, sum, previous_year)
     */
    public Finding add(Rule rule, String seriesKey, Integer year, String years, String value, String expected,
                       Double imbalance, List<Finding.SourceLine> lines, Map<String, String> extra) {
        String[] key = seriesKey == null ? new String[0] : seriesKey.split("\\|", -1);
        String country = key.length > 0 ? key[0] : null;
        String indicator = key.length > 1 ? key[1] : null;
        Map<String, String> values = new HashMap<>(extra);
        values.put("country", country == null ? "" : country);
        values.put("country_name", country == null ? "" : countryNames.apply(country));
        values.put("indicator", indicator == null ? "" : indicator);
        values.put("series", seriesKey == null ? "" : Figures.series(seriesKey));
        values.put("year", year == null ? "" : year.toString());
        values.put("years", years == null ? "" : years);
        values.put("value", value == null ? "" : value);
        values.put("expected", expected == null ? "" : expected);
        values.put("imbalance", imbalance == null ? "" : Figures.signed(imbalance));
        values.put("lines", Figures.linesText(lines));
        Finding f = new Finding(rule.id(), country, indicator, seriesKey, year, years, value, expected, imbalance, lines,
                rule.message() == null || rule.message().isBlank() ? rule.description() : rule.render(values));
        write(rule, f);
        return f;
    }

    private void write(Rule rule, Finding f) {
        GenericData.Record r = new GenericData.Record(PublishedSchemas.VALIDATION_ISSUE);
        r.put("run_id", runId);
        r.put("rule_id", rule.id());
        r.put("rule_kind", rule.kind().id());
        r.put("severity", rule.severity().name());
        r.put("country_iso3", f.countryIso3());
        r.put("indicator", f.indicator());
        r.put("series_key", f.seriesKey());
        r.put("year", f.year());
        r.put("years", f.years());
        r.put("field", "value");
        r.put("value", f.value());
        r.put("expected", f.expected());
        r.put("imbalance", f.imbalance());
        r.put("message", f.message());
        r.put("explain", rule.explanationRequired());
        Finding.SourceLine first = f.lines().isEmpty() ? null : f.lines().get(0);
        r.put("source_file", first == null ? null : first.file());
        r.put("source_line", first == null ? null : first.line());
        r.put("source_cell", null); // a cross-row finding is about several figures, not one cell
        r.put("source_lines", f.lines().isEmpty() ? null : Figures.linesText(f.lines()));
        try {
            writer.write(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a finding of rule " + rule.id() + ": " + e.getMessage(), e);
        }
        countsByRule.merge(rule.id(), 1L, Long::sum);
    }

    public Map<String, Long> countsByRule() {
        return Map.copyOf(countsByRule);
    }

    public long total() {
        return countsByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Finishes the findings file; without this, closing discards it. */
    public void commit() throws IOException {
        writer.commit();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
