package org.uncts.cts.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.uncts.cts.spec.JobSpecLoader;
import org.uncts.cts.spec.SurveyRunPlan;

/**
 * Starts a survey run, or resumes it. A run is identified by its spec file, a fingerprint of the
 * spec and its inputs, and an attempt number: launching the same spec on the same inputs after a
 * failure restarts the failed run where it stopped; after a success it starts a new attempt.
 * A run left "running" by a killed process is first marked failed (Batch's recover), then resumed.
 */
public class SurveyRunLauncher {

    /** A non-identifying job parameter: "validate" for a validate run, absent for a survey run. */
    public static final String MODE_PARAM = "mode";
    public static final String VALIDATE = "validate";
    /** The longest job parameter value the job repository stores (BATCH_JOB_EXECUTION_PARAMS.PARAMETER_VALUE). */
    public static final int MAX_PARAMETER_LENGTH = 2500;

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;

    public SurveyRunLauncher(JobOperator operator, JobRepository repository, Job job) {
        this.operator = operator;
        this.repository = repository;
        this.job = job;
    }

    public RunOutcome launch(Path specFile) throws Exception {
        return launch(JobSpecLoader.load(specFile), null, null);
    }

    /**
     * A validate run ({@code cts validate}): the spec's job on other files, published into another
     * folder. The same job and resume semantics as {@link #launch(Path)}, keyed by the spec, these
     * files (names, sizes, modification times), the rules in force and the output folder: after a
     * failure the same command resumes the failed run; after a success it starts a new one.
     * Validate runs are never mixed with the spec's own runs.
     *
     * @param inputs the files, with the names findings give them
     * @param output the validation output folder; the caller checks it is not the spec's output folder
     * @return the outcome, whose plan is the spec's plan on these inputs and output
     */
    public RunOutcome launchValidation(Path specFile, List<SurveyRunPlan.InputReturn> inputs, Path output) throws Exception {
        SurveyRunPlan plan = JobSpecLoader.load(specFile).withInputs(inputs, output);
        String encoded = RunResources.encodeInputs(plan.inputs());
        if (encoded.length() > MAX_PARAMETER_LENGTH) {
            throw new IllegalArgumentException(tooManyFiles(plan.inputs().size()));
        }
        return launch(plan, encoded, plan.outputDir().toString());
    }

    /** Why a validate of these files cannot be recorded in the job repository (their names are too long together). */
    public static String tooManyFiles(int files) {
        return files + " files are too many for one validate (their paths together exceed " + MAX_PARAMETER_LENGTH
                + " characters): check them in several validates, each with its own --out.";
    }

    private RunOutcome launch(SurveyRunPlan plan, String inputs, String output) throws Exception {
        String spec = plan.specFile().toString();
        String fingerprint = fingerprint(plan);

        JobExecution previous = latestFor(spec, fingerprint, inputs, output);
        JobExecution execution;
        boolean resumed = false;
        if (previous != null && previous.getStatus().isRunning()) {
            // left running by a process that was killed: mark it failed so it can be restarted
            previous = operator.recover(previous);
        }
        if (previous != null && (previous.getStatus() == BatchStatus.FAILED || previous.getStatus() == BatchStatus.STOPPED)) {
            execution = operator.start(job, previous.getJobParameters());
            resumed = true;
        } else {
            long attempt = previous == null ? 1 : previous.getJobParameters().getLong("attempt") + 1;
            JobParametersBuilder params = new JobParametersBuilder()
                    .addString(IngestJobConfiguration.SPEC_PARAM, spec)
                    .addString("fingerprint", fingerprint)
                    .addLong("attempt", attempt)
                    .addString("job", plan.name(), false)
                    .addString("cycle", plan.cycle(), false);
            if (output != null) {
                params.addString(IngestJobConfiguration.INPUTS_PARAM, inputs)
                        .addString(IngestJobConfiguration.OUTPUT_PARAM, output)
                        .addString(MODE_PARAM, VALIDATE, false);
            }
            execution = operator.start(job, params.toJobParameters());
        }
        return new RunOutcome(plan, execution.getJobInstance().getInstanceId(), execution.getId(), execution.getStatus(),
                resumed, execution.getStatus() == BatchStatus.COMPLETED ? null : reason(execution));
    }

    /** The most recent execution of this spec on these inputs (and, for a validate run, this output), or null. */
    private JobExecution latestFor(String spec, String fingerprint, String inputs, String output) {
        List<JobInstance> instances = repository.getJobInstances(IngestJobConfiguration.JOB, 0, 200);
        for (JobInstance instance : instances) { // newest first
            JobExecution last = repository.getLastJobExecution(instance);
            if (last == null) {
                continue;
            }
            JobParameters p = last.getJobParameters();
            if (spec.equals(p.getString(IngestJobConfiguration.SPEC_PARAM)) && fingerprint.equals(p.getString("fingerprint"))
                    && Objects.equals(inputs, p.getString(IngestJobConfiguration.INPUTS_PARAM))
                    && Objects.equals(output, p.getString(IngestJobConfiguration.OUTPUT_PARAM))) {
                return last;
            }
        }
        return null;
    }

    /**
     * The first line of the most telling failure: ours (a bad file, a bad spec) rather than the
     * framework's wrapper around it.
     */
    static String reason(JobExecution execution) {
        Throwable best = null;
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (!c.getClass().getName().startsWith("org.springframework.")) {
                    best = c;
                    break;
                }
            }
            if (best == null) {
                best = t;
            }
            if (!best.getClass().getName().startsWith("org.springframework.")) {
                break;
            }
        }
        if (best == null) {
            return "the run ended with status " + execution.getStatus();
        }
        String msg = best.getMessage() == null ? best.getClass().getSimpleName() : best.getMessage();
        int nl = msg.indexOf('\n');
        return nl > 0 ? msg.substring(0, nl) : msg;
    }

    /**
     * Spec content, the validation rules in force, and each input's name, size and modification
     * time: cheap, and changes when inputs or rules change.
     */
    static String fingerprint(SurveyRunPlan plan) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(plan.specSha256().getBytes());
            // a changed rules file (validation.rules) changes the rules without changing the spec
            md.update(plan.rules().fingerprint().getBytes());
            if (plan.previousVintage() != null) {
                md.update(("previous|" + plan.previousVintage() + "\n").getBytes());
            }
            for (SurveyRunPlan.InputReturn in : plan.inputs()) {
                md.update((in.path() + "|" + Files.size(in.path()) + "|" + Files.getLastModifiedTime(in.path()).toMillis() + "\n").getBytes());
            }
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
