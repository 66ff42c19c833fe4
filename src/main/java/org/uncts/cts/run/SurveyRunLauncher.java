package org.uncts.cts.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
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
 * <p>
 * The launching process holds the spec's {@link RunLock} for the whole run: a second launch of the
 * same spec (here or in another process) is refused with {@link RunLock.AlreadyRunningException},
 * and an execution found "running" while we hold the lock is certainly left by a dead process.
 * Each new run records the SHA-256 of its spec, inputs and reference files in the non-identifying
 * job parameter {@value #CONTENT_PARAM} (see {@link #unchangedSince}).
 */
public class SurveyRunLauncher {

    /** A non-identifying job parameter: "validate" for a validate run, absent for a survey run. */
    public static final String MODE_PARAM = "mode";
    public static final String VALIDATE = "validate";
    /** The longest job parameter value the job repository stores (BATCH_JOB_EXECUTION_PARAMS.PARAMETER_VALUE). */
    public static final int MAX_PARAMETER_LENGTH = 2500;
    /** A non-identifying job parameter: SHA-256 over the spec, the rules, the inputs and the reference files. */
    public static final String CONTENT_PARAM = "content_sha256";

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunLocks locks;

    public SurveyRunLauncher(JobOperator operator, JobRepository repository, Job job, RunLocks locks) {
        this.operator = operator;
        this.repository = repository;
        this.job = job;
        this.locks = locks;
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
        String key = RunLocks.key(spec, output);
        locks.acquire(key, output == null ? "job spec " + spec : "a validate into " + output);
        try {
            return launchLocked(plan, spec, inputs, output);
        } finally {
            locks.release(key);
        }
    }

    private RunOutcome launchLocked(SurveyRunPlan plan, String spec, String inputs, String output) throws Exception {
        String fingerprint = fingerprint(plan);

        JobExecution previous = latestFor(spec, fingerprint, inputs, output);
        JobExecution execution;
        boolean resumed = false;
        if (previous != null && previous.getStatus().isRunning()) {
            // we hold the spec's lock, so no live process runs it: it was left running by a process
            // that was killed. Mark it failed so it can be restarted
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
                    .addString("cycle", plan.cycle(), false)
                    .addString(CONTENT_PARAM, contentSha256(plan), false);
            if (output != null) {
                params.addString(IngestJobConfiguration.INPUTS_PARAM, inputs)
                        .addString(IngestJobConfiguration.OUTPUT_PARAM, output)
                        .addString(MODE_PARAM, VALIDATE, false);
            }
            execution = operator.start(job, params.toJobParameters());
        }
        return outcome(plan, execution, resumed);
    }

    private static RunOutcome outcome(SurveyRunPlan plan, JobExecution execution, boolean resumed) {
        return new RunOutcome(plan, execution.getJobInstance().getInstanceId(), execution.getId(), execution.getStatus(),
                resumed, execution.getStatus() == BatchStatus.COMPLETED ? null : reason(execution));
    }

    /** Why a run cannot be restarted, stopped or recovered as asked; {@code exitCode} for the CLI. */
    public static final class RunStateException extends RuntimeException {
        private final boolean running;

        public RunStateException(String message, boolean running) {
            super(message);
            this.running = running;
        }

        /** True when refused because the run is alive (as opposed to finished or unknown). */
        public boolean running() {
            return running;
        }
    }

    /**
     * Restarts a FAILED or STOPPED run by its id ({@code cts restart}): the same job instance, from
     * where it stopped, under the lock of its spec. Refuses a COMPLETED, ABANDONED, running or
     * crashed (left STARTED, its process gone: recover it first) run.
     *
     * @return the outcome, or throws {@link RunStateException}, {@link RunLock.AlreadyRunningException}
     */
    public RunOutcome restart(long runId) throws Exception {
        JobExecution last = lastExecution(runId);
        String key = RunLocks.key(last.getJobParameters());
        locks.acquire(key, "run " + runId);
        try {
            last = lastExecution(runId); // re-read under the lock
            BatchStatus status = last.getStatus();
            if (status.isRunning()) {
                throw new RunStateException("Run " + runId + " is " + status + " but no process runs it (killed?): "
                        + "mark it failed with ./cts recover " + runId + ", then ./cts restart " + runId + ".", false);
            }
            if (status == BatchStatus.COMPLETED) {
                throw new RunStateException("Run " + runId + " COMPLETED: there is nothing to restart. To run the spec again, "
                        + "./cts run " + last.getJobParameters().getString(IngestJobConfiguration.SPEC_PARAM) + " starts a new run.", false);
            }
            if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
                throw new RunStateException("Run " + runId + " is " + status + " and cannot be restarted; "
                        + "./cts run SPEC starts a new run.", false);
            }
            JobParameters p = last.getJobParameters();
            SurveyRunPlan plan = new RunResources().forRun(p.getString(IngestJobConfiguration.SPEC_PARAM),
                    p.getString(IngestJobConfiguration.INPUTS_PARAM), p.getString(IngestJobConfiguration.OUTPUT_PARAM)).plan();
            JobExecution execution = operator.restart(last);
            return outcome(plan, execution, true);
        } finally {
            locks.release(key);
        }
    }

    /** The newest execution of a run (job instance) id; {@link RunStateException} when there is no such run. */
    public JobExecution lastExecution(long runId) {
        JobInstance instance = repository.getJobInstance(runId);
        JobExecution last = instance == null ? null : repository.getLastJobExecution(instance);
        if (last == null || !IngestJobConfiguration.JOB.equals(instance.getJobName())) {
            throw new NoSuchRunException(runId);
        }
        return last;
    }

    /** No run has this id. */
    public static final class NoSuchRunException extends RuntimeException {
        public NoSuchRunException(long runId) {
            super("There is no run " + runId + " in the job repository; ./cts runs lists the runs.");
        }
    }

    /**
     * The id of the last COMPLETED run of this spec (not a validate run) if the SHA-256 of its spec,
     * rules, inputs and reference files equals theirs now ({@code cts run --if-changed}); else null,
     * also when the last completed run predates the checksum or there is none.
     */
    public Long unchangedSince(Path specFile) throws IOException {
        SurveyRunPlan plan = JobSpecLoader.load(specFile);
        String spec = plan.specFile().toString();
        for (JobInstance instance : repository.getJobInstances(IngestJobConfiguration.JOB, 0, 500)) { // newest first
            for (JobExecution e : repository.getJobExecutions(instance)) {
                JobParameters p = e.getJobParameters();
                if (e.getStatus() == BatchStatus.COMPLETED && spec.equals(p.getString(IngestJobConfiguration.SPEC_PARAM))
                        && p.getString(IngestJobConfiguration.OUTPUT_PARAM) == null) {
                    return contentSha256(plan).equals(p.getString(CONTENT_PARAM)) ? instance.getInstanceId() : null;
                }
            }
        }
        return null;
    }

    /**
     * SHA-256 over the bytes of the spec, the rules in force, every input file and every reference
     * file (countries, population, crime codes, indicators) and the previous vintage's path: unlike
     * {@link #fingerprint}, touching a file without changing it changes nothing.
     */
    public static String contentSha256(SurveyRunPlan plan) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("spec|" + plan.specSha256() + "\nrules|" + plan.rules().fingerprint() + "\nprevious|"
                    + plan.previousVintage() + "\n").getBytes(StandardCharsets.UTF_8));
            List<Path> files = new ArrayList<>();
            plan.inputs().forEach(in -> files.add(in.path()));
            files.addAll(plan.countryFiles());
            files.addAll(plan.populationFiles());
            files.add(plan.crimeCodesFile());
            files.add(plan.indicatorsFile());
            byte[] buf = new byte[1 << 16];
            for (Path f : files) {
                if (f == null || !Files.isRegularFile(f)) {
                    md.update(("none|" + f + "\n").getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                MessageDigest one = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(f)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        one.update(buf, 0, n);
                    }
                }
                md.update((f.getFileName() + "|" + HexFormat.of().formatHex(one.digest()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
