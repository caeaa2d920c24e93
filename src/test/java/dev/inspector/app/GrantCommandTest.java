package dev.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.testing.Cli;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code inspector grant} and {@code revoke} on a real database: one recorded change per command,
 * restorable to exactly what was there, revokes keeping the row, bad input refused before anything
 * is written — on the demo and on a database with only the reference document's tables.
 */
@ExtendWith(PostgresExtension.class)
class GrantCommandTest {

    static final String NORTHWIND = "00000000-0000-0000-0000-000000000003";
    static final String GRACE = "00000000-0000-0000-0001-000000000009";
    static final String GRACE_EMAIL = "grace.whitfield@northwind-freight.example";

    @Test
    void aGrantIsOneRecordedChangeTheUiGateFollowsAndARestoreTakesItBack(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo()) {
            Cli cli = new Cli(db);
            cli.run("explain", "--tenant", NORTHWIND, "--user", GRACE_EMAIL, "--flag", "carrier_payments", "-q");
            assertThat(cli.out()).as("no grant yet: the UI gate blocks her").contains("UI gate: BLOCKED  reason NO_USER_GRANT");
            String before = grants(db);
            int changes = changeSets(db);

            int exit = cli.run("grant", "--tenant", "Northwind", "--user", GRACE_EMAIL, "--flag", "carrier_payments",
                    "--reason", "premium trial for Grace", "-q");

            assertThat(exit).as(cli.err()).isZero();
            assertThat(cli.out()).matches("Granted carrier_payments to 1 user of Northwind Freight Co\\.; change \\d+\\.\\s*");
            assertThat(changeSets(db)).isEqualTo(changes + 1);
            assertThat(db.dsl().fetchValue("SELECT is_enabled FROM public.tenant_feature_access WHERE tenant_id = '"
                    + NORTHWIND + "' AND user_id = '" + GRACE + "' AND feature_key = 'carrier_payments'")).isEqualTo(true);
            assertThat(db.dsl().fetchValue("SELECT action || ': ' || reason FROM inspector.change_set "
                    + "ORDER BY id DESC LIMIT 1")).isEqualTo("grant: premium trial for Grace");
            assertThat(db.dsl().fetchValue("SELECT user_id::text FROM inspector.change_entry ORDER BY id DESC LIMIT 1"))
                    .as("the history links the change to the user").isEqualTo(GRACE);
            cli.run("explain", "--tenant", NORTHWIND, "--user", GRACE_EMAIL, "--flag", "carrier_payments", "-q");
            assertThat(cli.out()).contains("UI gate: ON  reason USER_GRANT");

            long change = ((Number) db.dsl().fetchValue("SELECT max(id) FROM inspector.change_set")).longValue();
            assertThat(cli.run("restore", "--change", String.valueOf(change), "--reason", "trial cancelled", "-q"))
                    .as(cli.err()).isZero();
            assertThat(grants(db)).as("exactly what was there").isEqualTo(before);
        }
    }

    @Test
    void aRevokeKeepsTheRowDisabledAndRevokingAgainChangesNothing(TestDatabase db) {
        Cli cli = new Cli(db);
        int exit = cli.run("revoke", "--tenant", NORTHWIND, "--user", GRACE, "--flag", "advanced_analytics",
                "--reason", "left the analytics team", "-q");
        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Revoked advanced_analytics from 1 user of Northwind Freight Co.");
        assertThat(db.dsl().fetchValue("SELECT count(*) FROM public.tenant_feature_access WHERE user_id = '" + GRACE
                + "' AND feature_key = 'advanced_analytics' AND NOT is_enabled")).isEqualTo(1L);
        int changes = changeSets(db);

        assertThat(cli.run("revoke", "--tenant", NORTHWIND, "--user", GRACE, "--flag", "advanced_analytics",
                "--reason", "again", "-q")).isZero();
        assertThat(cli.out()).contains("nothing changed");
        assertThat(changeSets(db)).as("nothing to record").isEqualTo(changes);

        String rows = grants(db);
        assertThat(cli.run("revoke", "--tenant", NORTHWIND, "--all-members", "--flag", "eld_hos_dashboard",
                "--reason", "nobody had it", "-q")).isZero();
        assertThat(cli.out()).as("no rows are added to take away what nobody had").contains("nothing changed");
        assertThat(grants(db)).isEqualTo(rows);
    }

    @Test
    void everyMemberAtOnceIsOneChange(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo()) {
            Cli cli = new Cli(db);
            long members = ((Number) db.dsl().fetchValue("SELECT count(*) FROM public.profiles WHERE tenant_id = '"
                    + NORTHWIND + "'")).longValue();
            int changes = changeSets(db);

            assertThat(cli.run("grant", "--tenant", NORTHWIND, "--all-members", "--flag", "document_scanning",
                    "--reason", "rolled out to the whole customer", "-q")).as(cli.err()).isZero();

            assertThat(changeSets(db)).isEqualTo(changes + 1);
            assertThat(db.dsl().fetchValue("SELECT count(*) FROM public.tenant_feature_access WHERE tenant_id = '"
                    + NORTHWIND + "' AND feature_key = 'document_scanning' AND is_enabled")).isEqualTo(members);
            assertThat(members).isGreaterThan(1);
        }
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWritten(TestDatabase db) {
        Cli cli = new Cli(db);
        int changes = changeSets(db);
        String grantsBefore = grants(db);

        assertThat(cli.run("grant", "--tenant", NORTHWIND, "--user", GRACE, "--flag", "no_such_flag", "--reason", "x"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("No flag has the key 'no_such_flag'.");
        assertThat(cli.run("grant", "--tenant", NORTHWIND, "--user", "00000000-0000-0000-0001-000000000001",
                "--flag", "carrier_payments", "--reason", "x")).isEqualTo(2);
        assertThat(cli.err()).contains("is not a member of Northwind Freight Co.");
        assertThat(cli.run("grant", "--tenant", NORTHWIND, "--user", GRACE, "--flag", "carrier_payments", "--reason", " "))
                .isEqualTo(2);
        assertThat(cli.run("grant", "--tenant", NORTHWIND, "--user", GRACE, "--all-members", "--flag", "carrier_payments",
                "--reason", "x")).as("one or the other").isEqualTo(2);
        assertThat(cli.run("grant", "--tenant", "nobody", "--user", GRACE, "--flag", "carrier_payments", "--reason", "x"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("No tenant is named like 'nobody'.");

        assertThat(changeSets(db)).isEqualTo(changes);
        assertThat(grants(db)).isEqualTo(grantsBefore);
    }

    @Test
    void onTheReferenceTablesAloneUsersAreNamedById(TestPostgres postgres) {
        try (TestDatabase db = postgres.createReference()) {
            Cli cli = new Cli(db);
            String acme = "10000000-0000-0000-0000-000000000003";
            String user = "30000000-0000-0000-0000-000000000002";

            assertThat(cli.run("grant", "--tenant", acme, "--user", user, "--flag", "analytics", "--reason", "paid", "-q"))
                    .as(cli.err()).isZero();
            assertThat(db.dsl().fetchValue("SELECT is_enabled FROM public.tenant_feature_access WHERE user_id = '"
                    + user + "'")).isEqualTo(true);
            assertThat(cli.run("grant", "--tenant", acme, "--all-members", "--flag", "analytics", "--reason", "x"))
                    .isEqualTo(2);
            assertThat(cli.err()).contains("no user directory");
        }
    }

    private static int changeSets(TestDatabase db) {
        return db.dsl().fetchCount(DSL.table("inspector.change_set"));
    }

    private static String grants(TestDatabase db) {
        Result<Record> rows = db.dsl().fetch("SELECT tenant_id, user_id, feature_key, is_enabled FROM public.tenant_feature_access "
                + "ORDER BY tenant_id, user_id, feature_key");
        return rows.formatCSV();
    }
}
