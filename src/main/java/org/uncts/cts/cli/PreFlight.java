package org.uncts.cts.cli;

import org.uncts.cts.files.InputFile;
import org.uncts.cts.ingest.ReturnReader;
import org.uncts.cts.ingest.ReturnReaders;
import org.uncts.cts.publication.TableDefinitions;
import org.uncts.cts.publication.TableException;
import org.uncts.cts.publication.chart.ChartDefinitionException;
import org.uncts.cts.publication.chart.ChartDefinitions;
import org.uncts.cts.run.RunResources;
import org.uncts.cts.spec.JobSpecException;
import org.uncts.cts.spec.SurveyRunPlan;

/**
 * Checks what can be checked before anything runs: reference files load, every input has a known
 * header, and the publication tables and charts are well defined (so a broken definition stops
 * the run at once, not at its last step).
 */
final class PreFlight {

    private PreFlight() {
    }

    static void check(SurveyRunPlan plan) {
        RunResources.loadReference(plan);
        try {
            TableDefinitions.load(plan.tableFolders());
            ChartDefinitions.load(plan.chartFolders());
        } catch (TableException | ChartDefinitionException e) {
            throw new JobSpecException(plan.specFile() + ": " + e.getMessage(), e);
        }
        for (SurveyRunPlan.InputReturn in : plan.inputs()) {
            try (ReturnReader reader = ReturnReaders.open(InputFile.inspect(in.path()), in.displayName(), in.layout(), in.options())) {
                reader.format();
            }
        }
    }
}
