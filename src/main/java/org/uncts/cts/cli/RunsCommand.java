package org.uncts.cts.cli;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.uncts.cts.run.CtsApplication;
import org.uncts.cts.run.IngestJobConfiguration;
import org.uncts.cts.run.PublishTasklet;
import org.uncts.cts.run.SurveyRunLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "runs", mixinStandardHelpOptions = true, description = {"Lists past survey runs from the job repository, newest first.",
            "Duration is that of the last attempt; findings (ERROR/WARNING/INFO) are those of completed runs."})
public class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--limit", defaultValue = "20", description = "How many runs to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CtsApplication.class).run()) {
            JobRepository repo = ctx.getBean(JobRepository.class);
            List<JobInstance> instances = repo.getJobInstances(IngestJobConfiguration.JOB, 0, limit);
            if (instances.isEmpty()) {
                System.out.println("No runs yet. Start one with ./cts run");
                return ExitCodes.OK;
            }
            RunFindings findings = new RunFindings();
            System.out.printf("%-5s %-20s %-14s %-10s %-19s %-19s %9s %12s %12s %12s %s%n",
                    "id", "job", "cycle", "status", "start", "end", "duration", "read", "accepted", "rejected", "findings E/W/I");
            for (JobInstance instance : instances) {
                JobExecution last = repo.getLastJobExecution(instance);
                if (last == null) {
                    continue;
                }
                ExecutionContext jc = last.getExecutionContext();
                long read = jc.containsKey(PublishTasklet.ROWS_READ) ? jc.getLong(PublishTasklet.ROWS_READ) : rowsReadSoFar(last);
                RunFindings.Counts f = last.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED
                        ? findings.of(instance.getInstanceId(), last.getJobParameters()) : null;
                System.out.printf(Locale.ROOT, "%-5d %-20s %-14s %-10s %-19s %-19s %9s %,12d %12s %12s %s%n",
                        instance.getInstanceId(), abbreviate(jobName(last), 20),
                        abbreviate(last.getJobParameters().getString("cycle", ""), 14), last.getStatus(),
                        last.getStartTime() == null ? "" : TIME.format(last.getStartTime()),
                        last.getEndTime() == null ? "" : TIME.format(last.getEndTime()),
                        ShowCommand.duration(last.getStartTime(), last.getEndTime()), read,
                        count(jc, PublishTasklet.ROWS_ACCEPTED), count(jc, PublishTasklet.ROWS_REJECTED),
                        f == null ? "-" : f.brief());
            }
            return ExitCodes.OK;
        }
    }

    /** The job's name; "validate:<name>" for a validate run, which publishes into its own folder. */
    static String jobName(JobExecution execution) {
        String name = execution.getJobParameters().getString("job", "");
        return SurveyRunLauncher.VALIDATE.equals(execution.getJobParameters().getString(SurveyRunLauncher.MODE_PARAM))
                ? "validate:" + name : name;
    }

    /** For a run that did not finish: the rows its file readers had committed. */
    private static long rowsReadSoFar(JobExecution execution) {
        long total = 0;
        for (StepExecution s : execution.getStepExecutions()) {
            if (s.getStepName().startsWith(IngestJobConfiguration.WORKER_STEP + ":")) {
                total += org.uncts.cts.run.ReturnItemReader.readCount(s.getExecutionContext());
            }
        }
        return total;
    }

    private static String count(ExecutionContext ctx, String key) {
        return ctx.containsKey(key) ? String.format(Locale.ROOT, "%,d", ctx.getLong(key)) : "-";
    }

    static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
