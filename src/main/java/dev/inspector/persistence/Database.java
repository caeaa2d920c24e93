package dev.inspector.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** A connection pool and the jOOQ context over it: the one way the console reaches PostgreSQL. */
public final class Database implements AutoCloseable {

    private final ConnectionSettings settings;
    private final HikariDataSource pool;
    private final DSLContext dsl;

    private Database(ConnectionSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.POSTGRES, jooqSettings());
    }

    /**
     * Opens the pool after one plain connection attempt, so that a wrong password, host or port
     * is reported as exactly that, within seconds.
     */
    public static Database open(ConnectionSettings settings) {
        warmUpInBackground();
        Connection probe;
        try {
            probe = DriverManager.getConnection(settings.jdbcUrl(), settings.driverProperties());
            if (!probe.isValid(5)) {
                probe.close();
                throw new SQLException("the connection was not valid", "08006");
            }
        } catch (SQLException | RuntimeException e) {
            throw ConnectionFailures.explain(settings, e);
        }
        // the probe becomes the pool's first connection: one login per start, not two
        ProbedDataSource source = new ProbedDataSource(probe, settings.jdbcUrl(), settings.driverProperties());
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("inspector");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(8_000);
        config.setValidationTimeout(3_000);
        config.setInitializationFailTimeout(8_000);
        try {
            return new Database(settings, new HikariDataSource(config));
        } catch (RuntimeException e) {
            source.discardUnused();
            throw ConnectionFailures.explain(settings, e);
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * jOOQ's first query loads and initialises several hundred classes (a fifth of a command's
     * time). The login waits on the network and the server, so that work runs meanwhile on another
     * core; the first real query then finds it done. Renders only, touches no database; once per
     * process (a reconnect from the window finds jOOQ ready).
     */
    private static void warmUpInBackground() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        // logging is set up here first: two threads setting it up at once make SLF4J print a warning
        org.slf4j.LoggerFactory.getILoggerFactory();
        Thread warmUp = new Thread(() -> {
            try {
                DSLContext offline = DSL.using(SQLDialect.POSTGRES, jooqSettings());
                offline.render(offline.select(dev.inspector.persistence.jooq.public_.Tables.TENANTS.ID)
                        .from(dev.inspector.persistence.jooq.public_.Tables.TENANTS)
                        .where(dev.inspector.persistence.jooq.public_.Tables.TENANTS.NAME.eq("warm-up"))
                        .orderBy(dev.inspector.persistence.jooq.public_.Tables.TENANTS.NAME));
            } catch (RuntimeException | LinkageError ignored) {
                // only a head start; the real query does the same work if this could not
            }
        }, "inspector-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private static Settings jooqSettings() {
        return new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
                .withExecuteWithOptimisticLocking(true);
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return pool;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        pool.close();
    }
}
