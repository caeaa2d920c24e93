package dev.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.testing.Cli;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code inspector move-tenant} on a real database: the preview names exactly the flags the servers
 * then decide differently, the move is one recorded change that restore takes back, and bad input
 * or a move to the same channel writes nothing.
 */
@ExtendWith(PostgresExtension.class)
class MoveTenantCommandTest {

    static final String PRAIRIE = "00000000-0000-0000-0000-000000000006";

    @Test
    void thePreviewIsWhatTheServersThenDecideAndRestoreTakesTheMoveBack(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo()) {
            Cli cli = new Cli(db);
            Map<String, String> before = serverGate(cli, PRAIRIE);
            String row = tenantRow(db);
            int changes = changeSets(db);

            int exit = cli.run("move-tenant", "Prairie Line", "--channel", "pilot", "--reason", "pilot tenant for Q1", "-q");

            assertThat(exit).as(cli.err()).isZero();
            String out = cli.out();
            assertThat(out).startsWith("Moving Prairie Line Trucking from general to pilot:")
                    .containsPattern("Moved Prairie Line Trucking to pilot; change \\d+\\.");
            assertThat(changeSets(db)).isEqualTo(changes + 1);
            assertThat(db.dsl().fetchValue("SELECT release_channel FROM public.tenants WHERE id = '" + PRAIRIE + "'"))
                    .isEqualTo("pilot");
            Map<String, String> after = serverGate(cli, PRAIRIE);
            Set<String> turnedOn = before.keySet().stream()
                    .filter(k -> before.get(k).equals("false") && after.get(k).equals("true")).collect(Collectors.toSet());
            Set<String> turnedOff = before.keySet().stream()
                    .filter(k -> before.get(k).equals("true") && after.get(k).equals("false")).collect(Collectors.toSet());
            assertThat(turnedOn.size() + turnedOff.size()).as("the demo's pilot channel differs for this tenant").isPositive();
            assertThat(flagsOn(out, "turns on:")).isEqualTo(turnedOn);
            assertThat(flagsOn(out, "turns off:")).isEqualTo(turnedOff);

            long change = ((Number) db.dsl().fetchValue("SELECT max(id) FROM inspector.change_set")).longValue();
            assertThat(cli.run("restore", "--change", String.valueOf(change), "--reason", "pilot postponed", "-q"))
                    .as(cli.err()).isZero();
            assertThat(tenantRow(db)).as("the tenant row exactly as it was").isEqualTo(row);
        }
    }

    @Test
    void theSameChannelBadInputAndUnknownTenantsWriteNothing(TestDatabase db) {
        Cli cli = new Cli(db);
        int changes = changeSets(db);
        String row = tenantRow(db);

        assertThat(cli.run("move-tenant", PRAIRIE, "--channel", "general", "--reason", "x", "-q")).isZero();
        assertThat(cli.out()).contains("on general already: nothing changed");
        assertThat(cli.run("move-tenant", PRAIRIE, "--channel", "beta", "--reason", "x")).isEqualTo(2);
        assertThat(cli.err()).contains("'beta' is not a release channel");
        assertThat(cli.run("move-tenant", "nobody", "--channel", "pilot", "--reason", "x")).isEqualTo(2);
        assertThat(cli.run("move-tenant", PRAIRIE, "--channel", "pilot", "--reason", "  ")).isEqualTo(2);

        assertThat(changeSets(db)).isEqualTo(changes);
        assertThat(tenantRow(db)).isEqualTo(row);
    }

    @Test
    void aMoveFromAChannelTheTenantNoLongerHasIsRefusedAndWritesNothing(TestDatabase db) {
        try (var session = new dev.inspector.service.SessionOpener().open(db.target(), m -> { })) {
            int changes = changeSets(db);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.tenantCommands().moveTenant(
                            java.util.UUID.fromString(PRAIRIE), java.util.Optional.of("pilot"),
                            dev.inspector.domain.ReleaseChannel.INTERNAL, "from what the screen showed"))
                    .isInstanceOf(dev.inspector.domain.failure.StateChangedException.class)
                    .hasMessage("The tenant's channel was changed meanwhile: it is now general, not pilot. Nothing was written.");
            assertThat(changeSets(db)).isEqualTo(changes);
            assertThat(db.dsl().fetchValue("SELECT release_channel FROM public.tenants WHERE id = '" + PRAIRIE + "'"))
                    .isEqualTo("general");
        }
    }

    @Test
    void onTheReferenceTablesAlone(TestPostgres postgres) {
        try (TestDatabase db = postgres.createReference()) {
            Cli cli = new Cli(db);
            assertThat(cli.run("move-tenant", "Globex Haulage", "--channel", "pilot", "--reason", "second pilot", "-q"))
                    .as(cli.err()).isZero();
            assertThat(cli.out()).contains("turns on:\n    load_board");
            assertThat(db.dsl().fetchValue("SELECT release_channel FROM public.tenants WHERE name = 'Globex Haulage'"))
                    .isEqualTo("pilot");
        }
    }

    /** flag key → "true"/"false" for one tenant, from the matrix command's CSV. */
    private static Map<String, String> serverGate(Cli cli, String tenantId) {
        assertThat(cli.run("matrix", "--csv", "-", "-q")).isZero();
        Map<String, String> gate = new TreeMap<>();
        cli.out().lines().skip(1).map(l -> l.split(",")).filter(c -> c[0].equals(tenantId))
                .forEach(c -> gate.put(c[c.length - 3], c[c.length - 2]));
        return gate;
    }

    /** The flags listed under a heading of the preview: one per line, indented further. */
    private static Set<String> flagsOn(String out, String label) {
        java.util.List<String> lines = out.lines().toList();
        int at = java.util.stream.IntStream.range(0, lines.size()).filter(i -> lines.get(i).strip().startsWith(label))
                .findFirst().orElseThrow();
        if (lines.get(at).strip().equals(label + " nothing")) {
            return Set.of();
        }
        return lines.subList(at + 1, lines.size()).stream().takeWhile(l -> l.startsWith("    "))
                .map(l -> l.strip().replaceAll(" \\(.*", "")).collect(Collectors.toSet());
    }

    private static String tenantRow(TestDatabase db) {
        return db.dsl().fetch("SELECT * FROM public.tenants ORDER BY id").formatCSV();
    }

    private static int changeSets(TestDatabase db) {
        return db.dsl().fetchCount(DSL.table("inspector.change_set"));
    }
}
