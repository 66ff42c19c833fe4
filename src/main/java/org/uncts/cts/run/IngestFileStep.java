package org.uncts.cts.run;

import java.nio.file.Path;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.ingest.ReadOptions;
import org.uncts.cts.ingest.ReturnLayout;
import org.uncts.cts.model.RawObservation;
import org.uncts.cts.spec.SurveyRunPlan;
import org.uncts.cts.validate.RowOutcome;
import org.uncts.cts.validate.RowValidator;

/**
 * The worker step of the ingest partitions. For each partition (one input file) it builds a
 * chunk-oriented step with that file's reader, validator and writer and runs it on the
 * partition's step execution. Building per partition, rather than through step-scoped proxies,
 * keeps the per-row path free of proxy lookups: every row goes through plain objects.
 */
public class IngestFileStep implements Step {

    private final JobRepository repository;
    private final PlatformTransactionManager transactionManager;
    private final RunResources resources;
    private final ProgressReporter progress;
    private final IngestFaults faults;
    private final int chunkSize;

    public IngestFileStep(JobRepository repository, PlatformTransactionManager transactionManager, RunResources resources,
                          ProgressReporter progress, IngestFaults faults, int chunkSize) {
        this.repository = repository;
        this.transactionManager = transactionManager;
        this.resources = resources;
        this.progress = progress;
        this.faults = faults;
        this.chunkSize = chunkSize;
    }

    @Override
    public String getName() {
        return IngestJobConfiguration.WORKER_STEP;
    }

    @Override
    public void execute(StepExecution step) throws JobInterruptedException {
        var ctx = step.getExecutionContext();
        var params = step.getJobExecution().getJobParameters();
        long runId = step.getJobExecution().getJobInstance().getInstanceId();
        RunResources.Loaded loaded = resources.forRun(params.getString(IngestJobConfiguration.SPEC_PARAM),
                params.getString(IngestJobConfiguration.INPUTS_PARAM), params.getString(IngestJobConfiguration.OUTPUT_PARAM));
        SurveyRunPlan plan = loaded.plan();
        String displayName = ctx.getString(InputFilePartitioner.DISPLAY_NAME);
        String layout = ctx.getString(InputFilePartitioner.LAYOUT, "");

        ReadOptions options = plan.inputs().stream().filter(in -> in.displayName().equals(displayName)).findFirst()
                .map(SurveyRunPlan.InputReturn::options).orElse(ReadOptions.NONE);
        ReturnItemReader reader = new ReturnItemReader(InputFile.inspect(Path.of(ctx.getString(InputFilePartitioner.FILE))),
                displayName, layout.isEmpty() ? null : ReturnLayout.valueOf(layout), options);
        RowValidatingProcessor processor = new RowValidatingProcessor(
                new RowValidator(loaded.reference(), plan.years(), runId, plan.rules()));
        StagingItemWriter writer = new StagingItemWriter(StagingLayout.of(plan.outputDir(), runId),
                ctx.getString(InputFilePartitioner.FILE_KEY), displayName, runId, faults);

        Step chunked = new StepBuilder(getName(), repository)
                .<RawObservation, RowOutcome>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(processor)
                .writer(writer)
                .listener(progress)
                .build();
        chunked.execute(step);
    }
}
