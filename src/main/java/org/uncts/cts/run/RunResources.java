package org.uncts.cts.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.uncts.cts.reference.ReferenceData;
import org.uncts.cts.spec.JobSpecLoader;
import org.uncts.cts.spec.SurveyRunPlan;

/**
 * The plan and reference data of a job spec, loaded once per JVM and shared by every partition:
 * reference files are read once per run, not once per input file.
 */
public class RunResources {

    public record Loaded(SurveyRunPlan plan, ReferenceData reference) {
    }

    private final ConcurrentHashMap<String, Loaded> cache = new ConcurrentHashMap<>();

    /**
     * The spec's plan and reference data. The plan is resolved afresh on every call (cheap: the
     * YAML and a listing of the input folders) and the pair is cached by what it depends on: the
     * spec, its input files (names, sizes, times) and its reference files. A long-lived process
     * (./cts schedule) thus sees returns that arrived since the last run, and new reference files,
     * while the partitions of one run share one loaded reference set.
     */
    public Loaded forSpec(String specPath) {
        Path spec = Path.of(specPath);
        SurveyRunPlan plan = JobSpecLoader.load(spec);
        String key;
        try {
            key = specPath + "@" + SurveyRunLauncher.fingerprint(plan) + "/" + referenceSignature(plan);
        } catch (IOException e) {
            key = specPath + "@" + System.nanoTime(); // unreadable file: no caching, the run will say which
        }
        return cache.computeIfAbsent(key, k -> new Loaded(plan, loadReference(plan)));
    }

    private static String referenceSignature(SurveyRunPlan plan) throws IOException {
        List<Path> files = new ArrayList<>(plan.countryFiles());
        files.addAll(plan.populationFiles());
        if (plan.crimeCodesFile() != null) {
            files.add(plan.crimeCodesFile());
        }
        if (plan.indicatorsFile() != null) {
            files.add(plan.indicatorsFile());
        }
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            sb.append(f).append('|').append(Files.size(f)).append('|').append(Files.getLastModifiedTime(f).toMillis()).append(';');
        }
        return sb.toString();
    }

    /**
     * The plan of a run as its job parameters say: the spec's own when {@code inputs} and
     * {@code output} are absent (a survey run), else the spec's plan on those inputs, writing to
     * that output folder (a validate run; see {@link #encodeInputs}). The reference data is the spec's.
     */
    public Loaded forRun(String specPath, String inputs, String output) {
        Loaded spec = forSpec(specPath);
        if (inputs == null && output == null) {
            return spec;
        }
        if (inputs == null || output == null) {
            throw new IllegalArgumentException("A validate run needs both job parameters 'inputs' and 'output'.");
        }
        return new Loaded(spec.plan().withInputs(decodeInputs(inputs), Path.of(output)), spec.reference());
    }

    /**
     * The {@code inputs} job parameter: one line per file, its absolute path, a tab, then the name
     * findings give it, and for an Excel return a tab and its questionnaire template. Layouts are
     * recognised from the header.
     */
    public static String encodeInputs(List<SurveyRunPlan.InputReturn> inputs) {
        StringBuilder sb = new StringBuilder();
        for (SurveyRunPlan.InputReturn in : inputs) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(in.path().toAbsolutePath().normalize()).append('\t').append(in.displayName());
            if (in.options().template() != null) {
                // an Excel return's questionnaire template travels with it (a third field)
                sb.append('\t').append(in.options().template().toAbsolutePath().normalize());
            }
        }
        return sb.toString();
    }

    public static List<SurveyRunPlan.InputReturn> decodeInputs(String inputs) {
        List<SurveyRunPlan.InputReturn> out = new ArrayList<>();
        for (String line : inputs.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", 3);
            Path path = Path.of(f[0]);
            org.uncts.cts.ingest.ReadOptions options = f.length < 3 ? org.uncts.cts.ingest.ReadOptions.NONE
                    : new org.uncts.cts.ingest.ReadOptions(Path.of(f[2]), null, null, null);
            out.add(new SurveyRunPlan.InputReturn(path, f.length < 2 ? path.toString() : f[1], null, options));
        }
        return out;
    }

    public static ReferenceData loadReference(SurveyRunPlan plan) {
        return ReferenceData.load(plan.countryFiles(), plan.populationFiles(), plan.crimeCodesFile(), plan.indicatorsFile());
    }
}
