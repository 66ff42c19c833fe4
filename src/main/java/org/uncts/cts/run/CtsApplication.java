package org.uncts.cts.run;

import java.io.PrintStream;
import java.nio.file.Path;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot application behind `cts run` and `cts runs`: a JDBC job repository on an
 * embedded H2 file (application.properties), the survey-run job, and its launcher. Nothing runs
 * at startup; the CLI calls the launcher.
 */
@SpringBootApplication
public class CtsApplication {

    @Bean
    ProgressReporter progressReporter() {
        PrintStream err = System.err;
        return new ProgressReporter(err, System.console() != null);
    }

    /** Run locks under {@code <cts.home>/var/locks} (cts.locks.dir to change it). */
    @Bean
    RunLocks runLocks(@Value("${cts.locks.dir:${cts.home:.}/var/locks}") String dir) {
        return new RunLocks(Path.of(dir));
    }

    @Bean
    SurveyRunLauncher surveyRunLauncher(JobOperator operator, JobRepository repository, Job surveyRun, RunLocks locks) {
        return new SurveyRunLauncher(operator, repository, surveyRun, locks);
    }
}
