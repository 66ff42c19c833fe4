package org.uncts.cts.cli;

import picocli.CommandLine;

/** Entry point of the cts command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new CtsCommand());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("cts: " + Errors.oneLine(ex));
            return ExitCodes.FAILED;
        });
        return cli.execute(args);
    }
}
