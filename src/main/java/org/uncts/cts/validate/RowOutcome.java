package org.uncts.cts.validate;

import java.util.List;
import org.uncts.cts.model.Observation;
import org.uncts.cts.model.RawObservation;
import org.uncts.cts.model.Severity;
import org.uncts.cts.model.ValidationIssue;

/**
 * What became of one row: accepted as an observation (possibly with warnings) or rejected, with
 * every finding either way.
 */
public record RowOutcome(RawObservation raw, Observation observation, List<ValidationIssue> issues) {

    public boolean accepted() {
        return observation != null;
    }

    /** The first ERROR: the reason a rejected row is rejected. */
    public ValidationIssue firstError() {
        for (ValidationIssue issue : issues) {
            if (issue.severity() == Severity.ERROR) {
                return issue;
            }
        }
        return null;
    }
}
