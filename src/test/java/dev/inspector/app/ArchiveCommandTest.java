package dev.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.testing.Cli;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code inspector archive} and {@code unarchive} on a real database, the demo and one with only
 * the reference document's tables: one recorded change each, the SaaS tables untouched, restore
 * takes an archive back, a dry run writes and records nothing and shows the SQL that undoes it.
 */
@ExtendWith(PostgresExtension.class)
class ArchiveCommandTest {

    @Test
    void archiveIsOneRecordedChangeThatRestoreTakesBackAndTouchesNoSaasTable(TestDatabase db) {
        Cli cli = new Cli(db);
        String flags = flagTables(db);
        int changes = changeSets(db);

        assertThat(cli.run("archive", "dark_mode", "--reason", "fully rolled out, code removed", "-q")).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("Archived dark_mode; change \\d+\\.");
        assertThat(archived(db)).containsExactly("dark_mode");
        assertThat(changeSets(db)).isEqualTo(changes + 1);
        assertThat(flagTables(db)).as("the SaaS tables are as they were").isEqualTo(flags);

        assertThat(cli.run("archive", "dark_mode", "--reason", "again", "-q")).isZero();
        assertThat(cli.out()).contains("archived already: nothing changed");
        assertThat(changeSets(db)).isEqualTo(changes + 1);

        long change = ((Number) db.dsl().fetchValue("SELECT max(id) FROM inspector.change_set")).longValue();
        assertThat(cli.run("restore", "--change", String.valueOf(change), "--reason", "still needed", "-q"))
                .as(cli.err()).isZero();
        assertThat(archived(db)).isEmpty();

        assertThat(cli.run("archive", "dark_mode", "--reason", "now really", "-q")).isZero();
        assertThat(cli.run("unarchive", "dark_mode", "--reason", "a customer still toggles it", "-q")).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("Unarchived dark_mode; change \\d+\\.");
        assertThat(archived(db)).isEmpty();
        assertThat(flagTables(db)).isEqualTo(flags);
    }

    @Test
    void aDryRunShowsTheSqlAndItsUndoAndWritesNothingAndBadInputIsRefused(TestPostgres postgres) {
        try (TestDatabase db = postgres.createReference()) {
            Cli cli = new Cli(db);
            String anyFlag = String.valueOf(db.dsl().fetchValue("SELECT min(key) FROM public.feature_flags"));
            int changes = changeSets(db);

            assertThat(cli.run("archive", anyFlag, "--reason", "cleanup", "--dry-run", "-q")).as(cli.err()).isZero();
            assertThat(cli.out()).startsWith("Dry run: nothing was written. It would change 1 row with:")
                    .contains("insert into \"inspector\".\"flag_archive\"")
                    .contains("delete from \"inspector\".\"flag_archive\"");
            assertThat(archived(db)).isEmpty();
            assertThat(changeSets(db)).isEqualTo(changes);

            assertThat(cli.run("archive", "no_such_flag", "--reason", "x")).isEqualTo(2);
            assertThat(cli.err()).contains("No flag has the key 'no_such_flag'.");
            assertThat(cli.run("archive", anyFlag, "--reason", " ")).isEqualTo(2);
            assertThat(cli.run("unarchive", anyFlag, "--reason", "x", "-q")).isZero();
            assertThat(cli.out()).contains("not archived already: nothing changed");
            assertThat(changeSets(db)).isEqualTo(changes);

            assertThat(cli.run("archive", anyFlag, "--reason", "cleanup", "-q")).as(cli.err()).isZero();
            assertThat(archived(db)).containsExactly(anyFlag);
        }
    }

    private static java.util.List<String> archived(TestDatabase db) {
        return db.dsl().fetch("SELECT flag_key FROM inspector.flag_archive ORDER BY 1").getValues(0, String.class);
    }

    private static int changeSets(TestDatabase db) {
        return ((Number) db.dsl().fetchValue("SELECT count(*) FROM inspector.change_set")).intValue();
    }

    private static String flagTables(TestDatabase db) {
        return String.valueOf(db.dsl().fetchValue("SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM ("
                + "SELECT to_jsonb(f) t FROM public.feature_flags f UNION ALL "
                + "SELECT to_jsonb(c) FROM public.release_channel_feature_flags c UNION ALL "
                + "SELECT to_jsonb(o) FROM public.tenant_feature_flags o) x"));
    }
}
