package org.uncts.cts.cli;

import java.util.concurrent.Callable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.uncts.cts.run.CtsApplication;
import org.uncts.cts.run.RunLock;
import org.uncts.cts.run.RunOutcome;
import org.uncts.cts.run.SurveyRunLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Restarts a FAILED or STOPPED run by its id, where it stopped.",
            "A COMPLETED run is not restarted (./cts run starts a new one); a running one is refused (./cts stop first);",
            "one left STARTED by a killed process needs ./cts recover first."})
public class RestartCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "The run id, as ./cts runs lists it.")
    long runId;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CtsApplication.class).run()) {
            RunOutcome outcome;
            try {
                System.err.printf("Restarting run %d%n", runId);
                outcome = ctx.getBean(SurveyRunLauncher.class).restart(runId);
            } catch (SurveyRunLauncher.NoSuchRunException | SurveyRunLauncher.RunStateException e) {
                System.err.println("cts restart: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            } catch (RunLock.AlreadyRunningException e) {
                System.err.println("cts restart: " + e.getMessage());
                return ExitCodes.ALREADY_RUNNING;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!outcome.completed()) {
                System.err.printf("cts restart: run %d %s: %s%n  Fix the cause and run ./cts restart %d again. Details: var/cts.log%n",
                        outcome.runId(), outcome.status(), outcome.reason(), outcome.runId());
                return ExitCodes.FAILED;
            }
            RunSummary.print(System.out, outcome, seconds);
            return ExitCodes.OK;
        }
    }
}
