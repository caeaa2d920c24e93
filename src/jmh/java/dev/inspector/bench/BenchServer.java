package dev.inspector.bench;

import dev.inspector.persistence.ConnectionSettings;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.Migrations;
import dev.inspector.persistence.embedded.DataDirectory;
import dev.inspector.persistence.embedded.Durability;
import dev.inspector.persistence.embedded.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throwaway embedded PostgreSQL 16 with the demo (the SaaS schema, its roles and auth functions)
 * in a temporary directory that is deleted again on close.
 */
final class BenchServer implements AutoCloseable {

    private final Path directory;
    private final EmbeddedDatabase server;
    private final Database database;

    private BenchServer(Path directory, EmbeddedDatabase server, Database database) {
        this.directory = directory;
        this.server = server;
        this.database = database;
    }

    static BenchServer startWithDemo(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        EmbeddedDatabase server = EmbeddedDatabase.start(new DataDirectory(directory), Durability.THROWAWAY, message -> { });
        Database database = Database.open(new ConnectionSettings(server.jdbcUrl(), server.user(), server.password(),
                "bench", true));
        Migrations.installDemo(database.dataSource(), database.dsl());
        Migrations.migrateInspectorSchema(database.dataSource());
        return new BenchServer(directory, server, database);
    }

    Database database() {
        return database;
    }

    @Override
    public void close() throws IOException {
        try {
            database.close();
        } finally {
            server.close();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
