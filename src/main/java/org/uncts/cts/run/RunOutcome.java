package org.uncts.cts.run;

import org.springframework.batch.core.BatchStatus;
import org.uncts.cts.spec.SurveyRunPlan;

/**
 * How a launch ended.
 *
 * @param resumed true when this launch restarted a failed run rather than starting a new one
 * @param reason  a one-line reason a statistician understands when the run did not complete
 */
public record RunOutcome(SurveyRunPlan plan, long runId, long executionId, BatchStatus status, boolean resumed, String reason) {

    public boolean completed() {
        return status == BatchStatus.COMPLETED;
    }
}
