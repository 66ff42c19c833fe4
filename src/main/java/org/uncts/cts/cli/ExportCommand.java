package org.uncts.cts.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.uncts.cts.exchange.SdmxCsvExport;
import org.uncts.cts.exchange.SdmxDataflow;
import org.uncts.cts.publish.ReleaseData;
import org.uncts.cts.spec.JobSpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the observations and indicators of a release as SDMX-CSV 2.0 files (docs/sdmx.md).",
            "By default the current release of jobs/sample-cycle.yml, both datasets, into the current folder."})
public class ExportCommand implements Callable<Integer> {

    @Mixin
    ReleaseChoice source;

    @Option(names = "--dataset", defaultValue = "all", paramLabel = "observations|indicators|all",
            description = "Which dataset (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--out", defaultValue = ".", paramLabel = "DIR|FILE",
            description = "A folder (files named observations.sdmx.csv, indicators.sdmx.csv), or with one --dataset a file name (default: the current folder).")
    Path out;

    @Option(names = "--format", defaultValue = "sdmx-csv", description = "The file format: sdmx-csv (SDMX-CSV 2.0), the only one so far.")
    String format;

    @Override
    public Integer call() {
        if (!format.strip().equalsIgnoreCase("sdmx-csv")) {
            System.err.println("cts export: format '" + format + "' is not known; the only format is sdmx-csv.");
            return ExitCodes.BAD_INPUT;
        }
        List<SdmxDataflow> flows;
        if (dataset.strip().equalsIgnoreCase("all")) {
            flows = List.of(SdmxDataflow.values());
        } else {
            SdmxDataflow one = SdmxDataflow.ofDataset(dataset).orElse(null);
            if (one == null) {
                System.err.println("cts export: dataset '" + dataset + "' is not one of observations, indicators, all.");
                return ExitCodes.BAD_INPUT;
            }
            flows = List.of(one);
        }
        Path folder;
        try {
            folder = source.folder();
        } catch (JobSpecException e) {
            System.err.println("cts export: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (!Files.isDirectory(folder)) {
            System.err.println("cts export: no release folder " + folder + ": run `./cts run` first, or give an existing release with --release.");
            return ExitCodes.BAD_INPUT;
        }
        // a file name only makes sense for one dataset; a folder (existing, or a name ending in /) for any
        boolean toFolder = flows.size() > 1 || Files.isDirectory(out) || out.toString().endsWith("/");
        if (flows.size() > 1 && Files.exists(out) && !Files.isDirectory(out)) {
            System.err.println("cts export: --out " + out + " is a file; with --dataset all give a folder"
                    + " (or one --dataset with a file name).");
            return ExitCodes.BAD_INPUT;
        }
        try (Connection connection = ReleaseData.open(folder)) {
            List<SdmxCsvExport.Written> written = flows.size() > 1 ? SdmxCsvExport.writeAll(connection, out) // both at once
                    : List.of(SdmxCsvExport.write(connection, flows.get(0), toFolder ? out.resolve(flows.get(0).fileName()) : out));
            for (SdmxCsvExport.Written w : written) {
                System.out.println(String.format(Locale.ROOT, "wrote %s: %,d rows of %s (%s)", w.file(), w.rows(),
                        w.dataflow().dataset(), w.dataflow().ref()));
            }
            return ExitCodes.OK;
        } catch (IOException | SQLException | RuntimeException e) {
            System.err.println("cts export: " + Errors.oneLine(e));
            return ExitCodes.FAILED;
        }
    }
}
