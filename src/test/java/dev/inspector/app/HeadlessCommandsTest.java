package dev.inspector.app;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import dev.inspector.testing.Locks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.service.report.SpreadsheetSafe;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** explain and matrix run as an admin would run them, against a real database given by --db-url. */
@ExtendWith(PostgresExtension.class)
@ResourceLock(value = Locks.ROLES, mode = ResourceAccessMode.READ)
class HeadlessCommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(TestDatabase db, String... args) {
        Map<String, String> env = Map.of("PGUSER", db.settings().user(), "PGPASSWORD", db.settings().password());
        String[] all = new String[args.length + 1];
        all[0] = args[0];
        all[1] = "--db-url=" + db.settings().jdbcUrl();
        System.arraycopy(args, 1, all, 2, args.length - 1);
        return InspectorCommand.commandLine(env, "/nonexistent")
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all);
    }

    @Test
    void explainShowsATrippedKillswitchBlockingDespiteAnOverride(TestDatabase db) {
        int exit = run(db, "explain", "--tenant", "Prairie Line", "--flag", "fuel_card_sync", "-q");

        assertThat(exit).as("blocked; " + err).isEqualTo(1);
        assertThat(out.toString())
                .as(err.toString()).contains("Tenant  Prairie Line Trucking")
                .contains("Server gate: BLOCKED  reason KILLSWITCH_TRIPPED, OpenFeature DISABLED")
                .containsPattern("3\\. Killswitch .*<- decided");
    }

    @Test
    void explainRunsTheUiGateForAUserGivenByEmail(TestDatabase db) {
        int exit = run(db, "explain", "--tenant", "00000000-0000-0000-0000-000000000003",
                "--user", "grace.whitfield@northwind-freight.example", "--flag", "advanced_analytics", "-q");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("Server gate: ON")
                .contains("UI gate: ON  reason USER_GRANT, OpenFeature TARGETING_MATCH")
                .contains("pilot     server ON");
    }

    @Test
    void explainNamesAmbiguousAndUnknownInputInsteadOfGuessing(TestDatabase db) {
        int exit = run(db, "explain", "--tenant", "a", "--flag", "dark_mode", "-q");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("matches several tenants").contains("Give the id.");

        err.getBuffer().setLength(0);
        assertThat(run(db, "explain", "--tenant", "Talbi", "--user", "nobody@example.test", "--flag", "dark_mode", "-q"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("No user has the e-mail nobody@example.test.");
    }

    @Test
    void matrixWritesEveryTenantAndFlagAsCsv(TestDatabase db, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("matrix.csv");

        int exit = run(db, "matrix", "--csv", file.toString(), "-q");

        assertThat(exit).as(err.toString()).isZero();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8)).getRecords();
        assertThat(rows).hasSize(10 * 15);
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly(dev.inspector.service.report.MatrixCsv.HEADER.split(","));
        assertThat(rows).filteredOn(r -> r.get("flag_key").equals("fuel_card_sync"))
                .allSatisfy(r -> assertThat(r.get("enabled") + "/" + r.get("reason")).isEqualTo("false/KILLSWITCH"));
        assertThat(rows).filteredOn(r -> r.get("tenant_name").equals("Talbi Logistics LLC")
                        && r.get("flag_key").equals("detention_billing"))
                .singleElement().satisfies(r -> assertThat(r.get("reason")).isEqualTo("GLOBAL_DEFAULT"));
    }

    @Test
    void matrixFiltersByFlagAndChannelAndRejectsUnknownFlags(TestDatabase db, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("pilot.csv");

        assertThat(run(db, "matrix", "--flag", "ai_load_matching", "--channel", "pilot", "--csv", file.toString(), "-q"))
                .isZero();
        assertThat(Files.readAllLines(file)).containsExactly(dev.inspector.service.report.MatrixCsv.HEADER,
                "00000000-0000-0000-0000-000000000002,Talbi Logistics LLC,pilot,ai_load_matching,true,CHANNEL_DEFAULT");

        assertThat(run(db, "matrix", "--flag", "no_such_flag", "--csv", file.toString(), "-q")).isEqualTo(2);
        assertThat(err.toString()).contains("No flag has the key 'no_such_flag'.");
    }

    @Test
    void killAndRestoreFromATerminal(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo()) {
            int exit = run(db, "kill", "live_tracking_map", "--reason", "tiles leak", "-q");

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).contains("live_tracking_map: Trip the killswitch. The feature was on for 10 tenant(s), now for 0.");
            out.getBuffer().setLength(0);

            assertThat(run(db, "restore", "live_tracking_map", "-q")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("restored the state before change").contains("\"tiles leak\"");
            out.getBuffer().setLength(0);
            assertThat(run(db, "explain", "--tenant", "Talbi", "--flag", "live_tracking_map", "-q")).isZero();

            out.getBuffer().setLength(0);
            assertThat(run(db, "restore", "live_tracking_map", "-q")).as("nothing left: a no").isEqualTo(1);
            assertThat(out.toString()).contains("has no rollback left to restore: nothing changed.");
        }
    }

    @Test
    void theKillswitchLifecycleFromATerminal(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo()) {
            assertThat(run(db, "killswitch", "untrip", "fuel_card_sync", "--reason", "provider fixed", "-q"))
                    .as(err.toString()).isZero();
            assertThat(out.toString()).startsWith("fuel_card_sync: Un-trip done. Change ");
            out.getBuffer().setLength(0);
            assertThat(run(db, "killswitch", "UNTRIP", "fuel_card_sync", "--reason", "again", "-q")).isZero();
            assertThat(out.toString().strip()).isEqualTo("fuel_card_sync is not tripped: nothing changed.");

            err.getBuffer().setLength(0);
            assertThat(run(db, "killswitch", "arm", "live_tracking_map", "--reason", "x", "-q")).isEqualTo(2);
            assertThat(err.toString()).startsWith("Arming live_tracking_map needs its global default on");
            assertThat(run(db, "explain", "--tenant", "Prairie Line", "--flag", "fuel_card_sync", "-q")).isZero();
        }
    }

    @Test
    void killNeedsAReasonAndAKnownFlag(TestDatabase db) {
        assertThat(run(db, "kill", "live_tracking_map", "-q")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--reason=<reason>'");
        assertThat(run(db, "kill", "nope_flag", "--reason", "x", "-q")).isEqualTo(2);
        assertThat(err.toString()).contains("No flag has the key 'nope_flag'.");
    }

    @Test
    void auditFailsThePipelineOnTheDemoFlawsAndPassesOnceTheyAreFixed(TestPostgres postgres, @TempDir Path dir)
            throws Exception {
        try (TestDatabase db = postgres.cloneDemo()) {
            Path csv = dir.resolve("audit.csv");
            assertThat(run(db, "audit", "--tenant", "Talbi Logistics LLC", "--csv", csv.toString(), "-q"))
                    .as(err.toString()).isEqualTo(1);
            assertThat(out.toString()).contains("CRITICAL 3", "[CRITICAL] RLS-DISABLED public.drivers",
                    "impersonating: Talbi Logistics LLC");
            assertThat(Files.readAllLines(csv).get(0)).isEqualTo(String.join(",", dev.inspector.service.report.AuditCsv.COLUMNS));

            db.execute("DELETE FROM public.customers WHERE tenant_id IS NULL");
            db.execute("ALTER TABLE public.drivers ENABLE ROW LEVEL SECURITY");
            db.execute("CREATE POLICY d ON public.drivers TO authenticated USING (tenant_id = auth.tenant_id()) "
                    + "WITH CHECK (tenant_id = auth.tenant_id())");
            out.getBuffer().setLength(0);
            assertThat(run(db, "audit", "--checks", "SCHEMA,DATA,CROSS_TENANT_READ,CROSS_TENANT_WRITE", "-q"))
                    .as(out.toString()).isZero();
            assertThat(out.toString()).contains("CRITICAL 0", "HIGH     0", "fixed");
            assertThat(run(db, "audit", "--fail-on", "MEDIUM", "--checks", "SCHEMA", "-q"))
                    .as("nullable tenant columns are medium").isEqualTo(1);
        }
    }

    @Test
    void spreadsheetFormulasInNamesAreDefused() {
        assertThat(SpreadsheetSafe.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(SpreadsheetSafe.cell("@SUM(A1)")).startsWith("'");
        assertThat(SpreadsheetSafe.cell("-1+1")).startsWith("'");
        assertThat(SpreadsheetSafe.cell("Talbi Logistics LLC")).isEqualTo("Talbi Logistics LLC");
    }
}
