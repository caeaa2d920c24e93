package dev.inspector.service;

import dev.inspector.domain.ConnectionInfo;
import dev.inspector.domain.SchemaReport;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.embedded.EmbeddedDatabase;
import java.util.Optional;

/**
 * An open connection with everything built on it. Closing it closes the pool and, for the embedded
 * database, stops the server.
 */
public final class Session implements AutoCloseable {

    private final Database database;
    private final EmbeddedDatabase embedded;
    private final ConnectionInfo info;
    private final SchemaReport schema;
    private final ReleaseControlService releaseControl;
    private final GateService gates;

    Session(Database database, EmbeddedDatabase embedded, ConnectionInfo info, SchemaReport schema) {
        this.database = database;
        this.embedded = embedded;
        this.info = info;
        this.schema = schema;
        this.releaseControl = new ReleaseControlService(database, schema);
        this.gates = new GateService(database, schema);
    }

    public ConnectionInfo info() {
        return info;
    }

    public SchemaReport schema() {
        return schema;
    }

    public ReleaseControlService releaseControl() {
        return releaseControl;
    }

    public GateService gates() {
        return gates;
    }

    public Database database() {
        return database;
    }

    public Optional<EmbeddedDatabase> embedded() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
