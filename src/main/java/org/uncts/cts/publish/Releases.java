package org.uncts.cts.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a job's published datasets are: each successful run is one release,
 * {@code out/<job>/releases/run-<id>/} (the id zero-padded to six digits), holding all the
 * datasets of that run. Releases are never changed once published; the catalog's views read the
 * current one, and a {@code current} symlink next to {@code releases/} points at it too.
 *
 * <pre>
 * out/&lt;job&gt;/
 *   catalog.duckdb                  views over the current release, all_* views over every release
 *   current -&gt; releases/run-000042 (symlink, where the file system allows one)
 *   releases/run-000041/observations/ ... reports/
 *   releases/run-000042/observations/ ... reports/
 *   runs/run-000041.parquet         one file per run, across releases (column release)
 *   _staging/run-&lt;id&gt;/            a run in progress
 * </pre>
 */
public final class Releases {

    private static final Logger LOG = LoggerFactory.getLogger(Releases.class);

    public static final String RELEASES = "releases";
    public static final String CURRENT = "current";

    private static final Pattern NAME = Pattern.compile("run-0*(\\d+)");

    private Releases() {
    }

    /** The folder name of a run's release: run-000042. */
    public static String name(long runId) {
        return String.format("run-%06d", runId);
    }

    /** The release folder of a run, relative to the output folder: releases/run-000042. */
    public static String relative(long runId) {
        return RELEASES + "/" + name(runId);
    }

    /** out/&lt;job&gt;/releases. */
    public static Path root(Path outputDir) {
        return outputDir.resolve(RELEASES);
    }

    /** out/&lt;job&gt;/releases/run-&lt;id&gt; (whether or not it exists). */
    public static Path of(Path outputDir, long runId) {
        return root(outputDir).resolve(name(runId));
    }

    /** The run ids of the releases in the output folder, oldest first. */
    public static List<Long> list(Path outputDir) {
        Path root = root(outputDir);
        List<Long> ids = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return ids;
        }
        try (Stream<Path> s = Files.list(root)) {
            s.filter(Files::isDirectory).forEach(p -> runId(p.getFileName().toString()).ifPresent(ids::add));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root + ": " + e.getMessage(), e);
        }
        ids.sort(null);
        return ids;
    }

    /** The run id in a release folder's name (run-000042 is 42), if it is one. */
    public static Optional<Long> runId(String folderName) {
        Matcher m = NAME.matcher(folderName);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /**
     * The run id of the current release: the one the {@code current} symlink names, else (no
     * symlink, e.g. on a file system without them) the newest release.
     */
    public static Optional<Long> currentRunId(Path outputDir) {
        Path link = outputDir.resolve(CURRENT);
        if (Files.isSymbolicLink(link)) {
            try {
                Path target = Files.readSymbolicLink(link);
                Optional<Long> id = runId(target.getFileName().toString());
                if (id.isPresent() && Files.isDirectory(of(outputDir, id.get()))) {
                    return id;
                }
            } catch (IOException e) {
                LOG.warn("Cannot read the symlink {}: {}; using the newest release", link, e.getMessage());
            }
        }
        List<Long> ids = list(outputDir);
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(ids.size() - 1));
    }

    /**
     * The folder holding the current datasets of an output folder: its current release, or the
     * folder itself when it has no releases (a folder written before releases existed, or a plain
     * folder of datasets such as one release).
     */
    public static Path current(Path outputDir) {
        // releases first: a folder published to before releases existed keeps its old datasets next to them
        return currentRunId(outputDir).map(id -> of(outputDir, id)).orElse(outputDir);
    }

    /**
     * Points {@code out/<job>/current} at a release, atomically (a symlink made under a temporary
     * name and renamed over the old one). Where symbolic links cannot be made (some Windows
     * set-ups) it logs and carries on: the catalog, not the link, is what queries read.
     */
    public static void pointCurrentAt(Path outputDir, long runId) {
        Path link = outputDir.resolve(CURRENT);
        Path tmp = outputDir.resolve(CURRENT + ".tmp-" + runId);
        try {
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, Path.of(RELEASES, name(runId)));
            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (UnsupportedOperationException | AtomicMoveNotSupportedException e) {
            LOG.info("No '{}' symlink ({}); the current release is {}", link, e.getMessage(), of(outputDir, runId));
            deleteQuietly(tmp);
        } catch (FileSystemException e) {
            LOG.warn("Cannot point {} at release {}: {}", link, name(runId), e.getMessage());
            deleteQuietly(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot point " + link + " at release " + name(runId) + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing more to do: a stray temporary link is replaced by the next run
        }
    }
}
