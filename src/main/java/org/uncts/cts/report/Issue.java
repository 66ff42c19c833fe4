package org.uncts.cts.report;

/** One row of the validation_issues dataset, as read (see PublishedSchemas.VALIDATION_ISSUE). */
record Issue(
        String countryIso3,
        String severity,
        String ruleId,
        String ruleKind,
        String indicator,
        String seriesKey,
        Integer year,
        String years,
        String field,
        String value,
        String expected,
        Double imbalance,
        String message,
        boolean explain,
        String sourceFile,
        Long sourceLine,
        /** Excel cell (Table1!D6) or wide CSV year column (2019) of a row finding; null otherwise. */
        String sourceCell,
        String sourceLines) {
}
