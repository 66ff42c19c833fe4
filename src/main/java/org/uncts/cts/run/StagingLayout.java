package org.uncts.cts.run;

import java.nio.file.Path;
import java.util.List;

/** Where one run stages its Parquet parts before publishing: out/<job>/_staging/run-<id>/. */
public record StagingLayout(Path root) {

    public static StagingLayout of(Path outputDir, long runId) {
        return new StagingLayout(outputDir.resolve("_staging").resolve("run-" + runId));
    }

    public Path observations() {
        return root.resolve("observations");
    }

    public Path rejected() {
        return root.resolve("rejected_rows");
    }

    public Path issues() {
        return root.resolve("validation_issues");
    }

    public List<Path> partDirs() {
        return List.of(observations(), rejected(), issues());
    }
}
