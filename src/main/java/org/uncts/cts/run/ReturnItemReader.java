package org.uncts.cts.run;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.ingest.ReturnFileReader;
import org.uncts.cts.ingest.ReturnLayout;
import org.uncts.cts.model.RawObservation;

/**
 * Batch adapter over {@link ReturnFileReader}. The item count it saves in the step's execution
 * context is how a restart skips the rows already staged; it is also the "rows read" of the file.
 */
public class ReturnItemReader extends AbstractItemCountingItemStreamItemReader<RawObservation> {

    public static final String NAME = "returnReader";
    /** The key under which the count of rows read is saved, as Spring Batch names it. */
    public static final String READ_COUNT_KEY = NAME + ".read.count";

    private final InputFile file;
    private final String displayName;
    private final ReturnLayout layout;
    private ReturnFileReader reader;

    public ReturnItemReader(InputFile file, String displayName, ReturnLayout layout) {
        this.file = file;
        this.displayName = displayName;
        this.layout = layout;
        setName(NAME);
    }

    /** The rows read so far as saved in a step's execution context (Batch stores it as an int). */
    public static long readCount(org.springframework.batch.infrastructure.item.ExecutionContext ctx) {
        Object v = ctx.get(READ_COUNT_KEY);
        return v instanceof Number n ? n.longValue() : 0L;
    }

    @Override
    protected void doOpen() {
        reader = new ReturnFileReader(file, displayName, layout);
    }

    /** Also records what the file turned out to be, for the runs dataset. */
    @Override
    public void update(org.springframework.batch.infrastructure.item.ExecutionContext ctx) {
        super.update(ctx);
        ctx.putString(PublishTasklet.FILE_SHA, file.sha256());
        ctx.putString(PublishTasklet.FILE_ENCODING, file.encodingLabel());
        if (reader != null) {
            ctx.putString(PublishTasklet.FILE_FORMAT, reader.layout().specName());
        }
    }

    @Override
    protected RawObservation doRead() {
        return reader.next();
    }

    @Override
    protected void doClose() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
