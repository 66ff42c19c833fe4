package org.uncts.cts.run;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.uncts.cts.files.InputFile;
import org.uncts.cts.ingest.ReadOptions;
import org.uncts.cts.ingest.ReturnReader;
import org.uncts.cts.ingest.ReturnReaders;
import org.uncts.cts.ingest.ReturnLayout;
import org.uncts.cts.model.RawObservation;

/**
 * Batch adapter over a {@link ReturnReader}. The item count it saves in the step's execution
 * context is how a restart skips the rows already staged; it is also the "rows read" of the file.
 */
public class ReturnItemReader extends AbstractItemCountingItemStreamItemReader<RawObservation> {

    public static final String NAME = "returnReader";
    /**
     * Rows returned so far, saved with each chunk. Batch's own read.count also counts the final
     * read that finds the end of the file, so it is one too many once a file is done.
     */
    public static final String ROWS_KEY = NAME + ".rows";

    private final InputFile file;
    private final String displayName;
    private final ReturnLayout layout;
    private final ReadOptions options;
    private ReturnReader reader;

    public ReturnItemReader(InputFile file, String displayName, ReturnLayout layout, ReadOptions options) {
        this.file = file;
        this.displayName = displayName;
        this.layout = layout;
        this.options = options;
        setName(NAME);
    }

    private long rows;

    /** The rows read so far, as saved in a step's execution context. */
    public static long readCount(org.springframework.batch.infrastructure.item.ExecutionContext ctx) {
        Object v = ctx.get(ROWS_KEY);
        return v instanceof Number n ? n.longValue() : 0L;
    }

    @Override
    protected void doOpen() {
        rows = 0;
        reader = ReturnReaders.open(file, displayName, layout, options);
    }

    /** Also records what the file turned out to be, for the runs dataset. */
    @Override
    public void update(org.springframework.batch.infrastructure.item.ExecutionContext ctx) {
        super.update(ctx);
        ctx.putLong(ROWS_KEY, rows);
        ctx.putString(PublishTasklet.FILE_SHA, file.sha256());
        // a workbook is a ZIP of XML parts: the text encoding guessed from its bytes means nothing
        boolean workbook = reader != null && "xlsx".equals(reader.format());
        ctx.putString(PublishTasklet.FILE_ENCODING, workbook ? "Excel workbook" : file.encodingLabel());
        ctx.putString(PublishTasklet.FILE_CHARSET, file.charset().name());
        if (reader != null) {
            ctx.putString(PublishTasklet.FILE_FORMAT, reader.format());
        }
    }

    @Override
    protected RawObservation doRead() {
        RawObservation row = reader.next(); // also called while a restart skips rows already staged
        if (row != null) {
            rows++;
        }
        return row;
    }

    @Override
    protected void doClose() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
