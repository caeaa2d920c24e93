package dev.inspector.testing;

import dev.inspector.persistence.ConnectionSettings;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.SchemaCheck;
import dev.inspector.service.FlagCommands;
import dev.inspector.service.RestoreCommands;
import dev.inspector.service.DatabaseTarget;
import org.jooq.DSLContext;

/** A database of its own for one test class. */
public final class TestDatabase implements AutoCloseable {

    private final TestPostgres server;
    private final String name;
    private Database database;

    TestDatabase(TestPostgres server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public ConnectionSettings settings() {
        return server.settings(name);
    }

    /** The server itself, never through the pooler of a system run: for roles a pooler's user list does not know. */
    public ConnectionSettings directSettings() {
        return server.direct(name);
    }

    public DatabaseTarget target() {
        return new DatabaseTarget.External(settings(), false);
    }

    /** A pooled connection, opened on first use and closed with this object. */
    public synchronized Database database() {
        if (database == null) {
            database = Database.open(settings());
        }
        return database;
    }

    public DSLContext dsl() {
        return database().dsl();
    }

    /** Release Control writes on this database as the given operating-system user (its own console). */
    public FlagCommands commands(String osUser) {
        return new FlagCommands(database(), SchemaCheck.check(dsl()), osUser, "console-" + osUser);
    }

    /** Restores on this database as the given operating-system user. */
    public RestoreCommands restores(String osUser) {
        return new RestoreCommands(database(), osUser, "console-" + osUser);
    }

    /** Runs a SQL script from the test resources as superuser. */
    public void runScript(String resource) {
        try (var in = TestDatabase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            execute(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public void execute(String sql) {
        server.execute(name, sql);
    }

    public TestPostgres server() {
        return server;
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
