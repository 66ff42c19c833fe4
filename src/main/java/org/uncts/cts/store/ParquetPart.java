package org.uncts.cts.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * One Parquet file ("part") written from Avro records, with no Hadoop at run time.
 *
 * <p>A part is written to {@code <target>.tmp} and renamed over the target only when complete, so a
 * reader (DuckDB) never sees a half-written file and a crashed run leaves at most a {@code .tmp}
 * behind (see {@link PartDirectory#discardFrom}).
 */
public final class ParquetPart {

    /**
     * Row-group size. Row groups are DuckDB's unit of parallel scanning, so several per part keep
     * all cores busy, while 32 MiB still gives good compression and small per-group overhead.
     */
    public static final long ROW_GROUP_SIZE = 32L * 1024 * 1024;

    public static final CompressionCodecName DEFAULT_CODEC = CompressionCodecName.ZSTD;

    static final String TMP_SUFFIX = ".tmp";

    private ParquetPart() {
    }

    /**
     * Writes all rows to {@code target} atomically.
     *
     * @return the number of rows written
     * @throws IOException naming {@code target} if anything fails, including the iteration of
     *     {@code rows}; no file is left at the target or its temp path in that case
     */
    public static long write(Path target, Schema schema, Iterable<GenericRecord> rows) throws IOException {
        Objects.requireNonNull(rows, "rows");
        try (Writer writer = open(target, schema)) {
            try {
                for (GenericRecord row : rows) {
                    writer.write(row);
                }
            } catch (RuntimeException e) {
                // The caller's iterable failed; close() below discards the temp file.
                throw failure(writer.target(), e);
            }
            writer.commit();
            return writer.rows();
        }
    }

    /**
     * Writes a staging part: Snappy and no column statistics, because staged parts are read once
     * by the publish step and their write speed is the ingest's speed.
     */
    public static long writeStaging(Path target, Schema schema, Iterable<GenericRecord> rows) throws IOException {
        try (Writer<GenericRecord> w = open(target, schema, CompressionCodecName.SNAPPY, false)) {
            for (GenericRecord row : rows) {
                w.write(row);
            }
            w.commit();
            return w.rows();
        }
    }

    /**
     * Writes a staging part through a hand-written {@link WriteSupport}: for the hot path of the
     * ingest, where going through Avro records (and their unions for every optional column)
     * costs more than the Parquet encoding itself. Snappy, no statistics, as above.
     */
    public static <T> long writeStaging(Path target, WriteSupport<T> support, Iterable<T> rows,
                                        String... noDictionaryColumns) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path tmp = tmpPath(absolute);
        Writer<T> w;
        try {
            Files.createDirectories(absolute.getParent());
            SupportBuilder<T> builder = new SupportBuilder<>(new LocalOutputFile(tmp), support);
            for (String column : noDictionaryColumns) {
                builder.withDictionaryEncoding(column, false); // nearly unique values: a dictionary only costs
            }
            w = new Writer<>(absolute, tmp, builder
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(new DirectCodecFactory())
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withRowGroupSize(ROW_GROUP_SIZE)
                    .withStatisticsEnabled(false)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw failure(absolute, e);
        }
        try (w) {
            for (T row : rows) {
                w.write(row);
            }
            w.commit();
            return w.rows();
        }
    }

    /** A ParquetWriter builder for any WriteSupport, free of Hadoop like the Avro one. */
    private static final class SupportBuilder<T> extends ParquetWriter.Builder<T, SupportBuilder<T>> {
        private final WriteSupport<T> support;

        SupportBuilder(org.apache.parquet.io.OutputFile file, WriteSupport<T> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected SupportBuilder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
            return support;
        }
    }

    /** Opens a streaming writer for {@code target} with ZSTD compression. */
    public static Writer<GenericRecord> open(Path target, Schema schema) throws IOException {
        return open(target, schema, DEFAULT_CODEC);
    }

    /** Opens a streaming writer for {@code target}; codec is ZSTD, SNAPPY or UNCOMPRESSED. */
    public static Writer<GenericRecord> open(Path target, Schema schema, CompressionCodecName codec) throws IOException {
        return open(target, schema, codec, true);
    }

    private static Writer<GenericRecord> open(Path target, Schema schema, CompressionCodecName codec, boolean statistics) throws IOException {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(codec, "codec");
        Path absolute = target.toAbsolutePath();
        Path tmp = tmpPath(absolute);
        try {
            Files.createDirectories(absolute.getParent());
            return new Writer<>(absolute, tmp, newParquetWriter(tmp, schema, codec, statistics));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw failure(absolute, e);
        }
    }

    static Path tmpPath(Path target) {
        return target.resolveSibling(target.getFileName() + TMP_SUFFIX);
    }

    private static ParquetWriter<GenericRecord> newParquetWriter(Path tmp, Schema schema, CompressionCodecName codec,
                                                                 boolean statistics) throws IOException {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        // Standard 3-level LIST encoding rather than parquet-avro's legacy 2-level one.
        conf.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
        return AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(tmp))
                .withSchema(schema)
                .withDataModel(GenericData.get())
                .withConf(conf)
                .withCodecFactory(new DirectCodecFactory())
                .withCompressionCodec(codec)
                .withRowGroupSize(ROW_GROUP_SIZE)
                .withStatisticsEnabled(statistics)
                // A .tmp left by a crashed run is simply overwritten.
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    private static IOException failure(Path target, Exception cause) {
        return new IOException("Cannot write Parquet part " + target + ": " + cause, cause);
    }

    /**
     * Streaming form: {@link #write} rows, then {@link #commit}. Closing without a commit (for
     * example on an exception in a try-with-resources block) discards the temp file.
     */
    public static final class Writer<T> implements AutoCloseable {

        private final Path target;
        private final Path tmp;
        private final ParquetWriter<T> parquet;
        private long rows;
        private boolean finished;

        private Writer(Path target, Path tmp, ParquetWriter<T> parquet) {
            this.target = target;
            this.tmp = tmp;
            this.parquet = parquet;
        }

        public void write(T row) throws IOException {
            if (finished) {
                throw new IllegalStateException("Parquet part " + target + " is already committed or closed");
            }
            try {
                parquet.write(row);
                rows++;
            } catch (IOException | RuntimeException e) {
                abort(e);
                throw failure(target, e);
            }
        }

        /** Finishes the file, makes it durable, and renames it over the target. */
        public void commit() throws IOException {
            if (finished) {
                throw new IllegalStateException("Parquet part " + target + " is already committed or closed");
            }
            finished = true;
            try {
                parquet.close();
                // fsync before rename: after a crash the target is either the old file or the complete new one.
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(e);
                throw failure(target, e);
            }
        }

        /** Discards the temp file unless {@link #commit} succeeded. */
        @Override
        public void close() throws IOException {
            if (!finished) {
                abort(null);
            }
        }

        /** Rows written so far. */
        public long rows() {
            return rows;
        }

        public Path target() {
            return target;
        }

        private void abort(Exception cause) throws IOException {
            finished = true;
            try {
                parquet.close();
            } catch (IOException | RuntimeException e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                }
                // Otherwise ignored: the file is being thrown away anyway.
            }
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                if (cause == null) {
                    throw new IOException("Cannot delete temporary file " + tmp, e);
                }
                cause.addSuppressed(e);
            }
        }

        private void deleteQuietly(Exception cause) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
