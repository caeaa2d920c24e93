package dev.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.testing.Cli;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code --dry-run}: the write runs and is rolled back, so nothing is written or recorded; what it
 * prints is the SQL it runs and the SQL that undoes it — pasted after the real write, that undo
 * puts back exactly what was there.
 */
@ExtendWith(PostgresExtension.class)
class DryRunTest {

    @Test
    void aKillShowsItsSqlWritesNothingAndItsUndoSqlPutsTheFlagBack(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo()) {
            Cli cli = new Cli(db);
            String flags = table(db, "feature_flags");
            int changes = changeSets(db);

            assertThat(cli.run("kill", "customer_portal", "--reason", "incident", "--dry-run", "-q")).as(cli.err()).isZero();

            String out = cli.out();
            assertThat(out).startsWith("Dry run: nothing was written. It would change 1 row with:")
                    .contains("update \"public\".\"feature_flags\"")
                    .contains("To undo it afterwards:");
            assertThat(table(db, "feature_flags")).isEqualTo(flags);
            assertThat(changeSets(db)).as("nothing recorded").isEqualTo(changes);

            assertThat(cli.run("kill", "customer_portal", "--reason", "incident", "-q")).isZero();
            assertThat(table(db, "feature_flags")).isNotEqualTo(flags);
            undo(out).forEach(db::execute);
            assertThat(table(db, "feature_flags")).as("the printed undo, pasted").isEqualTo(flags);
        }
    }

    @Test
    void aGrantAndATenantMoveOnTheReferenceTablesAlone(TestPostgres postgres) {
        try (TestDatabase db = postgres.createReference()) {
            Cli cli = new Cli(db);
            String grants = table(db, "tenant_feature_access");
            String tenants = table(db, "tenants");

            assertThat(cli.run("grant", "--tenant", "Acme Freight", "--user", "30000000-0000-0000-0000-000000000002",
                    "--flag", "analytics", "--reason", "paid", "--dry-run", "-q")).as(cli.err()).isZero();
            String grantPlan = cli.out();
            assertThat(grantPlan).contains("update \"public\".\"tenant_feature_access\"");
            assertThat(cli.run("move-tenant", "Globex Haulage", "--channel", "pilot", "--reason", "pilot",
                    "--dry-run", "-q")).isZero();
            String movePlan = cli.out();
            assertThat(movePlan).contains("turns on:\n    load_board").contains("update \"public\".\"tenants\"");
            assertThat(table(db, "tenant_feature_access")).isEqualTo(grants);
            assertThat(table(db, "tenants")).isEqualTo(tenants);
            assertThat(changeSets(db)).isZero();

            cli.run("grant", "--tenant", "Acme Freight", "--user", "30000000-0000-0000-0000-000000000002",
                    "--flag", "analytics", "--reason", "paid", "-q");
            cli.run("move-tenant", "Globex Haulage", "--channel", "pilot", "--reason", "pilot", "-q");
            undo(movePlan).forEach(db::execute);
            undo(grantPlan).forEach(db::execute);
            assertThat(table(db, "tenant_feature_access")).isEqualTo(grants);
            assertThat(table(db, "tenants")).isEqualTo(tenants);
        }
    }

    @Test
    void aDryRunOfNothingToDoSaysSoAsTheCommandWould(TestDatabase db) {
        Cli cli = new Cli(db);
        assertThat(cli.run("kill", "fuel_card_sync", "--reason", "again", "--dry-run", "-q")).isZero();
        assertThat(cli.out()).contains("is tripped already").contains("nothing changed").doesNotContain("Dry run");
        assertThat(cli.run("restore", "dark_mode", "--dry-run", "-q")).as("nothing to restore").isEqualTo(1);
    }

    private static List<String> undo(String plan) {
        return plan.lines().dropWhile(l -> !l.startsWith("and record the change")).skip(1)
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String table(TestDatabase db, String name) {
        return db.dsl().fetch("SELECT * FROM public." + name + " ORDER BY 1, 2").formatCSV();
    }

    private static int changeSets(TestDatabase db) {
        return db.dsl().fetchCount(DSL.table("inspector.change_set"));
    }
}
