package dev.inspector.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for {@link ChangeLog#CHANNEL} on a connection of its own, so changes made by another
 * console appear without a restart. Notifications are delivered on commit only. If the connection
 * drops it reconnects with a pause; nothing here blocks the caller.
 */
public final class ChangeNotifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final int POLL_MILLIS = 500;
    private static final int RETRY_MILLIS = 5_000;

    private final ConnectionSettings settings;
    private final Consumer<String> onChange;
    private final Thread thread;
    private volatile boolean running = true;
    private final java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);

    private ChangeNotifications(ConnectionSettings settings, Consumer<String> onChange) {
        this.settings = settings;
        this.onChange = onChange;
        this.thread = new Thread(this::loop, "inspector-change-listener");
        this.thread.setDaemon(true);
    }

    /**
     * Starts listening and waits (a few seconds at most) until the LISTEN is in place, so no change
     * committed after this returns is missed; {@code onChange} gets the flag key (possibly empty) on
     * the listener thread.
     */
    public static ChangeNotifications start(ConnectionSettings settings, Consumer<String> onChange) {
        ChangeNotifications listener = new ChangeNotifications(settings, onChange);
        listener.thread.start();
        try {
            listener.listening.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return listener;
    }

    private void loop() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.driverProperties())) {
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + ChangeLog.CHANNEL); // a constant identifier, not input
                }
                listening.countDown();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            onChange.accept(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.debug("Change listener lost its connection; retrying", e);
                    sleep(RETRY_MILLIS);
                }
            }
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
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
