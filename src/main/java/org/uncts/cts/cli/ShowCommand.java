package org.uncts.cts.cli;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.uncts.cts.run.CtsApplication;
import org.uncts.cts.run.PublishTasklet;
import org.uncts.cts.run.RunLock;
import org.uncts.cts.run.RunLocks;
import org.uncts.cts.run.SurveyRunLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Shows one run: spec, parameters, status, each step with its counts and duration, findings by severity.")
public class ShowCommand implements Callable<Integer> {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Parameters(index = "0", paramLabel = "RUN", description = "The run id, as ./cts runs lists it.")
    long runId;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CtsApplication.class).run()) {
            JobRepository repo = ctx.getBean(JobRepository.class);
            JobExecution last;
            try {
                last = ctx.getBean(SurveyRunLauncher.class).lastExecution(runId);
            } catch (SurveyRunLauncher.NoSuchRunException e) {
                System.err.println("cts show: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            JobInstance instance = last.getJobInstance();
            List<JobExecution> executions = new ArrayList<>(repo.getJobExecutions(instance));
            executions.sort(Comparator.comparingLong(JobExecution::getId));
            JobExecution first = executions.isEmpty() ? last : executions.get(0);
            var params = last.getJobParameters();

            System.out.printf("Run %d (%s)%n", runId, instance.getJobName());
            System.out.printf("  spec:       %s%n", params.getString("spec", "-"));
            System.out.printf("  job:        %s%n", RunsCommand.jobName(last));
            System.out.printf("  cycle:      %s%n", params.getString("cycle", "-"));
            System.out.printf("  status:     %s (exit %s)%n", last.getStatus(), last.getExitStatus().getExitCode());
            if (last.getStatus().isRunning()) {
                System.out.printf("  process:    %s%n", ctx.getBean(RunLocks.class).holder(params)
                        .map(RunLock.Holder::describe).orElse("none alive: left " + last.getStatus()
                                + " by a process that was killed; ./cts recover " + runId + " then ./cts restart " + runId));
            }
            System.out.printf("  started:    %s%n", time(first.getStartTime()));
            System.out.printf("  ended:      %s%n", time(last.getEndTime()));
            System.out.printf("  duration:   %s (last attempt)%n", duration(last.getStartTime(), last.getEndTime()));
            if (executions.size() > 1) {
                System.out.printf("  attempts:   %d%n", executions.size());
                for (JobExecution e : executions) {
                    System.out.printf("    execution %-5d %-10s %s  %s%n", e.getId(), e.getStatus(), time(e.getStartTime()),
                            duration(e.getStartTime(), e.getEndTime()));
                }
            }
            ExecutionContext jc = last.getExecutionContext();
            if (jc.containsKey(PublishTasklet.ROWS_READ)) {
                System.out.printf(Locale.ROOT, "  rows:       %,d read, %,d accepted, %,d rejected%n", jc.getLong(PublishTasklet.ROWS_READ),
                        jc.getLong(PublishTasklet.ROWS_ACCEPTED), jc.getLong(PublishTasklet.ROWS_REJECTED));
            }
            RunFindings.Counts findings = new RunFindings().of(runId, params);
            System.out.printf(Locale.ROOT, "  findings:   %s%n", findings == null ? "- (recorded when a run completes)"
                    : String.format(Locale.ROOT, "%,d ERROR, %,d WARNING, %,d INFO", findings.errors(), findings.warnings(), findings.infos()));
            System.out.println("  parameters:");
            for (JobParameter<?> p : params.parameters().stream().sorted(Comparator.comparing(JobParameter::name)).toList()) {
                String value = String.valueOf(p.value()).replace("\n", " | ");
                System.out.printf("    %-16s %s%s%n", p.name(), value.length() > 100 ? value.substring(0, 99) + "…" : value,
                        p.identifying() ? "" : "  (non-identifying)");
            }

            // the newest execution of each step, across attempts (a restart skips completed steps)
            Map<String, StepExecution> steps = new LinkedHashMap<>();
            for (JobExecution e : executions) {
                e.getStepExecutions().stream().sorted(Comparator.comparingLong(StepExecution::getId))
                        .forEach(s -> steps.put(s.getStepName(), s));
            }
            System.out.printf("%n  %-56s %-10s %10s %10s %6s %7s %7s %9s%n", "step", "status", "read", "written", "skip",
                    "filter", "commits", "duration");
            for (StepExecution s : steps.values()) {
                System.out.printf(Locale.ROOT, "  %-56s %-10s %,10d %,10d %,6d %,7d %,7d %9s%n", RunsCommand.abbreviate(s.getStepName(), 56),
                        s.getStatus(), s.getReadCount(), s.getWriteCount(), s.getSkipCount(), s.getFilterCount(),
                        s.getCommitCount(), duration(s.getStartTime(), s.getEndTime()));
            }
            return ExitCodes.OK;
        }
    }

    static String time(LocalDateTime t) {
        return t == null ? "-" : TIME.format(t);
    }

    /** h:mm:ss, or s.s for short ones; "-" when not started; up to now when still running. */
    static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "-";
        }
        Duration d = Duration.between(start, end == null ? LocalDateTime.now() : end);
        long s = d.toSeconds();
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
