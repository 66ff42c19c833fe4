package org.uncts.cts.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.Arrays;
import org.uncts.cts.ingest.ReadOptions;
import org.uncts.cts.ingest.ReturnLayout;

/**
 * The CSV return reader through {@link org.uncts.cts.ingest.ReturnReaders#open}: arbitrary bytes
 * as a file, read to the end, every row validated (oracle: {@link ReaderOracle}). Seeds are in
 * src/fuzz/resources/org/uncts/cts/fuzz/CsvReturnFuzzTestInputs/&lt;method&gt;/.
 */
class CsvReturnFuzzTest {

    private static final String NAME = "returns/fuzz-input.csv";

    /** The layout recognised from the header, as for inputs that declare none. */
    @FuzzTest(maxDuration = "60s")
    void autoLayout(byte[] data) {
        Path file = ReaderOracle.write("fuzz-input.csv", data);
        ReaderOracle.readAll(file, NAME, null, ReadOptions.NONE);
    }

    /**
     * A declared layout: the first byte picks canonical, dataunodc or sdmx-csv, the rest is the
     * file. One target rather than three so the fuzzer spends its time where coverage grows.
     */
    @FuzzTest(maxDuration = "60s")
    void declaredLayout(byte[] data) {
        if (data.length == 0) {
            return;
        }
        ReturnLayout[] layouts = ReturnLayout.values();
        ReturnLayout layout = layouts[Math.floorMod(data[0], layouts.length)];
        Path file = ReaderOracle.write("fuzz-input.csv", Arrays.copyOfRange(data, 1, data.length));
        ReaderOracle.readAll(file, NAME, layout, ReadOptions.NONE);
    }
}
