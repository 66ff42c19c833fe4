package org.uncts.cts.ingest.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.ingest.ReadOptions;
import org.uncts.cts.ingest.ReturnFormatException;
import org.uncts.cts.ingest.ReturnReader;
import org.uncts.cts.ingest.ReturnReaders;
import org.uncts.cts.model.RawObservation;
import org.uncts.cts.spec.JobSpecLoader;
import org.uncts.cts.spec.SurveyRunPlan;
import org.uncts.cts.validate.RowValidator;

/**
 * The XLSX lines of src/test/resources/hostile/expected.csv hold: each file gives its outcome,
 * and rows read = accepted + rejected. (The corpus walker of all formats is another test's.)
 */
class XlsxHostileFilesTest {

    static final Path HOSTILE = Path.of("src/test/resources/hostile");
    static RowValidator validator;

    @BeforeAll
    static void reference() {
        SurveyRunPlan plan = JobSpecLoader.load(Path.of("jobs/sample-cycle.yml"));
        validator = new RowValidator(org.uncts.cts.run.RunResources.loadReference(plan), plan.years(), 1, plan.rules());
    }

    @Test
    void everyXlsxLineHolds() throws Exception {
        List<CSVRecord> lines;
        try (Reader r = Files.newBufferedReader(HOSTILE.resolve("expected.csv"))) {
            lines = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        List<CSVRecord> xlsx = lines.stream().filter(l -> l.get("format").equals("xlsx")).toList();
        assertThat(xlsx).hasSizeGreaterThanOrEqualTo(5);
        for (CSVRecord l : xlsx) {
            Path file = HOSTILE.resolve(l.get("file"));
            assertThat(Files.size(file)).as(file + " is small").isLessThan(100_000);
            ReadOptions options = new ReadOptions(l.get("template").isEmpty() ? null : HOSTILE.resolve(l.get("template")), null, null, null);
            if (l.get("outcome").equals("file-error")) {
                assertThatThrownBy(() -> readAll(file, options)).as(file.toString()).isInstanceOf(ReturnFormatException.class)
                        .hasMessageContaining(l.get("message_contains"));
                continue;
            }
            List<RawObservation> rows = readAll(file, options);
            long accepted = rows.stream().filter(o -> validator.validate(o).accepted()).count();
            assertThat(rows).as(file.toString()).hasSize(Integer.parseInt(l.get("rows_read")));
            assertThat(accepted).as(file.toString()).isEqualTo(Long.parseLong(l.get("rows_accepted")));
            assertThat(rows.size() - accepted).as(file.toString()).isEqualTo(Long.parseLong(l.get("rows_rejected")));
            assertThat(rows).as(file.toString()).anyMatch(o -> o.readProblem() != null && o.readProblem().contains(l.get("message_contains")));
        }
    }

    static List<RawObservation> readAll(Path file, ReadOptions options) {
        List<RawObservation> rows = new ArrayList<>();
        try (ReturnReader r = ReturnReaders.open(InputFile.inspect(file), file.getFileName().toString(), null, options)) {
            for (RawObservation o; (o = r.next()) != null; ) {
                rows.add(o);
            }
        }
        return rows;
    }
}
