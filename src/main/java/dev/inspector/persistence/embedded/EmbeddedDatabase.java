package dev.inspector.persistence.embedded;

import dev.inspector.domain.failure.DatabaseException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's own PostgreSQL 16, kept in the user's data directory. Durable (fsync and
 * synchronous commit on, although zonky turns both off for throw-away test databases), protected by
 * a password only the owner can read, and safe against a console that died without stopping it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String SUPERUSER = "postgres";
    public static final String DATABASE = "postgres";

    private final DataDirectory directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Null when this process only shares a server another console of the same user runs. */
    private final EmbeddedPostgres postgres;
    private final String password;
    private final int port;

    private EmbeddedDatabase(DataDirectory directory, FileChannel lockChannel, FileLock lock,
                             EmbeddedPostgres postgres, String password, int port) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.password = password;
        this.port = port;
    }

    /**
     * Starts (and on first use creates) the cluster. Blocks for the duration; progress messages go to
     * {@code progress} from the calling thread.
     */
    public static EmbeddedDatabase start(DataDirectory directory, Consumer<String> progress) {
        return start(directory, Durability.DURABLE, progress);
    }

    /** As {@link #start(DataDirectory, Consumer)}, choosing whether commits must survive a power cut. */
    public static EmbeddedDatabase start(DataDirectory directory, Durability durability, Consumer<String> progress) {
        return start(directory, durability, progress, false);
    }

    /**
     * As above; with {@code shareRunning}, a data directory whose server another console of this
     * user is running is not refused: this process connects to that server (headless commands
     * during an incident, while the window is open) and leaves it running when done.
     */
    public static EmbeddedDatabase start(DataDirectory directory, Durability durability, Consumer<String> progress,
                                         boolean shareRunning) {
        FileChannel channel = null;
        try {
            directory.prepare();
            channel = FileChannel.open(directory.lockFile(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null && shareRunning) {
                closeQuietly(channel);
                return attach(directory, progress);
            }
            if (lock == null) {
                throw new DatabaseException("Another Inspector console is already using " + directory.root()
                        + ". Close it, or start this one with --data-dir pointing elsewhere; "
                        + "commands (inspector kill, restore, audit, …) work on it meanwhile.");
            }
            boolean firstStart = !Files.exists(directory.pgData().resolve("PG_VERSION"));
            String password = DatabasePassword.readOrCreate(directory.passwordFile());
            StalePostmaster.stopIfRunning(directory.pgData())
                    .ifPresent(pid -> progress.accept("Stopped a database left running by an earlier console (pid " + pid + ")"));
            progress.accept(firstStart
                    ? "Creating the embedded database in " + directory.root() + " (first start only)…"
                    : "Starting the embedded database…");
            EmbeddedPostgres postgres = builder(directory, password, durability).start();
            LOG.debug("Embedded PostgreSQL on port {} in {}", postgres.getPort(), directory.root());
            Files.deleteIfExists(directory.portFile());
            Files.writeString(Files.createFile(directory.portFile(), java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))), Integer.toString(postgres.getPort()));
            return new EmbeddedDatabase(directory, channel, lock, postgres, password, postgres.getPort());
        } catch (DatabaseException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new DatabaseException("The embedded database could not start: " + rootMessage(e)
                    + ". Its log is " + directory.serverLog() + ".", e);
        }
    }

    /** Connects to the server the console holding the lock runs: its port is in the private data directory. */
    private static EmbeddedDatabase attach(DataDirectory directory, Consumer<String> progress) throws IOException {
        if (!Files.exists(directory.portFile()) || !Files.exists(directory.passwordFile())) {
            throw new DatabaseException("The console using " + directory.root()
                    + " is still starting its database; try again in a moment.");
        }
        int port;
        try {
            port = Integer.parseInt(Files.readString(directory.portFile()).strip());
        } catch (NumberFormatException e) {
            throw new DatabaseException("The console using " + directory.root() + " left an unreadable "
                    + directory.portFile().getFileName() + "; close it and try again.", e);
        }
        progress.accept("Using the database of the console that is open on " + directory.root() + "…");
        return new EmbeddedDatabase(directory, null, null, null, DatabasePassword.readOrCreate(directory.passwordFile()), port);
    }

    /** Null when another console holds the lock, in another process or (in tests) in this one. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldHere) {
            return null;
        }
    }

    private static EmbeddedPostgres.Builder builder(DataDirectory directory, String password, Durability durability)
            throws IOException {
        String sync = durability == Durability.DURABLE ? "on" : "off";
        Path workDir = BinaryCache.resolve(System.getenv(), System.getProperty("user.home")).workingDirectory();
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(workDir.toFile())
                .setDataDirectory(directory.pgData())
                .setCleanDataDirectory(false)
                // zonky passes -F (fsync off); these -c settings come after it and win.
                .setServerConfig("fsync", sync)
                .setServerConfig("synchronous_commit", sync)
                .setServerConfig("full_page_writes", sync)
                .setServerConfig("listen_addresses", "localhost")
                // no Unix socket: /tmp would be its default folder, shared with every local account
                .setServerConfig("unix_socket_directories", "")
                // initdb runs with "-A trust"; these later options replace it with password authentication.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", directory.passwordFile().toString())
                .setConnectConfig("password", password)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(directory.serverLog().toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(directory.serverLog().toFile()));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Whether this process runs the server (else it shares the one another console runs). */
    public boolean owner() {
        return postgres != null;
    }

    public DataDirectory directory() {
        return directory;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return; // the owning console stops its server
        }
        try {
            Files.deleteIfExists(directory.portFile());
        } catch (IOException e) {
            LOG.debug("Removing the port file failed", e);
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Stopping the embedded database failed", e);
        } finally {
            try {
                lock.release();
            } catch (IOException e) {
                LOG.debug("Releasing the console lock failed", e);
            }
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to do: the OS releases the lock with the process anyway
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
