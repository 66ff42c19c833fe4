package org.uncts.cts.report;

import java.util.List;

/**
 * What the templates under {@code src/main/resources/report/} are given: text ready to show, in
 * the order to show it. Public only so that the template engine can read it.
 */
public final class ReportModel {

    private ReportModel() {
    }

    /** The run, as every page heads it. */
    public record Run(String cycle, long runId, String runDate, String jobName) {
    }

    /** A country (or the findings with no recognised country) and its counts. */
    public record CountryEntry(String iso3, String name, String label, String page, String csv,
                               long errors, long warnings, long infos, long others, long explain) {

        /** Every finding of the country, whatever its severity. */
        public long total() {
            return errors + warnings + infos + others;
        }
    }

    /** A labelled part of a series in words: "Sex", "Male". */
    public record Part(String label, String text) {
    }

    /**
     * One finding as shown.
     *
     * @param cell  the Excel cell (Table1!D6) or wide CSV year column (2019) of a row finding, as in
     *              the data; null for one observation per line and for cross-row findings
     * @param where file, line and cell in words: "returns/x.xlsx, line 6, cell Table1!D6"
     */
    public record Finding(int number, String severity, String ruleId, String rule, String indicator,
                          List<Part> series, String seriesText, String years, String file,
                          String lines, String cell, String where, String value, String expected, String imbalance,
                          String imbalancePlain, String message, boolean explain) {
    }

    /** The findings of one table (source file) and indicator, within one severity. */
    public record Group(String file, String indicator, List<Finding> findings) {
    }

    /** The findings of one severity. */
    public record Section(String severity, String anchor, String title, String intro, List<Group> groups, int count) {
    }

    /** A country page. */
    public record CountryPage(Run run, CountryEntry country, String title, List<Section> sections) {
    }

    /** The index page. */
    public record IndexPage(Run run, String title, List<CountryEntry> countries, CountryEntry unrecognised,
                            long errors, long warnings, long infos, long others, long explain) {

        public long total() {
            return errors + warnings + infos + others;
        }
    }
}
