package org.uncts.cts.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.uncts.cts.run.CtsApplication;
import org.uncts.cts.run.IngestJobConfiguration;
import org.uncts.cts.run.SurveyRunLauncher;
import org.uncts.cts.schedule.ScheduledRuns;
import org.uncts.cts.spec.JobSpecException;
import org.uncts.cts.spec.JobSpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Stays running and launches survey runs as ./cts run would, when their job specs'",
            "schedules say (key 'schedule': a cron expression such as \"0 0 2 * * *\", or @daily).",
            "A launch is skipped while the previous run of the same spec is still going.",
            "Each launch and its outcome is printed and written to var/cts.log. Stop it with",
            "Ctrl-C or SIGTERM."})
public class ScheduleCommand implements Callable<Integer> {

    /** How long a stop waits for a run still going (systemd's default TimeoutStopSec is 90 s). */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    @Option(names = "--jobs", paramLabel = "DIR", defaultValue = "jobs",
            description = "Without JOB_SPEC: schedule every DIR/*.yml that has a schedule key (default: ${DEFAULT-VALUE}).")
    Path jobs;

    @Option(names = "--list", description = "Print each spec's schedule and next run time, then exit.")
    boolean list;

    @Parameters(arity = "0..*", paramLabel = "JOB_SPEC", description = "Job specs to schedule; each must have a schedule key.")
    List<Path> specs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<ScheduledRuns.Entry> entries;
        try {
            entries = entries();
        } catch (JobSpecException e) {
            System.err.println("cts schedule: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        for (ScheduledRuns.Entry entry : entries) {
            try {
                JobSpecLoader.load(entry.spec());
            } catch (JobSpecException e) {
                System.err.println("cts schedule: warning: " + e.getMessage().replace("\n", "\n    ")
                        + "\n    (its launches fail until this is fixed)");
            }
        }
        if (list) {
            for (ScheduledRuns.Entry entry : entries) {
                System.out.printf("%s  %-20s next run %s%n", entry.spec(), "\"" + entry.cron() + "\"",
                        ScheduledRuns.TIME.format(ScheduledRuns.nextFire(entry.cron(), Clock.systemDefaultZone())));
            }
            return ExitCodes.OK;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CtsApplication.class)
                .registerShutdownHook(false).run();
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("cts-schedule-");
        scheduler.setPoolSize(1); // it only fires; runs go on threads of their own
        scheduler.initialize();
        SurveyRunLauncher launcher = ctx.getBean(SurveyRunLauncher.class);
        JobRepository repository = ctx.getBean(JobRepository.class);
        ScheduledRuns runs = new ScheduledRuns(scheduler, launcher::launch, spec -> runningRun(repository, spec),
                Clock.systemDefaultZone(), System.out::println);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("cts schedule: stopping; a run still going gets " + STOP_GRACE.toSeconds()
                    + " s to finish, then is interrupted (its next launch resumes it)");
            runs.stop(STOP_GRACE);
            scheduler.shutdown();
            ctx.close();
            System.out.println("cts schedule: stopped");
            stopped.countDown();
        }, "cts-schedule-stop"));
        System.out.printf("cts schedule: %d job spec(s); Ctrl-C or SIGTERM stops it%n", entries.size());
        entries.forEach(runs::add);
        stopped.await();
        return ExitCodes.OK;
    }

    /** The specs named, or every spec in --jobs with a schedule; each with its checked cron expression. */
    List<ScheduledRuns.Entry> entries() throws IOException {
        List<ScheduledRuns.Entry> entries = new ArrayList<>();
        if (!specs.isEmpty()) {
            for (Path spec : specs) {
                Optional<String> cron = JobSpecLoader.schedule(spec);
                if (cron.isEmpty()) {
                    throw new JobSpecException(spec + " has no schedule key: add one, e.g. schedule: \"0 0 2 * * *\""
                            + " for 02:00 every day, or run it with ./cts run " + spec);
                }
                entries.add(entry(spec, cron.get()));
            }
            return entries;
        }
        if (!Files.isDirectory(jobs)) {
            throw new JobSpecException("No folder " + jobs + ": give --jobs DIR or the job specs to schedule.");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(jobs)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path spec : files) {
            JobSpecLoader.schedule(spec).ifPresent(cron -> entries.add(entry(spec, cron)));
        }
        if (entries.isEmpty()) {
            throw new JobSpecException("No job spec in " + jobs + " has a schedule key (" + files.size()
                    + " spec(s) looked at). Add one, e.g. schedule: \"0 0 2 * * *\" for 02:00 every day.");
        }
        return entries;
    }

    private static ScheduledRuns.Entry entry(Path spec, String cron) {
        Path abs = spec.toAbsolutePath().normalize();
        String file = abs.getFileName().toString();
        return new ScheduledRuns.Entry(abs, file.replaceFirst("\\.ya?ml$", ""), cron);
    }

    /** The run number (job instance) of the spec's execution the job repository has as running, if any. */
    static OptionalLong runningRun(JobRepository repository, Path spec) {
        String name = spec.toString();
        return repository.findRunningJobExecutions(IngestJobConfiguration.JOB).stream()
                .filter(e -> name.equals(e.getJobParameters().getString(IngestJobConfiguration.SPEC_PARAM)))
                .map(JobExecution::getJobInstance)
                .mapToLong(i -> i.getInstanceId())
                .max();
    }
}
