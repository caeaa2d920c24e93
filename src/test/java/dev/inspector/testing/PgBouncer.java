package dev.inspector.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PgBouncer (Debian's package) in transaction mode in front of the test server, the way
 * Supabase and most hosted PostgreSQL put one in front of the database: every transaction may get
 * another server connection, so session state, LISTEN and server-side prepared statements do not
 * carry over. Used when the system tests run with {@code -Dinspector.test.pooler=pgbouncer}.
 */
final class PgBouncer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");
    private final Process process;
    private final int port;
    private final Path directory;

    private PgBouncer(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    static PgBouncer start(int serverPort, String user, String password) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("The pooled test run needs PgBouncer: apt-get install pgbouncer");
        }
        try {
            int port = freePort();
            Path dir = Files.createTempDirectory("inspector-pgbouncer");
            // PgBouncer refuses to run as root; as root it is started as the postgres account, which must read this
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path users = Files.writeString(dir.resolve("users.txt"), "\"" + user + "\" \"" + password + "\"\n");
            Path config = Files.writeString(dir.resolve("pgbouncer.ini"), String.join("\n",
                    "[databases]",
                    "* = host=localhost port=" + serverPort,
                    "[pgbouncer]",
                    "listen_addr = localhost",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = plain",
                    "auth_file = " + users,
                    "pool_mode = transaction",
                    "max_client_conn = 500",
                    "default_pool_size = 40",
                    "ignore_startup_parameters = extra_float_digits",
                    "server_reset_query =",
                    ""));
            List<String> command = new ArrayList<>(List.of(BINARY.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "postgres"));
            }
            command.add(config.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile()).start();
            waitForPort(port, process, dir);
            return new PgBouncer(process, port, dir);
        } catch (IOException e) {
            throw new IllegalStateException("PgBouncer did not start: " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    private static void waitForPort(int port, Process process, Path dir) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("it exited: " + Files.readString(dir.resolve("stdout.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("localhost", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        }
        throw new IOException("it did not listen on port " + port + " within 10 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }
}
