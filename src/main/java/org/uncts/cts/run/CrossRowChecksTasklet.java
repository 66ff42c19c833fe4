package org.uncts.cts.run;

import java.nio.file.Path;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.uncts.cts.publish.CyclePublisher;
import org.uncts.cts.reference.Country;
import org.uncts.cts.reference.ReferenceData;
import org.uncts.cts.spec.SurveyRunPlan;
import org.uncts.cts.validate.checks.CrossRowValidation;

/**
 * The cross-row rules over the whole cycle, once every file is consolidated: writes their
 * findings and merges them with the row rules' findings into the validation_issues dataset.
 */
public class CrossRowChecksTasklet implements Tasklet {

    public static final String FINDINGS = "cross_row_findings.parquet";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CrossRowChecksTasklet.class);

    private final SurveyRunPlan plan;
    private final ReferenceData reference;

    public CrossRowChecksTasklet(RunResources.Loaded loaded) {
        this.plan = loaded.plan();
        this.reference = loaded.reference();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        StagingLayout staging = StagingLayout.of(plan.outputDir(), runId);
        CyclePublisher publisher = new CyclePublisher(plan.outputDir(), staging.root(), runId);
        Path scratch = publisher.scratch();
        Path findings = staging.root().resolve(FINDINGS);
        Path previous = plan.previousVintage();
        CrossRowValidation.Inputs in = new CrossRowValidation.Inputs(
                scratch.resolve("observations").toAbsolutePath() + "/**/*.parquet", reference.population(), previous,
                previous == null ? null : displayName(plan, previous), staging.root().resolve("duckdb-tmp"));
        CrossRowValidation.Result result = new CrossRowValidation(plan.rules().all())
                .run(in, findings, runId, iso3 -> reference.countries().byIso3(iso3).map(Country::name).orElse(iso3));
        LOG.info("run {}: {} cross-row findings {}", runId, result.total(), result.findingsByRule());
        publisher.mergeFindings(findings);
        contribution.getStepExecution().getExecutionContext().putLong("findings", result.total());
        return RepeatStatus.FINISHED;
    }

    /** The previous vintage as findings name it: relative to the project folder when inside it. */
    static String displayName(SurveyRunPlan plan, Path previous) {
        Path spec = plan.specFile().toAbsolutePath().getParent();
        Path project = spec.getParent() == null ? spec : spec.getParent();
        Path p = previous.toAbsolutePath().normalize();
        return (p.startsWith(project) ? project.relativize(p) : p).toString().replace('\\', '/');
    }
}
