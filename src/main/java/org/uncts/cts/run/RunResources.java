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

    public Loaded forSpec(String specPath) {
        Path spec = Path.of(specPath);
        String key;
        try {
            key = specPath + "@" + Files.getLastModifiedTime(spec).toMillis() + "/" + Files.size(spec);
        } catch (IOException e) {
            key = specPath;
        }
        return cache.computeIfAbsent(key, k -> {
            SurveyRunPlan plan = JobSpecLoader.load(spec);
            return new Loaded(plan, loadReference(plan));
        });
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
     * findings give it. Layouts are recognised from the header.
     */
    public static String encodeInputs(List<SurveyRunPlan.InputReturn> inputs) {
        StringBuilder sb = new StringBuilder();
        for (SurveyRunPlan.InputReturn in : inputs) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(in.path().toAbsolutePath().normalize()).append('\t').append(in.displayName());
        }
        return sb.toString();
    }

    public static List<SurveyRunPlan.InputReturn> decodeInputs(String inputs) {
        List<SurveyRunPlan.InputReturn> out = new ArrayList<>();
        for (String line : inputs.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            Path path = Path.of(tab < 0 ? line : line.substring(0, tab));
            out.add(new SurveyRunPlan.InputReturn(path, tab < 0 ? path.toString() : line.substring(tab + 1), null));
        }
        return out;
    }

    public static ReferenceData loadReference(SurveyRunPlan plan) {
        return ReferenceData.load(plan.countryFiles(), plan.populationFiles(), plan.crimeCodesFile(), plan.indicatorsFile());
    }
}
