package org.uncts.cts.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.uncts.cts.publish.CyclePublisher;
import org.uncts.cts.reference.ReferenceData;
import org.uncts.cts.report.FeedbackReports;
import org.uncts.cts.report.ReportHeader;
import org.uncts.cts.report.SeriesLabels;
import org.uncts.cts.spec.SurveyRunPlan;
import org.uncts.cts.validate.catalogue.Rule;

/** Writes the feedback report of every reporting country (and the index page) from the run's findings. */
public class FeedbackReportsTasklet implements Tasklet {

    private final SurveyRunPlan plan;
    private final ReferenceData reference;

    public FeedbackReportsTasklet(RunResources.Loaded loaded) {
        this.plan = loaded.plan();
        this.reference = loaded.reference();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = contribution.getStepExecution().getJobExecution();
        long runId = job.getJobInstance().getInstanceId();
        Path scratch = new CyclePublisher(plan.outputDir(), StagingLayout.of(plan.outputDir(), runId).root(), runId).scratch();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (Rule r : plan.rules().all()) {
            descriptions.put(r.id(), r.description());
        }
        Instant started = job.getStartTime() == null ? Instant.now()
                : job.getStartTime().atZone(java.time.ZoneId.systemDefault()).toInstant();
        try {
            FeedbackReports.Result result = FeedbackReports.write(scratch.resolve("validation_issues"),
                    scratch.resolve("countries"), descriptions,
                    SeriesLabels.of(reference.indicators(), reference.iccs()),
                    new ReportHeader(plan.cycle(), runId, started, plan.name()), scratch.resolve("reports"));
            contribution.getStepExecution().getExecutionContext().putLong("countries", result.countries().size());
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the feedback reports of run " + runId + " failed: " + e.getMessage(), e);
        }
        return RepeatStatus.FINISHED;
    }
}
