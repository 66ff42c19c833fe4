package org.uncts.cts.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import java.util.List;
import java.util.Locale;
import org.uncts.cts.exchange.SdmxCsvExport;
import org.uncts.cts.publication.PublicationTables;
import org.uncts.cts.publication.chart.ChartDefinitions;
import org.uncts.cts.publication.chart.Charts;
import org.uncts.cts.publication.TableBuilder;
import org.uncts.cts.publication.TableDefinitions;
import org.uncts.cts.publish.CyclePublisher;
import org.uncts.cts.publish.ReleaseData;
import org.uncts.cts.spec.SurveyRunPlan;

/**
 * The publication outputs of a run, made from its own datasets in the scratch folder before
 * they are published, so they go out in the same release: every defined table in every format
 * (publication/tables), every defined chart as PNG and SVG (publication/charts), and observations
 * and indicators as SDMX-CSV 2.0 (publication/sdmx). The step rebuilds them from scratch, so a
 * restart simply runs it again. A table or chart that cannot be made is logged and left out; it
 * does not fail the run.
 */
public class PublicationTasklet implements Tasklet {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PublicationTasklet.class);

    /** The folder of the release the publication outputs are written in. */
    public static final String FOLDER = "publication";

    private final SurveyRunPlan plan;
    private final boolean enabled;

    /** @param enabled false for a validation run ({@code cts validate}), which publishes no tables, charts or exports */
    public PublicationTasklet(RunResources.Loaded loaded, boolean enabled) {
        this.plan = loaded.plan();
        this.enabled = enabled;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        if (!enabled) {
            LOG.info("run {}: a validation run; no publication tables, charts or exports", runId);
            return RepeatStatus.FINISHED;
        }
        Path scratch = new CyclePublisher(plan.outputDir(), StagingLayout.of(plan.outputDir(), runId).root(), runId).scratch();
        Path folder = scratch.resolve(FOLDER);
        try (Connection db = ReleaseData.open(scratch)) {
            long t0 = System.nanoTime();
            PublicationTables.Result tables = PublicationTables.writeAll(TableDefinitions.load(plan.tableFolders()), db,
                    new TableBuilder.Context(plan.cycle(), runId), folder.resolve("tables"));
            tables.problems().forEach(p -> LOG.warn("run {}: {}", runId, p));
            long t1 = System.nanoTime();
            Charts.Written charts = Charts.writeAll(ChartDefinitions.load(plan.chartFolders()).all(), db, folder.resolve("charts"));
            charts.skipped().forEach(p -> LOG.warn("run {}: {}", runId, p));
            long t2 = System.nanoTime();
            List<SdmxCsvExport.Written> sdmx = SdmxCsvExport.writeAll(db, folder.resolve("sdmx"));
            long t3 = System.nanoTime();
            var context = contribution.getStepExecution().getExecutionContext();
            context.putLong("tables", tables.written().size());
            context.putLong("charts", charts.files().size());
            context.putLong("sdmxRows", sdmx.stream().mapToLong(SdmxCsvExport.Written::rows).sum());
            // the times say which part to look at when the step is slow (docs/performance.md)
            LOG.info(String.format(Locale.ROOT, "run %d: %d table files (%.1f s), %d chart files (%.1f s), %d SDMX-CSV rows (%.1f s) in %s",
                    runId, tables.written().size(), (t1 - t0) / 1e9, charts.files().size(), (t2 - t1) / 1e9,
                    sdmx.stream().mapToLong(SdmxCsvExport.Written::rows).sum(), (t3 - t2) / 1e9, folder));
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the publication outputs of run " + runId + " failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the datasets of run " + runId + " failed: " + e.getMessage(), e);
        }
        return RepeatStatus.FINISHED;
    }
}
