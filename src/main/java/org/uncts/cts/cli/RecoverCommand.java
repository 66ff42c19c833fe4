package org.uncts.cts.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.uncts.cts.run.CtsApplication;
import org.uncts.cts.run.RunLock;
import org.uncts.cts.run.RunLocks;
import org.uncts.cts.run.SurveyRunLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Marks a run left STARTED by a killed process as FAILED, so that it can be restarted.",
            "Refused while the process running it is alive (it holds its spec's lock in var/locks/)."})
public class RecoverCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "The run id, as ./cts runs lists it.")
    long runId;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CtsApplication.class).run()) {
            JobExecution last;
            try {
                last = ctx.getBean(SurveyRunLauncher.class).lastExecution(runId);
            } catch (SurveyRunLauncher.NoSuchRunException e) {
                System.err.println("cts recover: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (!last.getStatus().isRunning()) {
                System.err.printf("cts recover: run %d is %s, not running: nothing to recover.%s%n", runId, last.getStatus(),
                        switch (last.getStatus()) {
                            case FAILED, STOPPED -> " ./cts restart " + runId + " resumes it.";
                            default -> "";
                        });
                return ExitCodes.BAD_INPUT;
            }
            Optional<RunLock.Holder> holder = ctx.getBean(RunLocks.class).holder(last.getJobParameters());
            if (holder.isPresent() && (holder.get().runId() == null || holder.get().runId() == runId)) {
                System.err.printf("cts recover: run %d is alive: %s. ./cts stop %d asks it to stop.%n", runId,
                        holder.get().describe(), runId);
                return ExitCodes.ALREADY_RUNNING;
            }
            JobExecution recovered = ctx.getBean(JobOperator.class).recover(last);
            System.out.printf("Run %d (execution %d) was %s with no live process; marked %s. ./cts restart %d resumes it.%n",
                    runId, last.getId(), last.getStatus(), recovered.getStatus(), runId);
            return ExitCodes.OK;
        }
    }
}
