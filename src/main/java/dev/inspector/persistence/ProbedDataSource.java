package dev.inspector.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What the pool opens its connections with: first the connection the probe already opened (the
 * attempt that tells a wrong password from a closed port), then new ones. Each login is a SCRAM
 * exchange and a new server process, so a command that needs one connection logs in once.
 */
final class ProbedDataSource implements DataSource {

    private final AtomicReference<Connection> probed;
    private final String url;
    private final Properties properties;
    private volatile int loginTimeoutSeconds;

    ProbedDataSource(Connection probed, String url, Properties properties) {
        this.probed = new AtomicReference<>(probed);
        this.url = url;
        this.properties = properties;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection first = probed.getAndSet(null);
        if (first != null && !first.isClosed()) {
            return first;
        }
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties withLogin = new Properties();
        withLogin.putAll(properties);
        withLogin.setProperty("user", user);
        withLogin.setProperty("password", password);
        return DriverManager.getConnection(url, withLogin);
    }

    /** Closes the probed connection if the pool never took it (it failed to start). */
    void discardUnused() {
        Connection unused = probed.getAndSet(null);
        if (unused != null) {
            try {
                unused.close();
            } catch (SQLException ignored) {
                // it was never used; the server ends it when the socket closes
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the driver logs through java.util.logging, not through a data source's writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
