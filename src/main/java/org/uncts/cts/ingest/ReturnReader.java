package org.uncts.cts.ingest;

import org.uncts.cts.model.RawObservation;

/**
 * Streams the observations of one return file, whatever its format, one at a time and each with
 * its location in the file. A reader returns rows (possibly with a read problem, which makes them
 * rejected rows) or stops with a {@link ReturnFormatException} naming the file and where; it
 * never drops a row silently.
 */
public interface ReturnReader extends AutoCloseable {

    /** The format as job specs name it ("canonical", "dataunodc", "sdmx-csv", ...), recorded per input file. */
    String format();

    /** The next observation, or null at the end of the file. */
    RawObservation next();

    @Override
    void close();
}
