package org.uncts.cts.ingest;

import org.uncts.cts.files.InputFile;

/** Opens the right reader for a return file: its declared layout and options, else what its content shows. */
public final class ReturnReaders {

    private ReturnReaders() {
    }

    /**
     * @param layout  the declared layout, or null to recognise it
     * @param options what the job spec declares about reading the file
     * @throws ReturnFormatException when the file cannot be read as a return, naming the file and why
     */
    public static ReturnReader open(InputFile file, String displayName, ReturnLayout layout, ReadOptions options) {
        return new ReturnFileReader(file, displayName, layout, options == null ? ReadOptions.NONE : options);
    }
}
