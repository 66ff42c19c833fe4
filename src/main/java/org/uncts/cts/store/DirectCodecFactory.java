package org.uncts.cts.store;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression that calls zstd-jni and snappy-java directly. Parquet's stock CodecFactory goes
 * through Hadoop's codec classes, and Hadoop is not on our runtime classpath.
 *
 * <p>Both libraries produce exactly what the Parquet spec asks for: one standard zstd frame per
 * page, and raw (unframed) Snappy blocks.
 */
final class DirectCodecFactory implements CompressionCodecFactory {

    /** Parquet's own default zstd level: a good ratio at a speed close to Snappy's. */
    static final int DEFAULT_ZSTD_LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return getCompressor(codec, DEFAULT_ZSTD_LEVEL);
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec, int level) {
        return switch (codec) {
            case UNCOMPRESSED -> new Compressor(codec, bytes -> bytes);
            case SNAPPY -> new Compressor(codec, Snappy::compress);
            case ZSTD -> new Compressor(codec, bytes -> Zstd.compress(bytes, level));
            default -> throw unsupported(codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Decompressor((bytes, size) -> bytes);
            case SNAPPY -> new Decompressor((bytes, size) -> Snappy.uncompress(bytes));
            case ZSTD -> new Decompressor(Zstd::decompress);
            default -> throw unsupported(codec);
        };
    }

    private static IllegalArgumentException unsupported(CompressionCodecName codec) {
        return new IllegalArgumentException(
                "Parquet codec " + codec + " is not supported here; use ZSTD, SNAPPY or UNCOMPRESSED");
    }

    @Override
    public void release() {
        // Nothing pooled: each call works on heap arrays.
    }

    @FunctionalInterface
    private interface Codec {
        byte[] apply(byte[] bytes) throws IOException;
    }

    @FunctionalInterface
    private interface Inflate {
        byte[] apply(byte[] bytes, int uncompressedSize) throws IOException;
    }

    private record Compressor(CompressionCodecName codec, Codec fn) implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(fn.apply(bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
        }
    }

    private record Decompressor(Inflate fn) implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(inflate(bytes.toByteArray(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.duplicate().get(compressed);
            output.put(inflate(compressed, uncompressedSize));
        }

        private byte[] inflate(byte[] compressed, int uncompressedSize) throws IOException {
            byte[] out = fn.apply(compressed, uncompressedSize);
            if (out.length != uncompressedSize) {
                throw new IOException("Corrupt page: expected " + uncompressedSize + " bytes after decompression, got "
                        + out.length);
            }
            return out;
        }

        @Override
        public void release() {
        }
    }
}
