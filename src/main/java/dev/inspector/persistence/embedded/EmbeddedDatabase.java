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
    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(DataDirectory directory, FileChannel lockChannel, FileLock lock,
                             EmbeddedPostgres postgres, String password) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.password = password;
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
        FileChannel channel = null;
        try {
            directory.prepare();
            channel = FileChannel.open(directory.lockFile(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new DatabaseException("Another Inspector console is already using " + directory.root()
                        + ". Close it, or start this one with --data-dir pointing elsewhere.");
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
            return new EmbeddedDatabase(directory, channel, lock, postgres, password);
        } catch (DatabaseException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new DatabaseException("The embedded database could not start: " + rootMessage(e)
                    + ". Its log is " + directory.serverLog() + ".", e);
        }
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
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public DataDirectory directory() {
        return directory;
    }

    @Override
    public void close() {
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
