package org.uncts.cts.report;

import java.util.List;

/** What {@code report/run.html} is given. Public only so that the template engine can read it. */
public final class RunReportModel {

    private RunReportModel() {
    }

    /** The whole page. */
    public record RunPage(String title, Run run, List<Input> inputs, Input inputTotal, Findings findings,
                          List<Step> steps, String stepsTotal, String reportsIndex, List<Dataset> datasets,
                          List<String> queries, List<PublicationFile> publication) {
    }

    /**
     * One file of the release's publication outputs (tables, charts, SDMX-CSV).
     *
     * @param kind  the subfolder: tables, charts or sdmx
     * @param name  the file name
     * @param href  link relative to the page
     */
    public record PublicationFile(String kind, String name, String href) {
    }

    /** The run, from its record; times already formatted. */
    public record Run(long runId, String job, String cycle, String years, String status, String started,
                      String ended, String duration, String codeVersion, String specFile, String specSha256) {
    }

    /** An input file (or the total of all of them). */
    public record Input(String file, String format, String encoding, String sha256, long read, long accepted,
                        long rejected) {

        /** Rows read = accepted + rejected, as they must. */
        public boolean balanced() {
            return read == accepted + rejected;
        }
    }

    /** The findings of the run. {@code fromDataset} is false when only the run record's counts are known. */
    public record Findings(boolean fromDataset, long errors, long warnings, long infos,
                           List<CountryFindings> countries, List<RuleFindings> rules, String note) {

        public long total() {
            return errors + warnings + infos;
        }
    }

    /** A country's findings; {@code link} is its feedback page, null if there is none. */
    public record CountryFindings(String iso3, String name, String link, long errors, long warnings, long infos,
                                  long total) {
    }

    /** A rule's findings of one severity, and how many countries they concern. */
    public record RuleFindings(String ruleId, String severity, long count, long countries) {
    }

    /** A step; {@code bar} is the CSS width of its bar, null without a duration. */
    public record Step(String name, String status, long read, long write, long skip, String started,
                       String duration, Long millis, String bar) {
    }

    /** A published table: its name (the catalog view), folder link, rows and Parquet files. */
    public record Dataset(String name, String folder, long rows, long files) {
    }
}
