package org.uncts.cts.model;

/** How serious a validation finding is. ERROR rejects the row; WARNING and INFO keep it. */
public enum Severity {
    ERROR, WARNING, INFO
}
