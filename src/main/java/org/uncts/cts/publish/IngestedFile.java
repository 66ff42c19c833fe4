package org.uncts.cts.publish;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * What the ingest step knows of one input file when it is done with it.
 *
 * @param file    the file's display name, as in source_file
 * @param key     the key its staged parts are named by
 * @param path    where it is, to quote its lines in rejected_rows
 */
public record IngestedFile(String file, String key, Path path, Charset charset, String format, String sha256,
                           String encoding, long rowsRead) {
}
