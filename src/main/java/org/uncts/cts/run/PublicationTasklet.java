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
import org.uncts.cts.publication.PublicationTables;
import org.uncts.cts.publication.TableBuilder;
import org.uncts.cts.publication.TableDefinitions;
import org.uncts.cts.publish.CyclePublisher;
import org.uncts.cts.publish.ReleaseData;
import org.uncts.cts.spec.SurveyRunPlan;

/**
 * The publication outputs of a run, made from its own datasets in the scratch folder before
 * they are published, so they go out in the same release: every defined table in every format
 * (publication/tables). The step rebuilds them from scratch, so a restart simply runs it again.
 * A table that cannot be made is logged and left out; it does not fail the run.
 */
public class PublicationTasklet implements Tasklet {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PublicationTasklet.class);

    /** The folder of the release the publication outputs are written in. */
    public static final String FOLDER = "publication";

    private final SurveyRunPlan plan;

    public PublicationTasklet(RunResources.Loaded loaded) {
        this.plan = loaded.plan();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        Path scratch = new CyclePublisher(plan.outputDir(), StagingLayout.of(plan.outputDir(), runId).root(), runId).scratch();
        Path folder = scratch.resolve(FOLDER);
        try (Connection db = ReleaseData.open(scratch)) {
            PublicationTables.Result tables = PublicationTables.writeAll(TableDefinitions.load(plan.tableFolders()), db,
                    new TableBuilder.Context(plan.cycle(), runId), folder.resolve("tables"));
            tables.problems().forEach(p -> LOG.warn("run {}: {}", runId, p));
            contribution.getStepExecution().getExecutionContext().putLong("tables", tables.written().size());
            LOG.info("run {}: {} table files in {}", runId, tables.written().size(), folder.resolve("tables"));
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the publication tables of run " + runId + " failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the datasets of run " + runId + " failed: " + e.getMessage(), e);
        }
        return RepeatStatus.FINISHED;
    }
}
