package org.uncts.cts.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uncts.cts.spec.SurveyRunPlan;
import org.uncts.cts.testing.TestCycle;

/** The plan a run's job parameters give: the spec's, or the spec's on other inputs and output (validate). */
class RunResourcesTest {

    @TempDir
    Path dir;

    @Test
    void withoutInputsAndOutputTheSpecsPlanIsUsed() throws Exception {
        TestCycle.writeReference(dir);
        TestCycle.writeCleanReturn(dir.resolve("returns/a.csv"));
        String spec = TestCycle.writeSpec(dir, "c", dir.resolve("out")).toString();
        RunResources resources = new RunResources();
        assertSame(resources.forSpec(spec), resources.forRun(spec, null, null));

        List<SurveyRunPlan.InputReturn> inputs = List.of(
                new SurveyRunPlan.InputReturn(dir.resolve("elsewhere/x.csv"), "elsewhere/x.csv", null),
                new SurveyRunPlan.InputReturn(dir.resolve("y z.csv"), "y z.csv", null));
        RunResources.Loaded validate = resources.forRun(spec, RunResources.encodeInputs(inputs), dir.resolve("v").toString());
        assertEquals(inputs, validate.plan().inputs());
        assertEquals(dir.resolve("v"), validate.plan().outputDir());
        SurveyRunPlan own = resources.forSpec(spec).plan();
        assertEquals(own.cycle(), validate.plan().cycle());
        assertEquals(own.rules(), validate.plan().rules());
        assertSame(resources.forSpec(spec).reference(), validate.reference());
        assertEquals(dir.resolve("out"), own.outputDir());
    }

    @Test
    void returnsThatArriveLaterAreSeenByTheNextRunOfTheSameProcess() throws Exception {
        TestCycle.writeReference(dir);
        TestCycle.writeCleanReturn(dir.resolve("returns/a.csv"));
        String spec = TestCycle.writeSpec(dir, "c", dir.resolve("out")).toString();
        RunResources resources = new RunResources();
        RunResources.Loaded first = resources.forSpec(spec);
        assertSame(first, resources.forSpec(spec), "one run's partitions share one loaded plan and reference");
        TestCycle.writeCleanReturn(dir.resolve("returns/b.csv"));
        RunResources.Loaded second = resources.forSpec(spec);
        assertEquals(first.plan().inputs().size() + 1, second.plan().inputs().size(),
                "a long-lived process (./cts schedule) sees the return that arrived");
    }
}
