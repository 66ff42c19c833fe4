package org.uncts.cts.run;

import java.nio.file.Path;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.ingest.ReturnLayout;
import org.uncts.cts.model.RawObservation;
import org.uncts.cts.spec.SurveyRunPlan;
import org.uncts.cts.validate.RowOutcome;
import org.uncts.cts.validate.RowValidator;

/**
 * The survey-run job: "ingest" (one partition per input file, on local threads) then "publish".
 * No incrementer: a run is identified by its spec and inputs, so launching it again after a
 * failure restarts it where it stopped (see {@link SurveyRunLauncher}).
 */
@Configuration
public class IngestJobConfiguration {

    public static final String JOB = "surveyRun";
    public static final String WORKER_STEP = "ingestFile";
    public static final String SPEC_PARAM = "spec";

    @Bean
    RunResources runResources() {
        return new RunResources();
    }

    @Bean
    Job surveyRun(JobRepository repository, Step ingest, Step publish, ProgressReporter progress) {
        return new JobBuilder(JOB, repository).start(ingest).next(publish).listener(progress).build();
    }

    @Bean
    Step ingest(JobRepository repository, Partitioner inputFilePartitioner, Step ingestFile,
                @Value("${cts.ingest.threads:0}") int threads) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("ingest-");
        executor.setConcurrencyLimit(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        return new StepBuilder("ingest", repository)
                .partitioner(WORKER_STEP, inputFilePartitioner)
                .step(ingestFile)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    @StepScope
    InputFilePartitioner inputFilePartitioner(RunResources resources, @Value("#{jobParameters['spec']}") String spec) {
        return new InputFilePartitioner(resources.forSpec(spec).plan());
    }

    @Bean
    Step ingestFile(JobRepository repository, PlatformTransactionManager transactionManager,
                    ReturnItemReader returnItemReader, RowValidatingProcessor rowValidatingProcessor,
                    StagingItemWriter stagingItemWriter, ProgressReporter progress,
                    @Value("${cts.ingest.chunk-size:20000}") int chunkSize) {
        return new StepBuilder(WORKER_STEP, repository)
                .<RawObservation, RowOutcome>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(returnItemReader)
                .processor(rowValidatingProcessor)
                .writer(stagingItemWriter)
                .listener(progress)
                .build();
    }

    @Bean
    @StepScope
    ReturnItemReader returnItemReader(@Value("#{stepExecutionContext['file']}") String file,
                                      @Value("#{stepExecutionContext['displayName']}") String displayName,
                                      @Value("#{stepExecutionContext['layout']}") String layout) {
        return new ReturnItemReader(InputFile.inspect(Path.of(file)), displayName,
                layout == null || layout.isEmpty() ? null : ReturnLayout.valueOf(layout));
    }

    @Bean
    @StepScope
    RowValidatingProcessor rowValidatingProcessor(RunResources resources, @Value("#{stepExecution}") StepExecution step) {
        RunResources.Loaded loaded = resources.forSpec(spec(step));
        return new RowValidatingProcessor(new RowValidator(loaded.reference(), loaded.plan().years(), runId(step)));
    }

    @Bean
    @StepScope
    StagingItemWriter stagingItemWriter(RunResources resources, @Value("#{stepExecution}") StepExecution step,
                                        ObjectProvider<IngestFaults> faults) {
        SurveyRunPlan plan = resources.forSpec(spec(step)).plan();
        long runId = runId(step);
        return new StagingItemWriter(StagingLayout.of(plan.outputDir(), runId),
                step.getExecutionContext().getString(InputFilePartitioner.FILE_KEY),
                step.getExecutionContext().getString(InputFilePartitioner.DISPLAY_NAME), runId,
                faults.getIfAvailable(() -> IngestFaults.NONE));
    }

    @Bean
    Step publish(JobRepository repository, PlatformTransactionManager transactionManager, PublishTasklet publishTasklet) {
        return new StepBuilder("publish", repository).tasklet(publishTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    PublishTasklet publishTasklet(RunResources resources, JobRepository repository,
                                  @Value("#{jobParameters['spec']}") String spec,
                                  ObjectProvider<BuildProperties> build) {
        BuildProperties props = build.getIfAvailable();
        return new PublishTasklet(resources.forSpec(spec).plan(), repository,
                props == null ? "dev" : props.getVersion());
    }

    private static String spec(StepExecution step) {
        return step.getJobExecution().getJobParameters().getString(SPEC_PARAM);
    }

    private static long runId(StepExecution step) {
        return step.getJobExecution().getJobInstance().getInstanceId();
    }
}
