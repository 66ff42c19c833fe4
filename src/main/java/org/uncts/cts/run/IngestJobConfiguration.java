package org.uncts.cts.run;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The survey-run job: "ingest" (one partition per input file, on local threads), "consolidate"
 * (the cycle's datasets, duplicates set aside), "crossRowChecks" (rules over the whole cycle),
 * "indicators", "trends" and "regionalAggregates" (derived figures), "feedbackReports" (a
 * report per country) then "publish".
 * No incrementer: a run is identified by its spec and inputs, so launching it again after a
 * failure restarts it where it stopped (see {@link SurveyRunLauncher}).
 * A validate run ({@code cts validate}) is the same job with two more job parameters, {@code inputs}
 * and {@code output}, that replace the spec's inputs and output folder in every step.
 */
@Configuration
public class IngestJobConfiguration {

    public static final String JOB = "surveyRun";
    public static final String WORKER_STEP = "ingestFile";
    public static final String SPEC_PARAM = "spec";
    /** Validate runs only: the files to read instead of the spec's inputs (see {@link RunResources#encodeInputs}). */
    public static final String INPUTS_PARAM = "inputs";
    /** Validate runs only: the output folder instead of the spec's. */
    public static final String OUTPUT_PARAM = "output";

    @Bean
    RunResources runResources() {
        return new RunResources();
    }

    @Bean
    Job surveyRun(JobRepository repository, Step ingest, Step consolidate, Step crossRowChecks, Step indicators,
                  Step trends, Step regionalAggregates, Step feedbackReports, Step publication, Step publish, ProgressReporter progress,
                   RunLocks runLocks) {
        return new JobBuilder(JOB, repository).start(ingest).next(consolidate).next(crossRowChecks)
                .next(indicators).next(trends).next(regionalAggregates).next(feedbackReports)
                .next(publication).next(publish).listener(progress).listener(runLocks).build();
    }

    @Bean
    Step indicators(JobRepository repository, PlatformTransactionManager transactionManager,
                    IndicatorsTasklet indicatorsTasklet, ProgressReporter progress) {
        return taskletStep("indicators", repository, transactionManager, indicatorsTasklet, progress);
    }

    @Bean
    @StepScope
    IndicatorsTasklet indicatorsTasklet(RunResources resources, @Value("#{jobParameters['spec']}") String spec,
            @Value("#{jobParameters['inputs']}") String inputs, @Value("#{jobParameters['output']}") String output) {
        return new IndicatorsTasklet(IndicatorsTasklet.Part.INDICATORS, resources.forRun(spec, inputs, output));
    }

    @Bean
    Step trends(JobRepository repository, PlatformTransactionManager transactionManager,
                IndicatorsTasklet trendsTasklet, ProgressReporter progress) {
        return taskletStep("trends", repository, transactionManager, trendsTasklet, progress);
    }

    @Bean
    @StepScope
    IndicatorsTasklet trendsTasklet(RunResources resources, @Value("#{jobParameters['spec']}") String spec,
            @Value("#{jobParameters['inputs']}") String inputs, @Value("#{jobParameters['output']}") String output) {
        return new IndicatorsTasklet(IndicatorsTasklet.Part.TRENDS, resources.forRun(spec, inputs, output));
    }

    @Bean
    Step regionalAggregates(JobRepository repository, PlatformTransactionManager transactionManager,
                            IndicatorsTasklet regionalAggregatesTasklet, ProgressReporter progress) {
        return taskletStep("regionalAggregates", repository, transactionManager, regionalAggregatesTasklet, progress);
    }

    @Bean
    @StepScope
    IndicatorsTasklet regionalAggregatesTasklet(RunResources resources, @Value("#{jobParameters['spec']}") String spec,
            @Value("#{jobParameters['inputs']}") String inputs, @Value("#{jobParameters['output']}") String output) {
        return new IndicatorsTasklet(IndicatorsTasklet.Part.REGIONAL_AGGREGATES, resources.forRun(spec, inputs, output));
    }

    @Bean
    Step publication(JobRepository repository, PlatformTransactionManager transactionManager,
                     PublicationTasklet publicationTasklet, ProgressReporter progress) {
        return taskletStep("publication", repository, transactionManager, publicationTasklet, progress);
    }

    @Bean
    @StepScope
    PublicationTasklet publicationTasklet(RunResources resources, @Value("#{jobParameters['spec']}") String spec,
            @Value("#{jobParameters['inputs']}") String inputs, @Value("#{jobParameters['output']}") String output) {
        // inputs are given only by `cts validate`, which checks returns: no tables, charts or exports for it
        return new PublicationTasklet(resources.forRun(spec, inputs, output), inputs == null);
    }

    /** A one-tasklet step that reports its end on the console like every other step. */
    private static Step taskletStep(String name, JobRepository repository, PlatformTransactionManager transactionManager,
                                    Tasklet tasklet, ProgressReporter progress) {
        return new StepBuilder(name, repository)
                .tasklet(tasklet, transactionManager)
                .listener((StepExecutionListener) progress)
                .build();
    }

    @Bean
    Step feedbackReports(JobRepository repository, PlatformTransactionManager transactionManager,
                         FeedbackReportsTasklet feedbackReportsTasklet, ProgressReporter progress) {
        return taskletStep("feedbackReports", repository, transactionManager, feedbackReportsTasklet, progress);
    }

    @Bean
    @StepScope
    FeedbackReportsTasklet feedbackReportsTasklet(RunResources resources, @Value("#{jobParameters['spec']}") String spec,
            @Value("#{jobParameters['inputs']}") String inputs, @Value("#{jobParameters['output']}") String output) {
        return new FeedbackReportsTasklet(resources.forRun(spec, inputs, output));
    }

    @Bean
    Step consolidate(JobRepository repository, PlatformTransactionManager transactionManager,
                     ConsolidateTasklet consolidateTasklet, ProgressReporter progress) {
        return taskletStep("consolidate", repository, transactionManager, consolidateTasklet, progress);
    }

    @Bean
    @StepScope
    ConsolidateTasklet consolidateTasklet(RunResources resources, JobRepository repository,
                                          @Value("#{jobParameters['spec']}") String spec,
            @Value("#{jobParameters['inputs']}") String inputs, @Value("#{jobParameters['output']}") String output) {
        return new ConsolidateTasklet(resources.forRun(spec, inputs, output), repository);
    }

    @Bean
    Step crossRowChecks(JobRepository repository, PlatformTransactionManager transactionManager,
                        CrossRowChecksTasklet crossRowChecksTasklet, ProgressReporter progress) {
        return taskletStep("crossRowChecks", repository, transactionManager, crossRowChecksTasklet, progress);
    }

    @Bean
    @StepScope
    CrossRowChecksTasklet crossRowChecksTasklet(RunResources resources, @Value("#{jobParameters['spec']}") String spec,
            @Value("#{jobParameters['inputs']}") String inputs, @Value("#{jobParameters['output']}") String output) {
        return new CrossRowChecksTasklet(resources.forRun(spec, inputs, output));
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
    InputFilePartitioner inputFilePartitioner(RunResources resources, @Value("#{jobParameters['spec']}") String spec,
            @Value("#{jobParameters['inputs']}") String inputs, @Value("#{jobParameters['output']}") String output) {
        return new InputFilePartitioner(resources.forRun(spec, inputs, output).plan());
    }

    @Bean
    Step ingestFile(JobRepository repository, PlatformTransactionManager transactionManager, RunResources resources,
                    ProgressReporter progress, ObjectProvider<IngestFaults> faults,
                    @Value("${cts.ingest.chunk-size:20000}") int chunkSize) {
        return new IngestFileStep(repository, transactionManager, resources, progress,
                faults.getIfAvailable(() -> IngestFaults.NONE), chunkSize);
    }

    @Bean
    Step publish(JobRepository repository, PlatformTransactionManager transactionManager, PublishTasklet publishTasklet,
                 ProgressReporter progress) {
        return taskletStep("publish", repository, transactionManager, publishTasklet, progress);
    }

    @Bean
    @StepScope
    PublishTasklet publishTasklet(RunResources resources, JobRepository repository,
                                  @Value("#{jobParameters['spec']}") String spec,
            @Value("#{jobParameters['inputs']}") String inputs, @Value("#{jobParameters['output']}") String output,
                                  ObjectProvider<BuildProperties> build) {
        BuildProperties props = build.getIfAvailable();
        return new PublishTasklet(resources.forRun(spec, inputs, output), repository,
                props == null ? "dev" : props.getVersion());
    }

}
