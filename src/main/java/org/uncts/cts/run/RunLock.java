package org.uncts.cts.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An OS file lock held by the process that runs a job spec, for the whole run, so that a second
 * run of the same spec is refused while the first is alive. The lock file ({@code var/locks/}, one
 * per spec, or per output folder for a validate run) says who holds it: PID, run id, start time.
 * The operating system releases the lock when the holder exits, killed or not, so a crash never
 * leaves a stale lock behind: the file may remain, the lock does not. Locks are local to the
 * machine: two machines sharing one job repository (PostgreSQL) are not protected from each other.
 */
public final class RunLock implements AutoCloseable {

    /** Who holds a lock, as its lock file says. */
    public record Holder(long pid, Long runId, String startedAt, String what) {

        public String describe() {
            return (runId == null ? "a run (id not yet assigned)" : "run " + runId) + " (PID " + pid + ", started at " + startedAt + ")";
        }
    }

    /** Thrown when another process (or this one) already holds the lock. */
    public static final class AlreadyRunningException extends RuntimeException {
        private final transient Holder holder;

        public AlreadyRunningException(String what, Holder holder) {
            super(what + " is already running: " + holder.describe()
                    + ". Wait for it to finish, or stop it with ./cts stop " + (holder.runId() == null ? "RUN" : holder.runId()) + ".");
            this.holder = holder;
        }

        public Holder holder() {
            return holder;
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final String what;
    private final String startedAt;

    private RunLock(Path file, FileChannel channel, FileLock lock, String what) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.what = what;
        this.startedAt = Instant.now().toString();
    }

    /** The lock file of a key (a spec path, or a validate output folder) under {@code dir}. */
    public static Path fileFor(Path dir, String key) {
        String base = key.replaceAll(".*[/\\\\]", "").replaceAll("\\.ya?ml$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(base + "-" + HexFormat.of().formatHex(sha, 0, 4) + ".lock");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes the lock of {@code key}, or fails with who holds it.
     *
     * @param what what is locked, for messages ("job spec jobs/x.yml")
     */
    public static RunLock acquire(Path dir, String key, String what) {
        Path file = fileFor(dir, key);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) { // held by this JVM
                lock = null;
            }
            if (lock == null) {
                Holder holder = read(file).orElse(new Holder(-1, null, "?", what));
                channel.close();
                throw new AlreadyRunningException(what, holder);
            }
            RunLock runLock = new RunLock(file, channel, lock, what);
            runLock.write(null);
            return runLock;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Who holds the lock of {@code key}, if a live process does. Empty when nobody holds it (for
     * instance, its holder was killed).
     */
    public static Optional<Holder> holder(Path dir, String key) {
        Path file = fileFor(dir, key);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                probe = null;
            }
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            return Optional.of(read(file).orElse(new Holder(-1, null, "?", key)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records the run id once the job repository has assigned it. */
    public synchronized void setRunId(long runId) {
        write(runId);
    }

    private synchronized void write(Long runId) {
        String text = "pid=" + ProcessHandle.current().pid() + "\nrun=" + (runId == null ? "" : runId) + "\nstarted=" + startedAt
                + "\nwhat=" + what + "\n";
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Holder> read(Path file) {
        try {
            Map<String, String> kv = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    kv.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            if (!kv.containsKey("pid")) {
                return Optional.empty();
            }
            String run = kv.getOrDefault("run", "");
            return Optional.of(new Holder(Long.parseLong(kv.get("pid")), run.isEmpty() ? null : Long.valueOf(run),
                    kv.getOrDefault("started", "?"), kv.getOrDefault("what", "")));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Path file() {
        return file;
    }

    /** Releases the lock; the emptied file stays (deleting it would race with a process about to lock it). */
    @Override
    public synchronized void close() {
        try {
            channel.truncate(0);
        } catch (IOException ignored) {
            // the lock is released below all the same
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
