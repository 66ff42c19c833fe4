package org.uncts.cts.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DirectCodecFactoryTest {

    private static final byte[] PAGE = "country,year,value\n".repeat(500).getBytes(StandardCharsets.UTF_8);

    private final DirectCodecFactory factory = new DirectCodecFactory();

    @ParameterizedTest
    @EnumSource(names = {"ZSTD", "SNAPPY", "UNCOMPRESSED"})
    void compressedPagesDecompressToTheOriginalBytes(CompressionCodecName codec) throws Exception {
        BytesInputCompressor compressor = factory.getCompressor(codec);
        byte[] compressed = compressor.compress(BytesInput.from(PAGE)).toByteArray();
        BytesInputDecompressor decompressor = factory.getDecompressor(codec);

        assertEquals(codec, compressor.getCodecName());
        assertArrayEquals(PAGE, decompressor.decompress(BytesInput.from(compressed), PAGE.length).toByteArray());

        ByteBuffer out = ByteBuffer.allocate(PAGE.length);
        decompressor.decompress(ByteBuffer.wrap(compressed), compressed.length, out, PAGE.length);
        assertArrayEquals(PAGE, out.array());
    }

    @Test
    void repetitiveDataActuallyShrinks() throws Exception {
        assertTrue(factory.getCompressor(CompressionCodecName.ZSTD).compress(BytesInput.from(PAGE)).size()
                < PAGE.length / 10);
        assertTrue(factory.getCompressor(CompressionCodecName.SNAPPY).compress(BytesInput.from(PAGE)).size()
                < PAGE.length / 4);
    }

    @Test
    void wrongUncompressedSizeIsReportedAsCorruption() throws Exception {
        byte[] compressed = factory.getCompressor(CompressionCodecName.SNAPPY).compress(BytesInput.from(PAGE))
                .toByteArray();
        BytesInputDecompressor decompressor = factory.getDecompressor(CompressionCodecName.SNAPPY);

        assertThrows(java.io.IOException.class,
                () -> decompressor.decompress(BytesInput.from(compressed), PAGE.length + 1));
    }

    @Test
    void unsupportedCodecsAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> factory.getCompressor(CompressionCodecName.LZO));
        assertTrue(e.getMessage().contains("LZO"));
    }
}
