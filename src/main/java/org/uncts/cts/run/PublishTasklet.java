package org.uncts.cts.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.uncts.cts.publish.Releases;
import org.uncts.cts.publish.ReleaseData;
import org.uncts.cts.publish.RunsDataset;
import org.uncts.cts.spec.SurveyRunPlan;
import org.uncts.cts.store.DuckDbCatalog;
import org.uncts.cts.store.StagingSchemas;

/**
 * The last step of a survey run: renames the scratch folder, with all the run's datasets, to the
 * run's release folder (out/&lt;job&gt;/releases/run-&lt;id&gt;, one atomic rename), records the run in the
 * runs dataset, rewrites the DuckDB catalog under a temporary name and renames it over
 * catalog.duckdb (again atomic), then points out/&lt;job&gt;/current at the release. A query sees the
 * previous release or this one, never a mix; a run that fails before this step leaves the current
 * release as it was. Safe to re-run: the staging folder is removed only once everything is in place.
 */
public class PublishTasklet implements Tasklet {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PublishTasklet.class);

    static final String FILE_SHA = "file.sha256";
    static final String FILE_ENCODING = "file.encoding";
    static final String FILE_FORMAT = "file.format";
    static final String FILE_CHARSET = "file.charset";
    public static final String ROWS_READ = "rows.read";
    public static final String ROWS_ACCEPTED = "rows.accepted";
    public static final String ROWS_REJECTED = "rows.rejected";

    /** The datasets a run publishes from its scratch folder (runs is appended to, not replaced). */
    public static final List<String> DATASETS = List.of("observations", "rejected_rows", "validation_issues", "countries",
            "population", "indicators", "trends", "trend_years", "regional_aggregates", "regional_imputations",
            "regional_trends", "regional_trend_years", "reports", PublicationTasklet.FOLDER);

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
        // counted in the scratch folder, or in the release if an earlier attempt of this step moved it
        CyclePublisher.Result result = publisher.counts(files,
                Files.isDirectory(publisher.scratch()) ? publisher.scratch() : publisher.release());
        // 1. the scratch folder becomes releases/run-<id>, in one rename: the release is complete or absent
        Path release = publisher.publish(DATASETS).toAbsolutePath();
        Instant started = job.getStartTime() == null ? Instant.now() : job.getStartTime().atZone(ZoneId.systemDefault()).toInstant();
        RunRecord run = new RunRecord(runId, plan.name(), plan.specFile().toString(), plan.specSha256(), plan.cycle(),
                plan.years().from(), plan.years().to(), "COMPLETED", started, Instant.now(), result.files(),
                result.errors(), result.warnings(), result.infos(), codeVersion);
        // 2. the run's record, naming its release (runs/ is shared by all releases)
        Path runFile = RunsDataset.write(plan.outputDir(), run);
        // 2b. the run report, inside the release before it becomes current
        writeRunReport(job, release, runFile);
        // 3. the catalog, built under a temporary name and renamed over catalog.duckdb: a query sees
        // the previous release or this one, never a mix
        try {
            DuckDbCatalog.writeCatalog(catalogPath(plan), catalogViews(plan.outputDir(), release), "tmp-" + runId);
            // 4. out/<job>/current -> releases/run-<id>, for people and scripts that read the files
            Releases.pointCurrentAt(plan.outputDir(), runId);
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

    /**
     * run.html in the release: inputs, counts, findings, the steps and their timing. A report that
     * cannot be written is logged, not fatal: the datasets are what the run is for.
     */
    private static void writeRunReport(JobExecution job, Path release, Path runFile) {
        java.util.List<org.uncts.cts.report.StepTiming> steps = new java.util.ArrayList<>();
        job.getStepExecutions().stream()
                .sorted(java.util.Comparator.comparing(StepExecution::getStartTime,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .forEach(s -> steps.add(org.uncts.cts.report.StepTiming.local(s.getStepName(), s.getStatus().name(),
                        s.getReadCount(), s.getWriteCount(), s.getSkipCount(), s.getStartTime(), s.getEndTime())));
        try {
            org.uncts.cts.report.RunReport.write(release, runFile, steps, release.resolve("run.html"));
        } catch (IOException | RuntimeException e) {
            LOG.error("The run report of run {} could not be written: {}", job.getJobInstance().getInstanceId(), e.getMessage(), e);
        }
    }

    /** The datasets whose views are also made over every release, as all_&lt;dataset&gt;, with a release_run_id column. */
    public static final List<String> VINTAGE_DATASETS = List.of("observations", "rejected_rows", "validation_issues", "countries",
            "population", "indicators", "trends", "trend_years", "regional_aggregates", "regional_imputations",
            "regional_trends", "regional_trend_years");

    /** The column of the all_&lt;dataset&gt; views that names the release (its run id) a row was published in. */
    public static final String RELEASE_RUN_ID = "release_run_id";

    /**
     * The catalog's views: one per dataset over {@code release} (absolute), all_&lt;dataset&gt; over
     * every release of the output folder, and runs.
     */
    static List<DuckDbCatalog.Dataset> catalogViews(Path outputDir, Path release) {
        String out = outputDir.toAbsolutePath().toString();
        Map<String, DuckDbCatalog.Dataset> current = new LinkedHashMap<>();
        for (DuckDbCatalog.Dataset d : ReleaseData.datasets(release)) {
            current.put(d.view(), d);
        }
        List<DuckDbCatalog.Dataset> views = new ArrayList<>(current.values());
        views.add(dataset("runs", out + "/runs/*.parquet", RunsDataset.RUN));
        String releases = Releases.root(outputDir.toAbsolutePath()).toString();
        for (String name : VINTAGE_DATASETS) {
            DuckDbCatalog.Dataset d = current.get(name);
            String glob = releases + "/*" + d.glob().substring(release.toString().length());
            views.add(DuckDbCatalog.Dataset.acrossReleases("all_" + name, glob, d.schema(), RELEASE_RUN_ID));
        }
        return views;
    }

    private static DuckDbCatalog.Dataset dataset(String view, String glob, org.apache.avro.Schema schema) {
        return new DuckDbCatalog.Dataset(view, glob, schema);
    }

    public static Path catalogPath(SurveyRunPlan plan) {
        return plan.outputDir().resolve("catalog.duckdb");
    }
}
