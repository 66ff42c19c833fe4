package org.uncts.cts.model;

/**
 * SDMX CL_OBS_STATUS codes used by the pipeline. See ../shared/docs/uncts-domain.md section 2
 * for how input markers and flags map to these.
 */
public enum ObsStatus {
    A("Normal value"),
    B("Time series break"),
    D("Definition differs"),
    E("Estimated value"),
    I("Imputed value"),
    K("Data included in another category"),
    L("Missing value; data exist but were not collected"),
    M("Missing value; data cannot exist"),
    N("Not significant"),
    O("Missing value"),
    P("Provisional value"),
    Q("Missing value; suppressed"),
    U("Low reliability"),
    V("Unvalidated value"),
    W("Includes data from another category");

    private final String description;

    ObsStatus(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
