package org.uncts.cts.cli;

import org.uncts.cts.files.InputFile;
import org.uncts.cts.ingest.ReturnFileReader;
import org.uncts.cts.run.RunResources;
import org.uncts.cts.spec.SurveyRunPlan;

/** Checks what can be checked before anything runs: reference files load, every input has a known header. */
final class PreFlight {

    private PreFlight() {
    }

    static void check(SurveyRunPlan plan) {
        RunResources.loadReference(plan);
        for (SurveyRunPlan.InputReturn in : plan.inputs()) {
            try (ReturnFileReader reader = new ReturnFileReader(InputFile.inspect(in.path()), in.displayName(), in.layout())) {
                reader.layout();
            }
        }
    }
}
