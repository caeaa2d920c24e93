package dev.inspector.persistence.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A console killed with {@code kill -9} leaves its postmaster running, and the next start would fail
 * on {@code postmaster.pid}. Called only while holding the console lock, so a live postmaster on this
 * data directory can belong to no running console: it is an orphan and is shut down.
 */
final class StalePostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration GRACE = Duration.ofSeconds(15);

    private StalePostmaster() {
    }

    /** Returns the pid of the orphan that was stopped, if there was one. */
    static Optional<Long> stopIfRunning(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return Optional.empty(); // PostgreSQL itself discards a pid file of a dead process
        }
        boolean isPostgres = process.get().info().command().map(c -> c.endsWith("postgres")).orElse(false);
        if (!isPostgres) {
            // The pid was reused by an unrelated process: the file is stale and would block the start.
            Files.delete(pidFile);
            return Optional.empty();
        }
        LOG.warn("Stopping PostgreSQL (pid {}) left running by a console that did not shut down", pid);
        ProcessHandle postmaster = process.get();
        postmaster.destroy(); // SIGTERM: smart shutdown; its clients died with the old console
        try {
            postmaster.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notYet) {
            postmaster.destroyForcibly();
            try {
                postmaster.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IOException("Could not stop the orphaned PostgreSQL process " + pid, e);
            }
        }
        return Optional.of(pid);
    }
}
