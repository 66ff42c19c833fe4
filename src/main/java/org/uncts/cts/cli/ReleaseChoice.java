package org.uncts.cts.cli;

import java.nio.file.Path;
import org.uncts.cts.publish.Releases;
import org.uncts.cts.spec.JobSpecException;
import org.uncts.cts.spec.JobSpecLoader;
import org.uncts.cts.spec.SurveyRunPlan;
import picocli.CommandLine.Option;

/**
 * Which release a command reads (tables, charts, exports): the current release of a job spec's
 * output, or the folder given with --release. A picocli mixin, so every such command has the same
 * two options with the same meaning.
 */
public class ReleaseChoice {

    @Option(names = "--spec", defaultValue = "jobs/sample-cycle.yml",
            description = "The job spec: its output's current release is read, and its publication folders add definitions"
                    + " (default: ${DEFAULT-VALUE}).")
    Path spec;

    @Option(names = "--release", paramLabel = "DIR",
            description = "A release folder (out/<job>/releases/run-000042), or an output folder (its current release),"
                    + " instead of the spec's.")
    Path release;

    /** The job spec, resolved. */
    SurveyRunPlan plan() throws JobSpecException {
        return JobSpecLoader.load(spec);
    }

    /** The release folder to read: --release (or its current release), else the plan's current release. */
    Path folder(SurveyRunPlan plan) {
        return Releases.current(release != null ? release : plan.outputDir());
    }

    /** The release folder, reading the spec only when no --release is given. */
    Path folder() throws JobSpecException {
        return release != null ? Releases.current(release) : folder(plan());
    }
}
