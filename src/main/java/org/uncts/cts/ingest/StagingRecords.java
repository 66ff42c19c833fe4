package org.uncts.cts.ingest;

import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.uncts.cts.store.StagingSchemas;
import org.uncts.cts.model.Severity;
import org.uncts.cts.model.ValidationIssue;
import org.uncts.cts.validate.RowOutcome;

/** Turns row outcomes into the Avro records of the staged Parquet parts. */
public final class StagingRecords {

    private StagingRecords() {
    }

    public static GenericRecord rejected(RowOutcome outcome, long runId) {
        ValidationIssue first = outcome.firstError();
        long errors = outcome.issues().stream().filter(x -> x.severity() == Severity.ERROR).count();
        String message = errors == 1 ? first.message()
                : String.join(" ", outcome.issues().stream().filter(x -> x.severity() == Severity.ERROR)
                        .map(ValidationIssue::message).toList());
        GenericData.Record r = new GenericData.Record(StagingSchemas.REJECTED_ROW);
        r.put("run_id", runId);
        r.put("source_file", first.provenance().file());
        r.put("source_line", first.provenance().line());
        r.put("source_cell", first.provenance().cell());
        r.put("source_sha256", first.provenance().sha256());
        r.put("raw_text", outcome.raw().rawText());
        r.put("rule_id", first.ruleId());
        r.put("field", first.field() == null ? "" : first.field());
        r.put("message", message);
        r.put("error_count", (int) errors);
        return r;
    }

    public static GenericRecord issue(ValidationIssue issue, long runId) {
        return issue(issue, null, runId);
    }

    /** @param year the row's year as reported, when it is a plausible four-digit year (for rejected rows) */
    public static GenericRecord issue(ValidationIssue issue, Integer year, long runId) {
        GenericData.Record r = new GenericData.Record(StagingSchemas.VALIDATION_ISSUE);
        r.put("run_id", runId);
        r.put("source_file", issue.provenance().file());
        r.put("source_line", issue.provenance().line());
        r.put("source_cell", issue.provenance().cell());
        r.put("series_key", issue.seriesKey());
        r.put("rule_id", issue.ruleId());
        r.put("severity", issue.severity().name());
        r.put("field", issue.field());
        r.put("value", issue.value());
        r.put("expected", issue.expected());
        r.put("message", issue.message());
        r.put("year", year);
        return r;
    }

    /** All issues of a chunk's outcomes, flattened, as records. */
    public static List<GenericRecord> issues(List<RowOutcome> outcomes, long runId) {
        return outcomes.stream().flatMap(o -> {
            Integer year = reportedYear(o.raw() == null ? null : o.raw().year());
            return o.issues().stream().map(i -> issue(i, year, runId));
        }).toList();
    }

    /** "2031" or "2020.0" as a year, so findings about rejected rows still say which year; else null. */
    static Integer reportedYear(String text) {
        if (text == null) {
            return null;
        }
        String y = text.strip();
        if (y.endsWith(".0")) {
            y = y.substring(0, y.length() - 2);
        }
        return y.length() == 4 && y.chars().allMatch(Character::isDigit) ? Integer.valueOf(y) : null;
    }
}
