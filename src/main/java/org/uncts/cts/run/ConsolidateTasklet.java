package org.uncts.cts.run;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.uncts.cts.publish.CyclePublisher;
import org.uncts.cts.reference.ReferenceData;
import org.uncts.cts.spec.SurveyRunPlan;

/**
 * After ingest: gathers every file's staged parts into the cycle's datasets (in the run's scratch
 * folder), setting duplicates aside, and checks that every row read is accounted for.
 */
public class ConsolidateTasklet implements Tasklet {

    private final SurveyRunPlan plan;
    private final ReferenceData reference;
    private final JobRepository repository;

    public ConsolidateTasklet(RunResources.Loaded loaded, JobRepository repository) {
        this.plan = loaded.plan();
        this.reference = loaded.reference();
        this.repository = repository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = contribution.getStepExecution().getJobExecution();
        long runId = job.getJobInstance().getInstanceId();
        new CyclePublisher(plan.outputDir(), StagingLayout.of(plan.outputDir(), runId).root(), runId, plan.rules())
                .consolidate(PublishTasklet.ingestedFiles(plan, job, repository), reference.countries().all());
        return RepeatStatus.FINISHED;
    }
}
