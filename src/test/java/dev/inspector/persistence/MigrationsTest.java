package dev.inspector.persistence;

import dev.inspector.domain.failure.DatabaseException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class MigrationsTest {

    @Test
    void consoleSchemaGoesIntoItsOwnSchemaAndTouchesNothingElse(TestPostgres postgres) {
        try (TestDatabase empty = postgres.createEmpty()) {
            empty.execute("CREATE TABLE public.customer_data (id int)");
            List<String> before = relationsOutsideInspector(empty.dsl());

            int applied = Migrations.migrateInspectorSchema(empty.database().dataSource());

            assertThat(applied).isPositive();
            assertThat(relationsOutsideInspector(empty.dsl())).isEqualTo(before);
            assertThat(intValue(empty.dsl(), "select count(*) from information_schema.tables where table_schema = 'inspector' "
                            + "and table_name in ('flyway_schema_history', 'change_set', 'change_entry')"))
                    .isEqualTo(3);
            assertThat(Migrations.migrateInspectorSchema(empty.database().dataSource()))
                    .as("a second run has nothing left to do").isZero();
        }
    }

    @Test
    void theVersionTheConsoleChecksIsTheNewestMigrationFile() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/schema/inspector"))) {
            int newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
            assertThat(Migrations.INSPECTOR_SCHEMA_VERSION).isEqualTo(newest);
        }
    }

    @Test
    void aCurrentConsoleSchemaIsNotMigratedAgainAndABehindOneIs(TestPostgres postgres) {
        try (TestDatabase empty = postgres.createEmpty()) {
            assertThat(Migrations.installedVersion(empty.dsl())).isZero();
            assertThat(Migrations.prepareInspectorSchema(empty.database().dataSource(), empty.dsl())).isEmpty();
            assertThat(Migrations.installedVersion(empty.dsl())).isEqualTo(Migrations.INSPECTOR_SCHEMA_VERSION);
        }
        try (TestDatabase older = postgres.createEmpty()) {
            // a database a console of the previous version set up
            org.flywaydb.core.Flyway.configure().dataSource(older.database().dataSource()).schemas("inspector")
                    .defaultSchema("inspector").locations("classpath:db/schema/inspector").target("3").load().migrate();
            assertThat(Migrations.installedVersion(older.dsl())).isEqualTo(3);
            older.execute("INSERT INTO inspector.change_set (os_user, action, flag_key) VALUES "
                    + "('a', 'rollback:killswitch', 'x'), ('a', 'rollback:channels_off', 'x'), ('a', 'restore', 'x')");

            assertThat(Migrations.prepareInspectorSchema(older.database().dataSource(), older.dsl())).isEmpty();

            assertThat(older.dsl().fetch("SELECT change_set_id, restored_by FROM inspector.restored_change")
                    .map(r -> r.get(0, Long.class) + "<-" + r.get(1, Long.class)))
                    .as("an old restore undid the newest rollback before it").containsExactly("2<-3");
            assertThat(Migrations.installedVersion(older.dsl())).isEqualTo(Migrations.INSPECTOR_SCHEMA_VERSION);
            assertThat(Migrations.tableExists(older.dsl(), "inspector", "restored_change")).isTrue();
        }
    }

    @Test
    void demoInstallsIntoAnEmptyDatabase(TestPostgres postgres) {
        try (TestDatabase empty = postgres.createEmpty()) {
            Migrations.installDemo(empty.database().dataSource(), empty.dsl());

            DSLContext dsl = empty.dsl();
            assertThat(count(dsl, "public.tenants")).isEqualTo(10);
            assertThat(count(dsl, "public.feature_flags")).isEqualTo(15);
            assertThat(count(dsl, "public.profiles")).isEqualTo(30);
        }
    }

    @Test
    void demoRefusesADatabaseThatAlreadyHasFlagTables(TestPostgres postgres) {
        try (TestDatabase real = postgres.createEmpty()) {
            real.execute("CREATE TABLE public.feature_flags (id uuid primary key, key text)");

            assertThatThrownBy(() -> Migrations.installDemo(real.database().dataSource(), real.dsl()))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("already has a feature_flags table");
            assertThat(Migrations.tableExists(real.dsl(), "public", "tenants")).as("nothing was installed").isFalse();
        }
    }

    @Test
    void demoHasEveryFlagStateTheScreensNeed(TestDatabase db) {
        DSLContext dsl = db.dsl();
        assertThat(intValue(dsl, "select count(*) from public.feature_flags where is_killswitch and not default_enabled"))
                .as("tripped killswitches").isEqualTo(1);
        assertThat(intValue(dsl, "select count(*) from public.feature_flags where is_killswitch and default_enabled"))
                .as("armed killswitches").isEqualTo(1);
        assertThat(intValue(dsl, "select count(*) from public.profiles where is_platform_admin"))
                .isEqualTo(2);
        assertThat(intValue(dsl, "select count(*) from public.tenant_feature_access where not is_enabled"))
                .as("revoked grants").isPositive();
        assertThat(intValue(dsl, "select count(*) from public.tenant_feature_flags"))
                .as("tenant overrides").isPositive();
        assertThat(intValue(dsl, "select count(*) from public.tenants where release_channel = 'general'"))
                .isGreaterThanOrEqualTo(6);
    }

    @Test
    void demoCarriesExactlyTheTwoDocumentedIsolationFlaws(TestDatabase db) {
        DSLContext dsl = db.dsl();
        assertThat(intValue(dsl, "select count(*) from public.customers where tenant_id is null"))
                .isEqualTo(1);
        assertThat(names(dsl, "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "join information_schema.columns col on col.table_schema = n.nspname and col.table_name = c.relname "
                + "and col.column_name = 'tenant_id' where n.nspname = 'public' and c.relkind = 'r' "
                + "and not c.relrowsecurity order by 1"))
                .as("tenant tables without RLS").containsExactly("drivers");
    }

    private static List<String> relationsOutsideInspector(DSLContext dsl) {
        return names(dsl, "select n.nspname || '.' || c.relname from pg_class c "
                + "join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname not in ('inspector', 'pg_catalog', 'information_schema', 'pg_toast') order by 1");
    }

    private static int count(DSLContext dsl, String table) {
        return intValue(dsl, "select count(*) from " + table);
    }

    private static int intValue(DSLContext dsl, String sql) {
        return ((Number) dsl.fetchValue(sql)).intValue();
    }

    private static List<String> names(DSLContext dsl, String sql) {
        return dsl.fetch(sql).getValues(0, String.class);
    }
}
