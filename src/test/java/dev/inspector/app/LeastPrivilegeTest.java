package dev.inspector.app;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import dev.inspector.testing.Locks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The roles of docs/inspector-roles.sql (the README's script), on the demo: the admin (not a
 * superuser) does everything and owns the console's schema; a reader reads and is refused every
 * change in one sentence; an operator changes flags but cannot impersonate; a role with no
 * privilege is told what it lacks. A refused command writes nothing.
 */
@ExtendWith(PostgresExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(value = Locks.ROLES, mode = ResourceAccessMode.READ_WRITE)
class LeastPrivilegeTest {

    private static TestDatabase db;
    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void roles(TestPostgres postgres) throws Exception {
        db = postgres.cloneDemo();
        db.execute("DROP SCHEMA inspector CASCADE"); // the admin creates and owns it, as in a real database
        db.execute(Files.readString(Path.of("docs", "inspector-roles.sql")));
        db.execute("""
                ALTER ROLE inspector_admin PASSWORD 'admin-secret';
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lp_reader') THEN
                    CREATE ROLE lp_reader LOGIN PASSWORD 'reader-secret' IN ROLE inspector_reader;
                    CREATE ROLE lp_operator LOGIN PASSWORD 'operator-secret' IN ROLE inspector_operator;
                    CREATE ROLE lp_nobody LOGIN PASSWORD 'nobody-secret';
                  END IF;
                END
                $$;
                """);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private int as(String role, String password, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        // roles of their own: straight to the server (a pooler's user list knows only the test superuser)
        all[args.length] = "--db-url=" + db.directSettings().jdbcUrl();
        all[args.length + 1] = "-q";
        return InspectorCommand.commandLine(Map.of("PGUSER", role, "PGPASSWORD", password), "/nonexistent")
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all);
    }

    private long changes() {
        return ((Number) db.dsl().fetchValue("SELECT count(*) FROM inspector.change_set")).longValue();
    }

    private long lastChange() {
        return ((Number) db.dsl().fetchValue("SELECT max(id) FROM inspector.change_set")).longValue();
    }

    private boolean killed(String flag) {
        return (Boolean) db.dsl().fetchValue(org.jooq.impl.DSL.field(
                "(SELECT is_killswitch AND NOT default_enabled FROM public.feature_flags WHERE key = {0})", Boolean.class,
                org.jooq.impl.DSL.val(flag)));
    }

    @Test
    @Order(1)
    void theAdminWhoIsNoSuperuserCreatesTheConsoleSchemaAndDoesEverything() {
        assertThat(as("inspector_admin", "admin-secret", "matrix", "--flag", "dark_mode", "--csv", "-")).as(err.toString()).isZero();
        assertThat(db.dsl().fetchValue("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'inspector'"))
                .isEqualTo("inspector_admin");
        assertThat(as("inspector_admin", "admin-secret", "kill", "live_tracking_map", "--reason", "incident")).as(err.toString())
                .isZero();
        assertThat(as("inspector_admin", "admin-secret", "restore", "live_tracking_map")).as(err.toString()).isZero();
        assertThat(as("inspector_admin", "admin-secret", "audit", "--tenant", "Talbi Logistics LLC")).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("Audit run ").contains("Covered: 8 tenant relations, 1 tenant impersonated")
                .contains("[CRITICAL] RLS-DISABLED public.drivers");
    }

    @Test
    @Order(2)
    void aReaderReadsAndIsRefusedEveryChangeInOneSentenceWithNothingWritten() {
        assertThat(as("lp_reader", "reader-secret", "matrix", "--flag", "dark_mode", "--csv", "-")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("dark_mode");
        assertThat(as("lp_reader", "reader-secret", "explain", "--tenant", "Prairie Line", "--flag", "fuel_card_sync"))
                .as(err.toString()).isEqualTo(1);

        long before = changes();
        assertThat(as("lp_reader", "reader-secret", "kill", "customer_portal", "--reason", "incident")).isEqualTo(4);
        assertThat(err.toString().strip()).isEqualTo("Role 'lp_reader' may not change public.feature_flags (it lacks INSERT, "
                + "UPDATE) and the console's own schema (it lacks INSERT); the killswitch needs more privileges. Nothing was written.");
        assertThat(changes()).isEqualTo(before);
        assertThat(killed("customer_portal")).isFalse();

        assertThat(as("lp_reader", "reader-secret", "audit", "--checks", "SCHEMA,DATA")).isEqualTo(1);
        assertThat(out.toString()).startsWith("Audit (not saved: this role may not write the console's schema)")
                .contains("RLS-DISABLED public.drivers");
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    @Order(3)
    void anOperatorChangesFlagsButCannotImpersonateSoItsAuditIsIncomplete() {
        long before = changes();
        assertThat(as("lp_operator", "operator-secret", "kill", "customer_portal", "--reason", "incident")).as(err.toString()).isZero();
        assertThat(changes()).isEqualTo(before + 1);
        assertThat(as("lp_operator", "operator-secret", "restore", "customer_portal")).as(err.toString()).isZero();

        // the demo's profiles have row level security: an operator sees no directory and is told so
        assertThat(as("lp_operator", "operator-secret", "grant", "--tenant", "Northwind", "--all-members",
                "--flag", "document_scanning", "--reason", "premium for all")).isEqualTo(2);
        assertThat(err.toString()).contains("The connected role sees nobody in public.profiles");
        // the script's column privilege on tenants is enough to move a tenant and to restore it
        assertThat(as("lp_operator", "operator-secret", "move-tenant", "Prairie Line", "--channel", "pilot",
                "--reason", "pilot tenant")).as(err.toString()).isZero();
        long moved = changes();
        assertThat(as("lp_operator", "operator-secret", "restore", "--change", String.valueOf(lastChange()),
                "--reason", "pilot postponed")).as(err.toString()).isZero();
        assertThat(changes()).isEqualTo(moved + 1);

        assertThat(as("lp_operator", "operator-secret", "audit")).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("The audit is incomplete: the connected role may not read 4 tenant tables")
                .contains("nobody could be impersonated: the connected role may not SET ROLE authenticated "
                        + "(GRANT authenticated TO the auditing role)");
    }

    @Test
    @Order(4)
    void aRoleWithoutPrivilegesIsToldWhatItLacksAndWritesNothing() {
        long before = changes();
        assertThat(as("lp_nobody", "nobody-secret", "matrix", "--csv", "-")).as(err.toString()).isEqualTo(4);
        assertThat(err.toString().strip()).contains("does not let this role read").doesNotContain("Exception");
        assertThat(as("lp_nobody", "nobody-secret", "kill", "dark_mode", "--reason", "x")).isIn(2, 4);
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
        assertThat(changes()).isEqualTo(before);
    }
}
