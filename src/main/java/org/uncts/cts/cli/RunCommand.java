package org.uncts.cts.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.uncts.cts.ingest.ReturnFormatException;
import org.uncts.cts.reference.ReferenceDataException;
import org.uncts.cts.run.CtsApplication;
import org.uncts.cts.run.RunLock;
import org.uncts.cts.run.RunOutcome;
import org.uncts.cts.run.SurveyRunLauncher;
import org.uncts.cts.spec.JobSpecException;
import org.uncts.cts.spec.JobSpecLoader;
import org.uncts.cts.spec.SurveyRunPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a survey run: ingests, validates and publishes the returns named in a job spec.",
            "Run it again after a failure to resume where it stopped; after a success it runs afresh."})
public class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB_SPEC", defaultValue = "jobs/sample-cycle.yml",
            description = "The job spec (default: ${DEFAULT-VALUE}).")
    Path spec;

    @Option(names = "--if-changed", description = {"Do nothing (exit 0) when the spec, its rules, inputs and reference files",
        "are byte for byte (SHA-256) those of the last completed run of this spec."})
    boolean ifChanged;

    @Override
    public Integer call() throws Exception {
        SurveyRunPlan plan;
        try {
            plan = JobSpecLoader.load(spec);
            PreFlight.check(plan);
        } catch (JobSpecException | ReturnFormatException | ReferenceDataException e) {
            System.err.println("cts run: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        System.err.printf("Survey run %s (%s, reference years %s): %d input file(s)%n", plan.name(), plan.cycle(),
                plan.years(), plan.inputs().size());
        long start = System.nanoTime();
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CtsApplication.class).run()) {
            SurveyRunLauncher launcher = ctx.getBean(SurveyRunLauncher.class);
            if (ifChanged) {
                Long same = launcher.unchangedSince(spec);
                if (same != null) {
                    System.out.printf("inputs unchanged since run %d, nothing to do%n", same);
                    return ExitCodes.OK;
                }
            }
            RunOutcome outcome;
            try {
                outcome = launcher.launch(spec);
            } catch (RunLock.AlreadyRunningException e) {
                System.err.println("cts run: " + e.getMessage());
                return ExitCodes.ALREADY_RUNNING;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!outcome.completed()) {
                System.err.printf("cts run: run %d FAILED: %s%n  Fix the cause and run the same command again: "
                        + "the run resumes where it stopped. Details: var/cts.log%n", outcome.runId(), outcome.reason());
                return ExitCodes.FAILED;
            }
            RunSummary.print(System.out, outcome, seconds);
            return ExitCodes.OK;
        }
    }
}
