package org.uncts.cts.validate.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.uncts.cts.publish.PublishedSchemas;
import org.uncts.cts.reference.PopulationTable;
import org.uncts.cts.store.ParquetPart;
import org.uncts.cts.validate.catalogue.Rule;
import org.uncts.cts.validate.catalogue.RuleKind;

/**
 * Runs every cross-row rule of the catalogue over a cycle's accepted observations and writes the
 * findings to one Parquet file with the validation_issues columns. Set-based rules are DuckDB
 * queries; the rules along a series (year-on-year, turned-zero) are one sorted pass in Java.
 */
public final class CrossRowValidation {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CrossRowValidation.class);

    private static final Map<RuleKind, CycleCheck> SET_BASED = new EnumMap<>(Map.of(
            RuleKind.SUM_OF_PARTS, new SumOfPartsCheck(),
            RuleKind.NOT_ABOVE_PARENT, new NotAboveParentCheck(),
            RuleKind.FUNNEL, new FunnelCheck(),
            RuleKind.SAME_FIGURE, new SameFigureCheck(),
            RuleKind.REVISION, new RevisionCheck(),
            RuleKind.REPORTED_RATE, new ReportedRateCheck(),
            RuleKind.RATE_RANGE, new RateRangeCheck(),
            RuleKind.RATIO, new RatioCheck(),
            RuleKind.MISSING_SERIES, new MissingSeriesCheck()));

    /** What the checks look at. previousVintage and previousName are null when there is none. */
    public record Inputs(String observationsGlob, PopulationTable population, Path previousVintage, String previousName,
                         Path tempDir) {
    }

    /** Findings per rule id, in catalogue order (rules with none included, as 0). */
    public record Result(Map<String, Long> findingsByRule, long total) {
    }

    private final List<Rule> rules;

    /** @param rules the catalogue; row rules are ignored here */
    public CrossRowValidation(List<Rule> rules) {
        this.rules = rules.stream().filter(r -> r.kind().scope() == RuleKind.Scope.CYCLE).toList();
    }

    public Result run(Inputs in, Path findingsFile, long runId, Function<String, String> countryNames) {
        Properties props = new Properties();
        props.setProperty("jdbc_stream_results", "true");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:", props);
             FindingSink sink = new FindingSink(ParquetPart.open(findingsFile, PublishedSchemas.VALIDATION_ISSUE), runId, countryNames)) {
            try (Statement st = db.createStatement()) {
                st.execute("SET memory_limit = '2GB'");
                // every query orders its own result; the table of observations needs no order
                st.execute("SET preserve_insertion_order = false");
                if (in.tempDir() != null) {
                    st.execute("SET temp_directory = " + KeyFields.quote(in.tempDir().toString()));
                }
            }
            long t = System.nanoTime();
            CycleData data = CycleData.open(db, in.observationsGlob(), in.population(), in.previousVintage(), in.previousName());
            t = logTime("observations loaded for the cross-row checks", t);
            for (Rule rule : rules) {
                CycleCheck check = SET_BASED.get(rule.kind());
                if (check != null) {
                    check.run(data, rule, sink);
                    t = logTime("rule " + rule.id(), t);
                }
            }
            new SeriesTrendChecks(rules).run(data, sink);
            logTime("year-on-year and turned-zero rules", t);
            sink.commit();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Rule r : rules) {
                counts.put(r.id(), sink.countsByRule().getOrDefault(r.id(), 0L));
            }
            return new Result(counts, sink.total());
        } catch (SQLException e) {
            throw new IllegalStateException("The cross-row checks failed in DuckDB: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the findings of the cross-row checks failed: " + e.getMessage(), e);
        }
    }

    private static long logTime(String what, long since) {
        long now = System.nanoTime();
        LOG.info("cross-row checks: {} in {} ms", what, (now - since) / 1_000_000);
        return now;
    }
}
