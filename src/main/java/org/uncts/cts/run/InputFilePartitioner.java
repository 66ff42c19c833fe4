package org.uncts.cts.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.uncts.cts.spec.SurveyRunPlan;

/** One partition per input file, named by the file's key so a restart finds its own partition. */
public class InputFilePartitioner implements Partitioner {

    static final String FILE = "file";
    static final String DISPLAY_NAME = "displayName";
    static final String LAYOUT = "layout";
    static final String FILE_KEY = "fileKey";

    private final SurveyRunPlan plan;

    public InputFilePartitioner(SurveyRunPlan plan) {
        this.plan = plan;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (SurveyRunPlan.InputReturn in : plan.inputs()) {
            String key = FileKeys.of(in.displayName());
            ExecutionContext ctx = new ExecutionContext();
            ctx.putString(FILE, in.path().toString());
            ctx.putString(DISPLAY_NAME, in.displayName());
            ctx.putString(LAYOUT, in.layout() == null ? "" : in.layout().name());
            ctx.putString(FILE_KEY, key);
            partitions.put(key, ctx);
        }
        return partitions;
    }
}
