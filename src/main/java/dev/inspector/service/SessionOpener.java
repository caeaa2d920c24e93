package dev.inspector.service;

import dev.inspector.domain.ConnectionInfo;
import dev.inspector.domain.SchemaReport;
import dev.inspector.persistence.ConnectionSettings;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.Migrations;
import dev.inspector.persistence.SchemaCheck;
import dev.inspector.persistence.ServerInfoQuery;
import dev.inspector.persistence.embedded.EmbeddedDatabase;
import java.util.Optional;
import java.util.function.Consumer;

/** Opens a {@link Session}: starts or reaches the database, migrates, and checks the schema. */
public final class SessionOpener {

    public Session open(DatabaseTarget target, Consumer<String> progress) {
        if (target instanceof DatabaseTarget.Embedded embeddedTarget) {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(embeddedTarget.directory(),
                    dev.inspector.persistence.embedded.Durability.DURABLE, progress, embeddedTarget.shareRunning());
            try {
                ConnectionSettings settings = new ConnectionSettings(embedded.jdbcUrl(), embedded.user(),
                        embedded.password(), "embedded demo", true);
                // a shared server already has the demo; installing it again is for the console that owns it
                return prepare(settings, embedded, embedded.owner(), progress);
            } catch (RuntimeException e) {
                embedded.close();
                throw e;
            }
        }
        DatabaseTarget.External external = (DatabaseTarget.External) target;
        return prepare(external.settings(), null, external.initDemo(), progress);
    }

    private Session prepare(ConnectionSettings settings, EmbeddedDatabase embedded, boolean demo,
                            Consumer<String> progress) {
        progress.accept("Connecting to " + (settings.embedded() ? "the embedded database" : settings.label()) + "…");
        Database database = Database.open(settings);
        try {
            if (demo) {
                progress.accept("Installing the demo schema and data…");
                Migrations.installDemo(database.dataSource(), database.dsl());
            }
            progress.accept("Checking the console's own schema…");
            Optional<String> noHistory = Migrations.prepareInspectorSchema(database.dataSource(), database.dsl());
            progress.accept("Checking the schema…");
            SchemaReport schema = SchemaCheck.check(database.dsl()).withoutConsoleSchema(noHistory);
            ConnectionInfo info = ServerInfoQuery.read(database.dsl(), settings);
            return new Session(database, embedded, info, schema);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }
}
