package org.uncts.cts.run;

/**
 * A hook called while a chunk's parts are written, so that tests can make a run fail midway and
 * check that a restart neither loses nor duplicates rows. Production runs have none.
 */
@FunctionalInterface
public interface IngestFaults {

    IngestFaults NONE = (file, chunk, stage) -> { };

    /**
     * @param file  the input's display name
     * @param chunk the chunk's index within the file (0-based)
     * @param stage which part was just written: "observations", "rejected" or "issues"
     */
    void afterPart(String file, long chunk, String stage);
}
