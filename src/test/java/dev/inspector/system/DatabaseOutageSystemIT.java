package dev.inspector.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.persistence.ConnectionSettings;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.Migrations;
import dev.inspector.persistence.embedded.DataDirectory;
import dev.inspector.persistence.embedded.Durability;
import dev.inspector.persistence.embedded.EmbeddedDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under every headless command, many times: the postmaster is killed
 * (SIGKILL) or shut down fast (SIGINT) at a random moment while a separate console process runs.
 * Every run must end in one sentence and a documented exit status, never a stack trace; after the
 * server is back, the change history and the data agree row for row (no write half done).
 * Rounds: -Dinspector.outage.rounds (default 20; each takes up to the 8 s a command waits for the database).
 */
class DatabaseOutageSystemIT {

    private static final Set<Integer> DOCUMENTED = Set.of(0, 1, 2, 4, 5);
    private static final List<List<String>> COMMANDS = List.of(
            List.of("kill", "live_tracking_map", "--reason", "outage test"),
            List.of("restore", "live_tracking_map"),
            List.of("matrix", "--csv", "-"),
            List.of("killswitch", "TRIP", "customer_portal", "--reason", "outage test"),
            List.of("explain", "--tenant", "Prairie Line", "--flag", "fuel_card_sync"),
            List.of("kill", "document_scanning", "--option", "CHANNELS_OFF", "--reason", "outage test"),
            List.of("audit", "--checks", "SCHEMA,DATA,CROSS_TENANT_READ"),
            List.of("restore", "customer_portal", "--all"),
            List.of("kill", "multi_stop_loads", "--option", "OVERRIDE_ALL_OFF", "--reason", "outage test"),
            List.of("restore", "document_scanning"),
            List.of("grant", "--tenant", "Northwind", "--all-members", "--flag", "document_scanning", "--reason", "outage test"),
            List.of("move-tenant", "Prairie Line", "--channel", "pilot", "--reason", "outage test"),
            List.of("kill", "carrier_payments", "--dry-run", "--reason", "outage test"),
            List.of("revoke", "--tenant", "Northwind", "--all-members", "--flag", "document_scanning", "--reason", "outage test"));

    @TempDir
    Path dir;

