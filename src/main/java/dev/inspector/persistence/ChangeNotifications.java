package dev.inspector.persistence;

import dev.inspector.domain.change.ChangeFeed;
import dev.inspector.domain.change.ChangeNotice;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the console about changes committed by any console, on a connection of its own. LISTEN
 * where it works; behind a pooler in transaction mode (PgBouncer, Supabase's pooler) a LISTEN
 * never hears anything, so a probe NOTIFY decides at start, and without it the change history is
 * polled instead. Where the console's schema does not exist there is nothing to follow. Nothing
 * here blocks the caller for more than the few seconds the probe takes.
 */
public final class ChangeNotifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final int LISTEN_WAIT_MILLIS = 500;
    static final int POLL_MILLIS = 3_000;
    private static final int PROBE_MILLIS = 2_000;
    private static final int RETRY_MILLIS = 5_000;

    private final ConnectionSettings settings;
    private final Consumer<ChangeNotice> onChange;
    private final Thread thread;
    private final CountDownLatch decided = new CountDownLatch(1);
    private volatile boolean running = true;
    /** The listener's connection while it has one; closing aborts it, so close() need not wait out a poll. */
    private volatile Connection current;
    private volatile ChangeFeed mode = ChangeFeed.STARTING;
    private long lastSeenId;
    private final java.util.TreeSet<Long> delivered = new java.util.TreeSet<>();

    private ChangeNotifications(ConnectionSettings settings, Consumer<ChangeNotice> onChange) {
        this.settings = settings;
        this.onChange = onChange;
        this.thread = new Thread(this::loop, "inspector-change-listener");
        this.thread.setDaemon(true);
    }

    /**
     * Starts following changes and waits (a few seconds at most) until the mode is decided, so no
     * change committed after this returns is missed; {@code onChange} is called on the listener thread.
     */
    public static ChangeNotifications start(ConnectionSettings settings, Consumer<ChangeNotice> onChange) {
        ChangeNotifications listener = new ChangeNotifications(settings, onChange);
        listener.thread.start();
        try {
            listener.decided.await(PROBE_MILLIS + 8_000L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return listener;
    }

    public ChangeFeed mode() {
        return mode;
    }

    private void loop() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.driverProperties())) {
                current = connection;
                connection.setAutoCommit(true);
                if (!historyExists(connection)) {
                    mode = ChangeFeed.OFF;
                    decided.countDown();
                    return;
                }
                if (lastSeenId == 0) {
                    lastSeenId = newestId(connection);
                }
                if (listening(connection)) {
                    mode = ChangeFeed.LIVE;
                    decided.countDown();
                    // what committed while no LISTEN was in place (before it, or while reconnecting)
                    catchUp(connection);
                    listen(connection);
                } else {
                    mode = ChangeFeed.POLLING;
                    decided.countDown();
                    poll(connection);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.debug("The change listener lost its connection; retrying", e);
                    sleep(RETRY_MILLIS);
                }
            }
        }
    }

    /** LISTEN, then a NOTIFY from another connection must come back within a moment. */
    private boolean listening(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("LISTEN " + ChangeLog.CHANNEL); // a constant identifier, not input
        }
        String probe = "0 probe-" + UUID.randomUUID();
        try (Connection other = DriverManager.getConnection(settings.jdbcUrl(), settings.driverProperties());
             PreparedStatement notify = other.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, ChangeLog.CHANNEL);
            notify.setString(2, probe);
            notify.execute();
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        long deadline = System.currentTimeMillis() + PROBE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            PGNotification[] notifications = pg.getNotifications(LISTEN_WAIT_MILLIS);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    if (probe.equals(n.getParameter())) {
                        return true;
                    }
                    deliver(ChangeNotice.parse(n.getParameter()));
                }
            }
        }
        return false;
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] notifications = pg.getNotifications(LISTEN_WAIT_MILLIS);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    deliver(ChangeNotice.parse(n.getParameter()));
                }
            }
        }
    }

    private void poll(Connection connection) throws SQLException {
        while (running) {
            catchUp(connection);
            sleep(POLL_MILLIS);
        }
    }

    private void catchUp(Connection connection) throws SQLException {
        try (PreparedStatement newer = connection.prepareStatement("SELECT id, console_id, flag_key "
                + "FROM inspector.change_set WHERE id > ? ORDER BY id LIMIT 1000")) {
            newer.setLong(1, lastSeenId);
            try (ResultSet rows = newer.executeQuery()) {
                while (rows.next()) {
                    deliver(new ChangeNotice(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
    }

    /** Each change once, whether it came by notification, by catching up, or both. */
    private void deliver(ChangeNotice notice) {
        if (notice.changeSetId() > 0 && delivered.add(notice.changeSetId())) {
            if (delivered.size() > 10_000) {
                delivered.remove(delivered.first());
            }
            lastSeenId = Math.max(lastSeenId, notice.changeSetId());
            onChange.accept(notice);
        }
    }

    private static boolean historyExists(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT to_regclass('inspector.change_set') IS NOT NULL")) {
            return r.next() && r.getBoolean(1);
        }
    }

    private static long newestId(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(max(id), 0) FROM inspector.change_set")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Connection connection = current;
        if (connection != null) {
            try {
                connection.abort(Runnable::run); // ends a blocking wait for notifications at once
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Aborting the change listener's connection failed", e);
            }
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
