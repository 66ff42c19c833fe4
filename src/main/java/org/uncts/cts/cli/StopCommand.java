package org.uncts.cts.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
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

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Asks a running run (in another process) to stop gracefully, through the job repository.",
            "It stops at its next chunk commit while reading files, or at the end of the step it is in;",
            "its status becomes STOPPED and ./cts restart RUN resumes it."})
public class StopCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "The run id, as ./cts runs lists it.")
    long runId;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CtsApplication.class).run()) {
            JobExecution last;
            try {
                last = ctx.getBean(SurveyRunLauncher.class).lastExecution(runId);
            } catch (SurveyRunLauncher.NoSuchRunException e) {
                System.err.println("cts stop: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (!last.getStatus().isRunning()) {
                System.err.printf("cts stop: run %d is not running (%s).%s%n", runId, last.getStatus(),
                        last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED
                                ? " ./cts restart " + runId + " resumes it." : "");
                return ExitCodes.BAD_INPUT;
            }
            Optional<RunLock.Holder> holder = ctx.getBean(RunLocks.class).holder(last.getJobParameters());
            if (holder.isEmpty() || (holder.get().runId() != null && holder.get().runId() != runId)) {
                System.err.printf("cts stop: run %d is %s in the job repository but no process runs it (killed?): "
                        + "./cts recover %d marks it failed, then ./cts restart %d resumes it.%n", runId, last.getStatus(), runId, runId);
                return ExitCodes.BAD_INPUT;
            }
            if (last.getStatus() == BatchStatus.STOPPING) {
                System.out.printf("Run %d was already asked to stop; %s will stop it at its next chunk or step boundary.%n",
                        runId, "PID " + holder.get().pid());
                return ExitCodes.OK;
            }
            ctx.getBean(JobOperator.class).stop(last);
            System.out.printf("Asked run %d (PID %d) to stop. It stops at its next chunk commit while reading files, or when "
                    + "the step it is in ends; ./cts show %d shows when it is STOPPED, ./cts restart %d resumes it.%n",
                    runId, holder.get().pid(), runId, runId);
            return ExitCodes.OK;
        }
    }
}