    @Test
    void everyCommandEndsInOneSentenceAndADocumentedStatusAndNothingIsHalfWritten() throws Exception {
        int rounds = Integer.getInteger("inspector.outage.rounds", 20);
        Random random = new Random(20261202);
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        Map<Integer, Integer> exits = new TreeMap<>();
        Map<Integer, String> sentences = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        EmbeddedDatabase server = EmbeddedDatabase.start(data, Durability.THROWAWAY, m -> { });
        try {
            try (Database db = Database.open(settings(server))) {
                Migrations.installDemo(db.dataSource(), db.dsl());
                Migrations.migrateInspectorSchema(db.dataSource());
            }
            for (int round = 0; round < rounds; round++) {
                List<String> command = COMMANDS.get(round % COMMANDS.size());
                Process console = start(server, command);
                Thread.sleep(200 + random.nextInt(2600)); // from JVM start-up to well into the work
                stop(server, round % 2 == 0);
                if (!console.waitFor(90, TimeUnit.SECONDS)) {
                    console.destroyForcibly();
                    failures.add("round " + round + " " + command + ": hung after the database went away");
                    continue;
                }
                int exit = console.exitValue();
                exits.merge(exit, 1, Integer::sum);
                String err = new String(console.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                sentences.putIfAbsent(exit, command.get(0) + ": " + err.strip());
                if (!DOCUMENTED.contains(exit) || err.contains("Exception") || err.contains("\tat ")
                        || err.strip().lines().count() > 3) {
                    failures.add("round " + round + " " + command + ": exit " + exit + "\n" + err);
                }
                server.close();
                server = EmbeddedDatabase.start(data, Durability.THROWAWAY, m -> { });
                String disagreement = historyAndDataDisagree(server);
                if (!disagreement.isEmpty()) {
                    failures.add("round " + round + " " + command + ": " + disagreement);
                }
            }
        } finally {
            server.close();
        }
        System.out.println("Outage rounds " + rounds + ", exit statuses " + exits);
        sentences.forEach((exit, sentence) -> System.out.println("  exit " + exit + ", e.g. " + sentence));
        assertThat(failures).isEmpty();
        assertThat(exits.keySet()).as("the database really went away under some commands").contains(4);
    }

    private static ConnectionSettings settings(EmbeddedDatabase server) {
        return new ConnectionSettings(server.jdbcUrl(), server.user(), server.password(), "outage", true);
    }

    private static Process start(EmbeddedDatabase server, List<String> command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.inspector.app.Main"));
        line.addAll(command);
        line.add("--db-url=" + server.jdbcUrl());
        line.add("-q");
        ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PGUSER", server.user());
        builder.environment().put("PGPASSWORD", server.password());
        return builder.start();
    }

    /** Kills the postmaster (SIGKILL) or asks it to stop at once (SIGINT, a fast shutdown). */
    private static void stop(EmbeddedDatabase server, boolean kill) throws Exception {
        Path pidFile = server.directory().pgData().resolve("postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        new ProcessBuilder("kill", kill ? "-KILL" : "-INT", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    /**
     * For every row Inspector ever wrote, its latest recorded after-image is what the table holds
     * (or the row is gone where the image says deleted), and no recorded change is without rows.
     */
    private static String historyAndDataDisagree(EmbeddedDatabase server) {
        try (Database db = Database.open(settings(server))) {
            Object empty = db.dsl().fetchValue("SELECT count(*) FROM inspector.change_set s WHERE NOT EXISTS "
                    + "(SELECT 1 FROM inspector.change_entry e WHERE e.change_set_id = s.id)");
            Object differing = db.dsl().fetchValue("""
                    WITH latest AS (
                      SELECT DISTINCT ON (table_name, row_key) table_name, row_key, before_value, after_value
                      FROM inspector.change_entry ORDER BY table_name, row_key, id DESC)
                    SELECT count(*) FROM latest l WHERE CASE l.table_name
                      WHEN 'feature_flags' THEN NOT EXISTS (SELECT 1 FROM public.feature_flags r
                           WHERE r.id::text = coalesce(l.after_value, l.before_value) ->> 'id' AND to_jsonb(r) @> l.after_value)
                      WHEN 'release_channel_feature_flags' THEN
                           (l.after_value IS NULL) <> NOT EXISTS (SELECT 1 FROM public.release_channel_feature_flags r
                              WHERE r.feature_flag_id::text = coalesce(l.after_value, l.before_value) ->> 'feature_flag_id'
                                AND r.release_channel = coalesce(l.after_value, l.before_value) ->> 'release_channel')
                           OR l.after_value IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.release_channel_feature_flags r
                              WHERE to_jsonb(r) @> l.after_value)
                      WHEN 'tenant_feature_flags' THEN
                           (l.after_value IS NULL) <> NOT EXISTS (SELECT 1 FROM public.tenant_feature_flags r
                              WHERE r.tenant_id::text = coalesce(l.after_value, l.before_value) ->> 'tenant_id'
                                AND r.feature_flag_id::text = coalesce(l.after_value, l.before_value) ->> 'feature_flag_id')
                           OR l.after_value IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.tenant_feature_flags r
                              WHERE to_jsonb(r) @> l.after_value)
                      WHEN 'tenant_feature_access' THEN
                           (l.after_value IS NULL) <> NOT EXISTS (SELECT 1 FROM public.tenant_feature_access r
                              WHERE r.tenant_id::text = coalesce(l.after_value, l.before_value) ->> 'tenant_id'
                                AND r.user_id::text = coalesce(l.after_value, l.before_value) ->> 'user_id'
                                AND r.feature_key = coalesce(l.after_value, l.before_value) ->> 'feature_key')
                           OR l.after_value IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.tenant_feature_access r
                              WHERE to_jsonb(r) @> l.after_value)
                      WHEN 'tenants' THEN NOT EXISTS (SELECT 1 FROM public.tenants r
                           WHERE r.id::text = coalesce(l.after_value, l.before_value) ->> 'id' AND to_jsonb(r) @> l.after_value)
                      ELSE false END
                    """);
            long emptyChanges = ((Number) empty).longValue();
            long differingRows = ((Number) differing).longValue();
            return emptyChanges == 0 && differingRows == 0 ? ""
                    : emptyChanges + " change(s) without rows, " + differingRows + " row(s) unlike their last recorded image";
        }
    }
}
