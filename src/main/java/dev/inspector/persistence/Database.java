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
        this.dsl = DSL.using(pool, SQLDialect.POSTGRES, new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
                .withExecuteWithOptimisticLocking(true));
    }

    /**
     * Opens the pool after one plain connection attempt, so that a wrong password, host or port
     * is reported as exactly that, within seconds.
     */
    public static Database open(ConnectionSettings settings) {
        try (Connection probe = DriverManager.getConnection(settings.jdbcUrl(), settings.driverProperties())) {
            probe.isValid(5);
        } catch (SQLException | RuntimeException e) {
            throw ConnectionFailures.explain(settings, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setDataSourceProperties(settings.driverProperties());
        config.setPoolName("inspector");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(8_000);
        config.setValidationTimeout(3_000);
        config.setInitializationFailTimeout(8_000);
        try {
            return new Database(settings, new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw ConnectionFailures.explain(settings, e);
        }
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
