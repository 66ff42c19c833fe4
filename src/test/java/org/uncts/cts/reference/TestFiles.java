package org.uncts.cts.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Writes small hand-made reference files for tests. */
final class TestFiles {

    private TestFiles() {
    }

    static Path write(Path dir, String name, String content) {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, String content, Charset charset) {
        return write(dir, name, content.getBytes(charset));
    }

    /** UTF-8 with a byte order mark, as UNSD and Excel write it. */
    static Path writeWithBom(Path dir, String name, String content) {
        byte[] text = content.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        return write(dir, name, bytes);
    }

    private static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the shared real reference set, which sits next to the project directory. */
    static Path shared(String name) {
        return Paths.get("").toAbsolutePath().getParent().resolve("shared/reference").resolve(name);
    }

    static final String M49_HEADER = "Global Code;Global Name;Region Code;Region Name;Sub-region Code;Sub-region Name;"
            + "Intermediate Region Code;Intermediate Region Name;Country or Area;M49 Code;ISO-alpha2 Code;"
            + "ISO-alpha3 Code;Least Developed Countries (LDC);Land Locked Developing Countries (LLDC);"
            + "Small Island Developing States (SIDS)";

    /** A UNSD-style M49 extract: ; separated, leading zeros, CRLF, one row without ISO3. */
    static final String M49_SAMPLE = String.join("\r\n",
            M49_HEADER,
            "001;World;002;Africa;015;Northern Africa;;;Algeria;012;DZ;DZA;;;",
            "001;World;150;Europe;155;Western Europe;;;Belgium;056;BE;BEL;;;",
            "001;World;150;Europe;155;Western Europe;;;France;250;FR;FRA;;;",
            "001;World;002;Africa;202;Sub-Saharan Africa;011;Western Africa;Côte d’Ivoire;384;CI;CIV;;;",
            "001;World;142;Asia;145;Western Asia;;;Turkey;792;TR;TUR;;;",
            "001;World;142;Asia;145;Western Asia;;;Iraq;368;IQ;IRQ;;;",
            "001;World;150;Europe;154;Northern Europe;;;United Kingdom of Great Britain and Northern Ireland;826;GB;GBR;;;",
            "001;World;150;Europe;154;Northern Europe;830;Channel Islands;Sark;680;;;;;",
            "001;World;;;;;;;Antarctica;010;AQ;ATA;;;",
            "001;World;019;Americas;419;Latin America and the Caribbean;029;Caribbean;Curaçao;531;CW;CUW;;;x") + "\r\n";
}
