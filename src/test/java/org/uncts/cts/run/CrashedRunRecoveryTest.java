package org.uncts.cts.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.uncts.cts.spec.JobSpecLoader;
import org.uncts.cts.spec.SurveyRunPlan;
import org.uncts.cts.testing.Duck;
import org.uncts.cts.testing.TestCycle;

/**
 * A process killed mid-run leaves its execution "STARTED" in the job repository. Launching the
 * same spec again must recover it (mark it failed) and resume the same run, not refuse to start.
 */
@SpringBootTest(classes = CtsApplication.class, properties = "spring.datasource.url=jdbc:h2:mem:crash-test;DB_CLOSE_DELAY=-1")
class CrashedRunRecoveryTest {

    @Autowired
    SurveyRunLauncher launcher;

    @Autowired
    JobRepository repository;

    @TempDir
    Path dir;

    @Test
    void aRunLeftStartedByAKilledProcessIsRecoveredAndResumed() throws Exception {
        TestCycle.writeReference(dir);
        int rows = TestCycle.writeCleanReturn(dir.resolve("returns/only.csv"));
        Path out = dir.resolve("out");
        Path spec = TestCycle.writeSpec(dir, "crashed", out);

        SurveyRunPlan plan = JobSpecLoader.load(spec);
        JobParameters params = new JobParametersBuilder()
                .addString(IngestJobConfiguration.SPEC_PARAM, plan.specFile().toString())
                .addString("fingerprint", SurveyRunLauncher.fingerprint(plan))
                .addLong("attempt", 1L)
                .toJobParameters();
        JobInstance instance = repository.createJobInstance(IngestJobConfiguration.JOB, params);
        JobExecution killed = repository.createJobExecution(instance, params, new ExecutionContext());
        killed.setStatus(BatchStatus.STARTED);
        killed.setStartTime(LocalDateTime.now().minusMinutes(5));
        repository.update(killed);

        RunOutcome outcome = launcher.launch(spec);
        assertEquals(BatchStatus.COMPLETED, outcome.status(), String.valueOf(outcome.reason()));
        assertTrue(outcome.resumed());
        assertEquals(instance.getInstanceId(), outcome.runId(), "the killed run is resumed, not replaced");
        assertEquals(BatchStatus.FAILED, repository.getJobExecution(killed.getId()).getStatus(), "the killed execution is marked failed");
        assertEquals(rows, Duck.count("select count(*) from " + Duck.parquet(TestCycle.release(out).resolve("observations/**/*.parquet"))));
    }
}
