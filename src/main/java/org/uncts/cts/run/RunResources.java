package org.uncts.cts.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    public static ReferenceData loadReference(SurveyRunPlan plan) {
        return ReferenceData.load(plan.countryFiles(), plan.populationFiles(), plan.crimeCodesFile(), plan.indicatorsFile());
    }
}
