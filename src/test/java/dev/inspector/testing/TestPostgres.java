package dev.inspector.testing;

import dev.inspector.persistence.ConnectionSettings;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.Migrations;
import dev.inspector.persistence.embedded.DataDirectory;
import dev.inspector.persistence.embedded.Durability;
import dev.inspector.persistence.embedded.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test run (the application's own {@link EmbeddedDatabase}), holding a
 * template database migrated once with the console schema and the demo. Every test class clones
 * its own database from the template, which takes milliseconds and keeps classes independent.
 */
public final class TestPostgres implements AutoCloseable {

    static final String TEMPLATE = "inspector_template";
    private final EmbeddedDatabase server;
    private final Path directory;
    private final AtomicInteger counter = new AtomicInteger();
    /** With -Dinspector.test.pooler=pgbouncer every test connects through a real PgBouncer in transaction mode. */
    private final PgBouncer pooler;

    private TestPostgres(EmbeddedDatabase server, Path directory) {
        this.server = server;
        this.directory = directory;
        this.pooler = "pgbouncer".equals(System.getProperty("inspector.test.pooler"))
                ? PgBouncer.start(server.port(), server.user(), server.password()) : null;
    }

    /** A server of its own, with the demo template; close it when done. The run's shared one comes from {@link PostgresExtension}. */
    public static TestPostgres start() {
        try {
            Path dir = Files.createTempDirectory("inspector-test-pg");
            EmbeddedDatabase server = EmbeddedDatabase.start(new DataDirectory(dir), Durability.THROWAWAY, message -> { });
            TestPostgres postgres = new TestPostgres(server, dir);
            postgres.cheapLogins();
            postgres.buildTemplate();
            return postgres;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The suite opens thousands of connections, and each SCRAM login derives the password 4,096
     * times on both sides: on the test server only, the superuser's verifier is rewritten with few
     * iterations (PostgreSQL 16's scram_iterations). The console's own server keeps the default.
     */
    private void cheapLogins() {
        execute("postgres", "SET scram_iterations = 16; ALTER ROLE CURRENT_USER PASSWORD '"
                + server.password().replace("'", "''") + "'");
    }

    private void buildTemplate() {
        execute("postgres", "CREATE DATABASE " + TEMPLATE);
        try (Database db = Database.open(direct(TEMPLATE))) {
            Migrations.installDemo(db.dataSource(), db.dsl());
            Migrations.migrateInspectorSchema(db.dataSource());
        }
    }

    /** A new database cloned from the migrated demo template. */
    public TestDatabase cloneDemo() {
        String name = "demo_" + counter.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return new TestDatabase(this, name);
    }

    /**
     * A new database with exactly the reference document's tables and columns and a little data
     * ({@code schemas/reference-schema.sql}), and the console's own schema: no profiles, no
     * updated_at, none of the demo's extras.
     */
    public TestDatabase createReference() {
        TestDatabase db = createEmpty();
        db.runScript("/schemas/reference-schema.sql");
        Migrations.migrateInspectorSchema(db.database().dataSource());
        return db;
    }

    /** A new database with nothing in it, for tests of migrations and schema checks. */
    public TestDatabase createEmpty() {
        String name = "empty_" + counter.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name);
        return new TestDatabase(this, name);
    }

    /** Where the tests connect: the server, or the pooler in front of it. */
    public ConnectionSettings settings(String database) {
        int port = pooler != null ? pooler.port() : server.port();
        return new ConnectionSettings("jdbc:postgresql://localhost:" + port + "/" + database,
                server.user(), server.password(), "localhost:" + port + "/" + database, false);
    }

    /** The server itself, for DDL and databases made from templates (a pooler would keep connections to them). */
    ConnectionSettings direct(String database) {
        return new ConnectionSettings("jdbc:postgresql://localhost:" + server.port() + "/" + database,
                server.user(), server.password(), "localhost:" + server.port() + "/" + database, false);
    }

    public boolean pooled() {
        return pooler != null;
    }

    public int port() {
        return server.port();
    }

    public String password() {
        return server.password();
    }

    /** Runs fixed test DDL as superuser; names come from the tests, never from input. */
    public void execute(String database, String sql) {
        ConnectionSettings settings = direct(database);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.driverProperties());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (pooler != null) {
            pooler.close();
        }
        server.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
