package org.uncts.cts.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.uncts.cts.aggregate.RegionalAggregation;
import org.uncts.cts.aggregate.Settings;
import org.uncts.cts.indicators.DerivedIndicators;
import org.uncts.cts.publish.CyclePublisher;
import org.uncts.cts.publish.PopulationDataset;
import org.uncts.cts.reference.ReferenceData;
import org.uncts.cts.spec.SurveyRunPlan;
import org.uncts.cts.trends.RegionalTrendsDataset;
import org.uncts.cts.trends.TrendsDataset;

/**
 * The derived figures of a run, one step each, after validation: "indicators" (the population
 * dataset and the indicators derived from the observations), "trends" (per series and period)
 * and "regionalAggregates" (regions and the world, with coverage and imputation, then the trends of
 * those regional series: regional_trends and regional_trend_years). Each rebuilds
 * its datasets in the run's scratch folder, so a restart simply runs it again.
 */
public class IndicatorsTasklet implements Tasklet {

    /** Which of the three steps this tasklet is. */
    public enum Part { INDICATORS, TRENDS, REGIONAL_AGGREGATES }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IndicatorsTasklet.class);

    private final Part part;
    private final SurveyRunPlan plan;
    private final ReferenceData reference;

    public IndicatorsTasklet(Part part, RunResources.Loaded loaded) {
        this.part = part;
        this.plan = loaded.plan();
        this.reference = loaded.reference();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        Path scratch = new CyclePublisher(plan.outputDir(), StagingLayout.of(plan.outputDir(), runId).root(), runId).scratch();
        Path population = scratch.resolve("population").resolve("population.parquet");
        Path indicators = scratch.resolve("indicators").resolve("indicators.parquet");
        try {
            run(runId, scratch, population, indicators);
        } catch (IOException e) {
            throw new UncheckedIOException("Step " + part.name().toLowerCase(java.util.Locale.ROOT) + " of run " + runId
                    + " failed: " + e.getMessage(), e);
        }
        return RepeatStatus.FINISHED;
    }

    private void run(long runId, Path scratch, Path population, Path indicators) throws IOException {
        switch (part) {
            case INDICATORS -> {
                PopulationDataset.write(population, reference.population(), plan.populationEdition(),
                        source -> CrossRowChecksTasklet.displayName(plan, Path.of(source)));
                DerivedIndicators.write(scratch.resolve("observations").toAbsolutePath() + "/**/*.parquet",
                        population.toAbsolutePath().toString(), indicators, runId);
            }
            case TRENDS -> {
                TrendsDataset.Result r = TrendsDataset.write(indicators.toAbsolutePath().toString(),
                        scratch.resolve("trends").resolve("trends.parquet"), scratch.resolve("trend_years").resolve("trend_years.parquet"),
                        runId, TrendsDataset.Config.defaults());
                LOG.info("run {}: trends of {} series: {} rows, {} year rows", runId, r.series(), r.trendRows(), r.yearRows());
            }
            case REGIONAL_AGGREGATES -> {
                RegionalAggregation.Result r = RegionalAggregation.run(indicators, population,
                        scratch.resolve("countries").resolve("countries.parquet"), Settings.defaults(), scratch, runId);
                LOG.info("run {}: {} regional aggregate rows, {} imputed cells", runId, r.aggregateRows(), r.imputationRows());
                // the regional trends read the aggregates just written, so they are rebuilt with them on a restart
                TrendsDataset.Result t = RegionalTrendsDataset.write(r.aggregates().toAbsolutePath().toString(),
                        RegionalTrendsDataset.trendsFile(scratch), RegionalTrendsDataset.yearsFile(scratch), runId,
                        TrendsDataset.Config.defaults());
                LOG.info("run {}: regional trends of {} series: {} rows, {} year rows", runId, t.series(), t.trendRows(),
                        t.yearRows());
            }
        }
    }
}
