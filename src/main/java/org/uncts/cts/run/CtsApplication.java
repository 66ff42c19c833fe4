package org.uncts.cts.run;

import java.io.PrintStream;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
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

    @Bean
    SurveyRunLauncher surveyRunLauncher(JobOperator operator, JobRepository repository, Job surveyRun) {
        return new SurveyRunLauncher(operator, repository, surveyRun);
    }
}
