package dev.inspector.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.FlagOverview;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.RollbackOption;
import dev.inspector.persistence.ChangeHistoryReader;
import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.persistence.FlagRepository;
import dev.inspector.persistence.GateSnapshotRepository;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.failure.StateChangedException;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every write against a real database: one transaction, recorded, refused when the state moved. */
@ExtendWith(PostgresExtension.class)
class FlagCommandsTest {

    private static final UUID NORTHWIND = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID TALBI = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private TestDatabase db;
    private FlagCommands commands;

    @BeforeEach
    void freshDatabase(TestPostgres postgres) {
        db = postgres.cloneDemo();
        commands = db.commands("alice");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createdFlagsStartDisabledEverywhereButInternalAndAreRecorded() {
        FeatureFlag flag = commands.create("invoice_export", "Invoice export", "CSV of invoices", "ticket 42");

        FlagOverview created = overview("invoice_export");
        assertThat(created.flag().defaultEnabled()).isFalse();
        assertThat(created.flag().killswitch()).isFalse();
        assertThat(created.channels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                ReleaseChannel.INTERNAL, true, ReleaseChannel.PILOT, false, ReleaseChannel.GENERAL, false));
        ChangeRecord change = latestChange();
        assertThat(change.action()).isEqualTo("create");
        assertThat(change.osUser()).isEqualTo("alice");
        assertThat(change.dbRole()).isEqualTo("postgres");
        assertThat(change.reason()).isEqualTo("ticket 42");
        assertThat(change.rows()).hasSize(4).allSatisfy(r -> assertThat(r.before()).isNull());
        assertThat(flag.key()).isEqualTo("invoice_export");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "Invoice", "invoice-export", "1invoice", "invoice__export", "invoice_", "a2345678901234567890123456789012345678901234567890123456789012345"})
    void invalidKeysAreRefusedWithAReasonAndChangeNothing(String key) {
        int before = flagCount();

        assertThatThrownBy(() -> commands.create(key, "Name", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(Enter a key|A key has 3 to 64|A key is lowercase snake_case).*");
        assertThat(flagCount()).isEqualTo(before);
        assertThat(historySize()).isZero();
    }

    @Test
    void duplicateKeysAreRefusedPlainly() {
        assertThatThrownBy(() -> commands.create("dark_mode", "Again", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A flag with the key 'dark_mode' exists already.");
        assertThat(historySize()).isZero();
    }

    @Test
    void channelToggleIsRefusedWhenSomeoneElseChangedItFirst() {
        // console A saw pilot = on for ai_load_matching; console B turns it off first
        db.commands("bob").setChannel("ai_load_matching", ReleaseChannel.PILOT,
                Optional.of(true), Optional.of(false), "B was faster");

        assertThatThrownBy(() -> commands.setChannel("ai_load_matching", ReleaseChannel.PILOT,
                Optional.of(true), Optional.of(true), "A"))
                .isInstanceOf(StateChangedException.class)
                .hasMessageContaining("pilot channel of 'ai_load_matching' was changed meanwhile: it is now off, not on");
        // (A's "on" from "on" changes nothing either way; the check comes first)
        assertThat(overview("ai_load_matching").channel(ReleaseChannel.PILOT)).contains(false);
        assertThat(historySize()).as("only B's change is recorded").isEqualTo(1);
    }

    @Test
    void overridesForSeveralTenantsAreSetAndClearedInOneChange() {
        commands.setOverrides("live_tracking_map", Map.of(NORTHWIND, Optional.empty(), TALBI, Optional.empty()),
                Optional.of(false), "customer complaint");
        assertThat(overrides("live_tracking_map")).containsOnly(Map.entry(NORTHWIND, false), Map.entry(TALBI, false));
        assertThat(latestChange().rows()).hasSize(2);

        commands.setOverrides("live_tracking_map", Map.of(NORTHWIND, Optional.of(false)), Optional.empty(), "fixed");
        assertThat(overrides("live_tracking_map")).containsOnly(Map.entry(TALBI, false));
        assertThat(latestChange().action()).isEqualTo("overrides");
        assertThatThrownBy(() -> commands.setOverrides("live_tracking_map", Map.of(TALBI, Optional.of(false)),
                Optional.empty(), " ")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Say why");
    }

    @ParameterizedTest
    @EnumSource(RollbackOption.class)
    void everyRollbackCanBeRestoredExactly(RollbackOption option) {
        FlagOverview before = overview("document_scanning");
        Map<UUID, Boolean> overridesBefore = overrides("document_scanning");

        assertThat(enabledTenants("document_scanning")).as("on for all but Lone Star").isEqualTo(9);

        long change = commands.rollback("document_scanning", option, "500s in the scanner").changeId();
        assertThat(enabledTenants("document_scanning")).as(option + " turns it off everywhere").isZero();

        db.restores("alice").undo(change, "false alarm");

        assertThat(overview("document_scanning")).isEqualTo(before);
        assertThat(overrides("document_scanning")).isEqualTo(overridesBefore);
        assertThat(latestChange().action()).isEqualTo("restore");
    }

    @Test
    void killswitchBlocksEveryTenantAndIsRecordedWithItsReason() {
        FeatureFlag flag = overview("live_tracking_map").flag();

        commands.rollback(flag.key(), RollbackOption.KILLSWITCH, "map tiles leak");

        assertThat(enabledTenants("live_tracking_map")).isZero();
        assertThat(latestChange().reason()).isEqualTo("map tiles leak");
        assertThatThrownBy(() -> commands.rollback("dark_mode", RollbackOption.KILLSWITCH, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Say why");
    }

    @Test
    void restoreIsRefusedWhenTheRowsMovedOnSince() {
        long change = commands.rollback("live_tracking_map", RollbackOption.CHANNELS_OFF, "incident").changeId();
        db.execute("UPDATE public.release_channel_feature_flags SET enabled = true WHERE release_channel = 'general' "
                + "AND feature_flag_id = (SELECT id FROM public.feature_flags WHERE key = 'live_tracking_map')");

        assertThatThrownBy(() -> db.restores("alice").undo(change, "undo"))
                .isInstanceOf(StateChangedException.class)
                .hasMessage("Since change " + change + ", release_channel_feature_flags row live_tracking_map/general "
                        + "moved on: enabled is now true, the change left false. Nothing was restored; look at the history first.");
        assertThat(overview("live_tracking_map").channel(ReleaseChannel.INTERNAL)).contains(false);
    }

    @Test
    void aFailureHalfwayLeavesNeitherDataNorHistory() {
        // A trigger makes the 6th override insert fail, as a constraint or a lost connection would.
        db.execute("CREATE FUNCTION fail_sixth() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF (SELECT count(*) FROM public.tenant_feature_flags WHERE feature_flag_id = NEW.feature_flag_id) >= 5 "
                + "THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$");
        db.execute("CREATE TRIGGER fail_sixth BEFORE INSERT ON public.tenant_feature_flags FOR EACH ROW EXECUTE FUNCTION fail_sixth()");
        FeatureFlag flag = overview("multi_stop_loads").flag();
        Map<UUID, Boolean> before = overrides("multi_stop_loads");

        assertThatThrownBy(() -> commands.rollback(flag.key(), RollbackOption.OVERRIDE_ALL_OFF, "incident"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("disk full");

        assertThat(overrides("multi_stop_loads")).isEqualTo(before);
        assertThat(historySize()).isZero();
    }

    @Test
    void aDatabaseThatVanishesMidWriteIsReportedAndNothingIsHalfWritten() throws Exception {
        // The write stalls inside its transaction; meanwhile the server ends its connection.
        db.execute("CREATE FUNCTION stall() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "PERFORM pg_sleep(30); RETURN NEW; END $$");
        db.execute("CREATE TRIGGER stall BEFORE INSERT ON public.tenant_feature_flags FOR EACH ROW EXECUTE FUNCTION stall()");
        FeatureFlag flag = overview("multi_stop_loads").flag();
        Map<UUID, Boolean> before = overrides("multi_stop_loads");
        Thread killer = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                Object killed = db.dsl().fetchValue("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE wait_event = 'PgSleep' AND datname = current_database()");
                if (((Number) killed).intValue() > 0) {
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        killer.start();

        assertThatThrownBy(() -> commands.rollback(flag.key(), RollbackOption.OVERRIDE_ALL_OFF, "incident"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("connection was lost");
        killer.join();

        assertThat(overrides("multi_stop_loads")).isEqualTo(before);
        assertThat(historySize()).isZero();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private FlagOverview overview(String key) {
        return new FlagRepository(db.dsl()).overview().stream().filter(f -> f.flag().key().equals(key))
                .findFirst().orElseThrow();
    }

    private Map<UUID, Boolean> overrides(String key) {
        DSLContext dsl = db.dsl();
        Map<UUID, Boolean> result = new java.util.HashMap<>();
        dsl.fetch("SELECT o.tenant_id, o.enabled FROM public.tenant_feature_flags o "
                + "JOIN public.feature_flags f ON f.id = o.feature_flag_id WHERE f.key = ?", key)
                .forEach(r -> result.put(r.get(0, UUID.class), r.get(1, Boolean.class)));
        return result;
    }

    private ChangeRecord latestChange() {
        List<ChangeRecord> changes = new ChangeHistoryReader(db.dsl()).recent(Optional.empty(), 1);
        assertThat(changes).isNotEmpty();
        return changes.get(0);
    }

    private int historySize() {
        return new ChangeHistoryReader(db.dsl()).recent(Optional.empty(), 1000).size();
    }

    private int flagCount() {
        return ((Number) db.dsl().fetchValue("SELECT count(*) FROM public.feature_flags")).intValue();
    }

    /** The engine's answer on the current database state. */
    private long enabledTenants(String key) {
        GateSnapshot snapshot = new GateSnapshotRepository(db.dsl()).load();
        return new FeatureGate(snapshot).computeMatrix().enabledTenantCount(snapshot.flagIndex(key));
    }
}
