package dev.inspector.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inspector.domain.failure.DatabaseException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void runsDurablyWithFsyncAndSynchronousCommitOn() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(new DataDirectory(dir), m -> { })) {
            assertThat(show(db, "fsync")).isEqualTo("on");
            assertThat(show(db, "synchronous_commit")).isEqualTo("on");
            assertThat(show(db, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void refusesConnectionsWithoutThePasswordOnlyItsOwnerCanRead() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(new DataDirectory(dir), m -> { })) {
            Properties noPassword = new Properties();
            noPassword.setProperty("user", "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), noPassword).close())
                    .isInstanceOf(SQLException.class);
            Properties wrong = new Properties();
            wrong.setProperty("user", "postgres");
            wrong.setProperty("password", "guess");
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), wrong).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThat(Files.readAllLines(dir.resolve("pgdata/pg_hba.conf")))
                    .filteredOn(l -> l.startsWith("host") || l.startsWith("local"))
                    .allMatch(l -> l.endsWith("scram-sha-256"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("db-password"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void keepsDataAcrossRestartsAndReusesThePassword() throws Exception {
        DataDirectory directory = new DataDirectory(dir);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(directory, m -> { })) {
            sql(db, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
        }
        List<String> progress = new ArrayList<>();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(directory, progress::add)) {
            assertThat(query(db, "SELECT v FROM kept")).isEqualTo("42");
        }
        assertThat(progress).anyMatch(m -> m.startsWith("Starting the embedded database"));
    }

    @Test
    void aSecondConsoleOnTheSameDirectoryIsToldPlainly() throws Exception {
        DataDirectory directory = new DataDirectory(dir);
        try (EmbeddedDatabase first = EmbeddedDatabase.start(directory, m -> { })) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(directory, m -> { }))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("Another Inspector console is already using");
            assertThat(first.port()).isPositive();
            try (EmbeddedDatabase shared = EmbeddedDatabase.start(directory, Durability.DURABLE, m -> { }, true)) {
                assertThat(shared.owner()).as("a command shares the running server").isFalse();
                assertThat(shared.port()).isEqualTo(first.port());
                assertThat(show(shared, "fsync")).isEqualTo("on");
            }
            assertThat(show(first, "fsync")).as("closing the sharer leaves the server running").isEqualTo("on");
        }
        assertThat(directory.portFile()).as("the owner removes the port file when it stops").doesNotExist();
    }

    @Test
    void stopsThePostmasterOrphanedByAConsoleKilledWithSigkill() throws Exception {
        // A real second JVM starts the database and is then killed with SIGKILL, as `kill -9` would.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process console = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StartAndWait.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                // skip the child's log lines
            }
            assertThat(line).as("child console started its database").startsWith("READY");
        }
        console.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long orphanPid = Long.parseLong(Files.readAllLines(dir.resolve("pgdata/postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        List<String> progress = new ArrayList<>();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(new DataDirectory(dir), progress::add)) {
            assertThat(query(db, "SELECT 1")).isEqualTo("1");
        }
        assertThat(progress).anyMatch(m -> m.contains("left running by an earlier console (pid " + orphanPid + ")"));
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    /** The child console of the SIGKILL test. */
    public static final class StartAndWait {
        public static void main(String[] args) throws Exception {
            EmbeddedDatabase.start(new DataDirectory(Path.of(args[0])), m -> { });
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    private static String show(EmbeddedDatabase db, String setting) throws SQLException {
        return query(db, "SHOW " + setting);
    }

    private static Connection connect(EmbeddedDatabase db) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        return DriverManager.getConnection(db.jdbcUrl(), props);
    }

    private static String query(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void sql(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
