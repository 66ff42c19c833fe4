package org.uncts.cts.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.uncts.cts.testing.PostgresServer;
import org.uncts.cts.testing.TestCycle;

/**
 * The job repository on PostgreSQL (profile "postgres"): the sample cycle runs with its Batch
 * tables created on a fresh database, and a second process (context) sees the run and starts
 * on the existing tables. Uses the server at CTS_TEST_DB_URL (CTS_TEST_DB_USER, CTS_TEST_DB_PASSWORD)
 * when set, otherwise starts a throw-away server from the postgresql package's binaries;
 * skips, saying why, when neither is possible.
 */
class PostgresJobRepositoryTest {

    static PostgresServer server;
    static String url;
    static String user;
    static String password;
    static String whyNot;

    @TempDir
    static Path dir;

    @BeforeAll
    static void postgres() {
        url = System.getenv("CTS_TEST_DB_URL");
        user = System.getenv().getOrDefault("CTS_TEST_DB_USER", "cts");
        password = System.getenv().getOrDefault("CTS_TEST_DB_PASSWORD", "");
        if (url == null) {
            PostgresServer.Result started = PostgresServer.start();
            server = started.server();
            whyNot = started.whyNot();
            url = server == null ? null : server.url();
            user = "cts";
            password = "";
        }
    }

    /** Here rather than in @BeforeAll, so that the skip and its reason show in the test report. */
    @BeforeEach
    void needsAServer() {
        Assumptions.assumeTrue(url != null, () -> "PostgreSQL test skipped: " + whyNot);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A context as `SPRING_PROFILES_ACTIVE=postgres CTS_DB_URL=... ./cts run` makes it (command-line properties win over the environment). */
    static ConfigurableApplicationContext context() {
        return new SpringApplicationBuilder(CtsApplication.class).profiles("postgres")
                .run("--CTS_DB_URL=" + url, "--CTS_DB_USER=" + user, "--CTS_DB_PASSWORD=" + password);
    }

    @Test
    void theSampleCycleRunsWithItsJobRepositoryOnPostgres() throws Exception {
        Path sample = Path.of("sample-data").toAbsolutePath();
        Path specFile = TestCycle.sampleSpec(dir);

        RunOutcome run;
        try (ConfigurableApplicationContext ctx = context()) {
            assertTrue(ctx.getEnvironment().getProperty("spring.datasource.url").startsWith("jdbc:postgresql:"));
            run = ctx.getBean(SurveyRunLauncher.class).launch(specFile);
            assertEquals(BatchStatus.COMPLETED, run.status(), String.valueOf(run.reason()));
        }
        try (Connection c = DriverManager.getConnection(url, user, password);
             ResultSet rs = c.createStatement().executeQuery(
                     "select i.job_instance_id, e.status from batch_job_instance i"
                             + " join batch_job_execution e on e.job_instance_id = i.job_instance_id")) {
            assertTrue(rs.next());
            assertEquals(run.runId(), rs.getLong(1));
            assertEquals("COMPLETED", rs.getString(2));
        }
        // another process: the tables exist (initialize-schema=always goes on past them), the run is there
        try (ConfigurableApplicationContext ctx = context()) {
            JobRepository repository = ctx.getBean(JobRepository.class);
            List<JobInstance> instances = repository.getJobInstances(IngestJobConfiguration.JOB, 0, 10);
            assertEquals(1, instances.size());
            assertEquals(BatchStatus.COMPLETED, repository.getLastJobExecution(instances.get(0)).getStatus());
        }
        assertTrue(Files.isDirectory(dir.resolve("out")));
    }
}
