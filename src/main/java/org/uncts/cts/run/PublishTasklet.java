package org.uncts.cts.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.uncts.cts.publish.CountriesDataset;
import org.uncts.cts.publish.CyclePublisher;
import org.uncts.cts.publish.PublishedSchemas;
import org.uncts.cts.publish.IngestedFile;
import org.uncts.cts.publish.RunRecord;
import org.uncts.cts.publish.RunsDataset;
import org.uncts.cts.spec.SurveyRunPlan;
import org.uncts.cts.store.DuckDbCatalog;
import org.uncts.cts.store.StagingSchemas;

/**
 * The last step of a survey run: moves the datasets built in the scratch folder into place,
 * records the run in the runs dataset and rewrites the DuckDB catalog. Safe to re-run: the
 * staging folder is removed only once everything is in place.
 */
public class PublishTasklet implements Tasklet {

    static final String FILE_SHA = "file.sha256";
    static final String FILE_ENCODING = "file.encoding";
    static final String FILE_FORMAT = "file.format";
    static final String FILE_CHARSET = "file.charset";
    public static final String ROWS_READ = "rows.read";
    public static final String ROWS_ACCEPTED = "rows.accepted";
    public static final String ROWS_REJECTED = "rows.rejected";

    /** The datasets a run publishes from its scratch folder (runs is appended to, not replaced). */
    public static final List<String> DATASETS = List.of("observations", "rejected_rows", "validation_issues", "countries",
            "population", "indicators", "trends", "trend_years", "regional_aggregates", "regional_imputations", "reports");

    private final SurveyRunPlan plan;
    private final org.uncts.cts.reference.ReferenceData reference;
    private final JobRepository repository;
    private final String codeVersion;

    public PublishTasklet(RunResources.Loaded loaded, JobRepository repository, String codeVersion) {
        this.plan = loaded.plan();
        this.reference = loaded.reference();
        this.repository = repository;
        this.codeVersion = codeVersion;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = contribution.getStepExecution();
        JobExecution job = step.getJobExecution();
        long runId = job.getJobInstance().getInstanceId();
        StagingLayout staging = StagingLayout.of(plan.outputDir(), runId);

        List<IngestedFile> files = ingestedFiles(plan, job, repository);
        CyclePublisher publisher = new CyclePublisher(plan.outputDir(), staging.root(), runId);
        CyclePublisher.Result result = publisher.counts(files);
        publisher.publish(DATASETS);
        Instant started = job.getStartTime() == null ? Instant.now() : job.getStartTime().atZone(ZoneId.systemDefault()).toInstant();
        RunRecord run = new RunRecord(runId, plan.name(), plan.specFile().toString(), plan.specSha256(), plan.cycle(),
                plan.years().from(), plan.years().to(), "COMPLETED", started, Instant.now(), result.files(),
                result.errors(), result.warnings(), result.infos(), codeVersion);
        RunsDataset.write(plan.outputDir(), run);

        Path out = plan.outputDir().toAbsolutePath();
        // with schemas, so that a dataset with no rows this run is still a (typed, empty) view
        List<DuckDbCatalog.Dataset> views = List.of(
                new DuckDbCatalog.Dataset("observations", out + "/observations/**/*.parquet", PublishedSchemas.OBSERVATION),
                new DuckDbCatalog.Dataset("rejected_rows", out + "/rejected_rows/*.parquet", StagingSchemas.REJECTED_ROW),
                new DuckDbCatalog.Dataset("validation_issues", out + "/validation_issues/*.parquet", PublishedSchemas.VALIDATION_ISSUE),
                new DuckDbCatalog.Dataset("countries", out + "/countries/*.parquet", CountriesDataset.COUNTRY),
                new DuckDbCatalog.Dataset("population", out + "/population/*.parquet", PublishedSchemas.POPULATION),
                new DuckDbCatalog.Dataset("indicators", out + "/indicators/*.parquet", PublishedSchemas.INDICATOR),
                new DuckDbCatalog.Dataset("trends", out + "/trends/*.parquet", org.uncts.cts.trends.TrendsSchemas.TRENDS),
                new DuckDbCatalog.Dataset("trend_years", out + "/trend_years/*.parquet", org.uncts.cts.trends.TrendsSchemas.TREND_YEARS),
                new DuckDbCatalog.Dataset("regional_aggregates", out + "/regional_aggregates/*.parquet",
                        org.uncts.cts.aggregate.AggregateSchemas.REGIONAL_AGGREGATE),
                new DuckDbCatalog.Dataset("regional_imputations", out + "/regional_imputations/*.parquet",
                        org.uncts.cts.aggregate.AggregateSchemas.REGIONAL_IMPUTATION),
                new DuckDbCatalog.Dataset("runs", out + "/runs/*.parquet", RunsDataset.RUN));
        try {
            DuckDbCatalog.writeCatalog(catalogPath(plan), views);
            CyclePublisher.deleteTree(staging.root());
        } catch (IOException e) {
            throw new UncheckedIOException("Publishing the catalog of run " + runId + " failed: " + e.getMessage(), e);
        }
        job.getExecutionContext().putLong(ROWS_READ, run.rowsRead());
        job.getExecutionContext().putLong(ROWS_ACCEPTED, run.rowsAccepted());
        job.getExecutionContext().putLong(ROWS_REJECTED, run.rowsRejected());
        return RepeatStatus.FINISHED;
    }

    /** What the ingest step recorded about each input file: how it was read and how many rows. */
    static List<IngestedFile> ingestedFiles(SurveyRunPlan plan, JobExecution job, JobRepository repository) {
        List<IngestedFile> files = new ArrayList<>();
        for (SurveyRunPlan.InputReturn in : plan.inputs()) {
            String stepName = IngestJobConfiguration.WORKER_STEP + ":" + FileKeys.of(in.displayName());
            StepExecution worker = repository.getLastStepExecution(job.getJobInstance(), stepName);
            if (worker == null) {
                throw new IllegalStateException("No ingest record for " + in.displayName() + " (step " + stepName + ").");
            }
            ExecutionContext ctx = worker.getExecutionContext();
            long read = ReturnItemReader.readCount(ctx);
            files.add(new IngestedFile(in.displayName(), FileKeys.of(in.displayName()), in.path(),
                    java.nio.charset.Charset.forName(ctx.getString(FILE_CHARSET, "UTF-8")), ctx.getString(FILE_FORMAT, ""),
                    ctx.getString(FILE_SHA, ""), ctx.getString(FILE_ENCODING, ""), read));
        }
        return files;
    }

    public static Path catalogPath(SurveyRunPlan plan) {
        return plan.outputDir().resolve("catalog.duckdb");
    }
}
