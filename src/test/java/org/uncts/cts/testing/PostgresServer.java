package org.uncts.cts.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests: initdb in a temporary folder, started on a free port
 * with its socket in that folder, a database "cts" owned by user "cts" (trust authentication on
 * localhost only). Uses the binaries of the Debian/Ubuntu postgresql package
 * (/usr/lib/postgresql/N/bin); as root, runs them as the postgres user (initdb refuses root).
 * {@link #start()} says why not when it cannot, so tests skip with that reason.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path bin;
    private final Path base;
    private final int port;
    private final boolean asPostgres;

    private PostgresServer(Path bin, Path base, int port, boolean asPostgres) {
        this.bin = bin;
        this.base = base;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The JDBC URL of database cts (user cts, no password). */
    public String url() {
        return "jdbc:postgresql://localhost:" + port + "/cts";
    }

    /** A started server, or why there is none (no binaries, cannot run them as the postgres user, start failed). */
    public static Result start() {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            return new Result(null, "no PostgreSQL binaries (/usr/lib/postgresql/*/bin/initdb and pg_ctl): "
                    + "install the postgresql package, or set CTS_TEST_DB_URL to a server's database");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        PostgresServer server = null;
        try {
            if (root && run(List.of("id", "postgres"), 10) != 0) {
                return new Result(null, "running as root and there is no postgres user to run initdb as");
            }
            Path base = Files.createTempDirectory("cts-pg");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            server = new PostgresServer(bin.get(), base, port, root);
            if (root && run(List.of("chown", "postgres", base.toString()), 10) != 0) {
                server.close();
                return new Result(null, "cannot chown " + base + " to the postgres user");
            }
            String why = server.boot();
            if (why != null) {
                server.close();
                return new Result(null, why);
            }
            return new Result(server, null);
        } catch (IOException | InterruptedException e) {
            if (server != null) {
                server.close();
            }
            return new Result(null, "cannot start PostgreSQL: " + e);
        }
    }

    /** A server, or the reason there is none. */
    public record Result(PostgresServer server, String whyNot) {
    }

    private String boot() throws IOException, InterruptedException {
        Path data = base.resolve("data");
        Path log = base.resolve("server.log");
        if (pg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "cts", "-A", "trust",
                "-E", "UTF8", "--no-sync"), 120) != 0) {
            return "initdb failed (see output above)";
        }
        if (pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + base + " -c listen_addresses=localhost -c fsync=off", "start"), 90) != 0) {
            return "pg_ctl start failed: " + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "");
        }
        if (pg(List.of(bin.resolve("createdb").toString(), "-h", base.toString(), "-p", String.valueOf(port), "-U", "cts", "cts"), 60) != 0) {
            return "createdb failed";
        }
        return null;
    }

    @Override
    public void close() {
        try {
            if (Files.exists(base.resolve("data/postmaster.pid"))) {
                pg(List.of(bin.resolve("pg_ctl").toString(), "-D", base.resolve("data").toString(), "-m", "immediate", "-w", "stop"), 60);
            }
        } catch (IOException | InterruptedException e) {
            // leave it: the folder is removed below and the server dies with its data
        }
        try (Stream<Path> s = Files.walk(base)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }

    private int pg(List<String> command, int seconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        return run(full, seconds);
    }

    private static int run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) {
            System.err.println(String.join(" ", command) + ":\n" + out);
        }
        return p.exitValue();
    }

    private static Optional<Path> binaries() {
        // a system property only to try the skip on a machine that has the binaries
        Path root = Path.of(System.getProperty("cts.test.postgresql-root", "/usr/lib/postgresql"));
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
