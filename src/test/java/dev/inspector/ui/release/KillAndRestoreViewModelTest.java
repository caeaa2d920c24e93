package dev.inspector.ui.release;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import dev.inspector.testing.Locks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.KillswitchAction;
import dev.inspector.domain.KillswitchState;
import dev.inspector.domain.impact.RollbackImpact;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.RollbackOption;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kill dialog's numbers on the demo data, the three rollbacks, and Restore.
 *
 * <p>ai_load_matching is on for three tenants: Default (internal channel), Talbi (pilot channel) and
 * Northwind (an ON override). The UI gate lets four of their members use it: Amira (platform
 * admin, Default), Youssef and Karim (grants at Talbi) and Grace (grant at Northwind).
 */
@ExtendWith(PostgresExtension.class)
@ResourceLock(value = Locks.ROLES, mode = ResourceAccessMode.READ_WRITE)
class KillAndRestoreViewModelTest {

    @Test
    void eachOptionSaysWhatItWouldTakeAwayNow(TestDatabase db) {
        try (ReleaseFixture f = new ReleaseFixture(db)) {
            KillDialogViewModel kill = f.vm.killForm(f.select("ai_load_matching"));

            assertThat(kill.choices()).extracting(RollbackChoice::option).containsExactly(RollbackOption.values());
            assertThat(kill.choice(RollbackOption.KILLSWITCH).impact()).contains(new RollbackImpact(RollbackOption.KILLSWITCH, 3, 4));
            assertThat(kill.choice(RollbackOption.CHANNELS_OFF).impact()).as("Northwind's override still wins")
                    .contains(new RollbackImpact(RollbackOption.CHANNELS_OFF, 2, 3));
            assertThat(kill.choice(RollbackOption.OVERRIDE_ALL_OFF).impact())
                    .contains(new RollbackImpact(RollbackOption.OVERRIDE_ALL_OFF, 3, 4));
            assertThat(kill.choices()).allSatisfy(c -> assertThat(c.available()).isTrue());
            assertThat(kill.optionProperty().get()).as("the default").isEqualTo(RollbackOption.KILLSWITCH);
            assertThat(kill.headlineProperty().get())
                    .isEqualTo("Blocks ai_load_matching for 3 tenants and 4 users who have it now.");
            kill.optionProperty().set(RollbackOption.CHANNELS_OFF);
            assertThat(kill.headlineProperty().get())
                    .isEqualTo("Blocks ai_load_matching for 2 tenants and 3 users who have it now.");
            assertThat(kill.choice(RollbackOption.CHANNELS_OFF).numbers()).isEqualTo("Blocks 2 tenants and 3 users who have it now.");
        }
    }

    @Test
    void liveTrackingMapIsOnForTenTenantsAndOnlyThePlatformAdminMemberUsesIt(TestDatabase db) {
        try (ReleaseFixture f = new ReleaseFixture(db)) {
            KillDialogViewModel kill = f.vm.killForm(f.select("live_tracking_map"));
            assertThat(kill.headlineProperty().get())
                    .as("no grants: only Amira, admin and member of Default Tenant, has it in the UI")
                    .isEqualTo("Blocks live_tracking_map for 10 tenants and 1 user who have it now.");
            assertThat(kill.choices()).allSatisfy(c -> assertThat(c.impact().orElseThrow().tenants()).isEqualTo(10));

            KillDialogViewModel tripped = f.vm.killForm(f.select("fuel_card_sync"));
            assertThat(tripped.choice(RollbackOption.KILLSWITCH).available()).as("Kill is not offered twice").isFalse();
            assertThat(tripped.choice(RollbackOption.KILLSWITCH).numbers()).isEqualTo("fuel_card_sync is tripped already "
                    + "(by SQL outside Inspector: the change history has no record of it).");
            assertThat(tripped.optionProperty().get()).as("moved to the first option that can be chosen")
                    .isEqualTo(RollbackOption.CHANNELS_OFF);
            assertThat(tripped.headlineProperty().get()).isEqualTo("Blocks fuel_card_sync for nobody: no tenant has it now.");
        }
    }

    @Test
    void killNeedsAReason(TestDatabase db) {
        try (ReleaseFixture f = new ReleaseFixture(db)) {
            KillDialogViewModel kill = f.vm.killForm(f.select("live_tracking_map"));
            assertThat(kill.canKillProperty().get()).isFalse();
            kill.kill();
            assertThat(kill.doneProperty().get()).isFalse();
            kill.reasonProperty().set("   ");
            assertThat(kill.canKillProperty().get()).isFalse();
            kill.reasonProperty().set("incident 4711");
            assertThat(kill.canKillProperty().get()).isTrue();
            assertThat(f.session.history().recent(Optional.of("live_tracking_map"), 5)).isEmpty();
        }
    }

    @Test
    void showSqlGivesTheChosenRollbacksStatementsAndUndoAndWritesNothing(TestDatabase db) {
        try (ReleaseFixture f = new ReleaseFixture(db)) {
            KillDialogViewModel kill = f.vm.killForm(f.select("live_tracking_map"));
            kill.showSql();
            assertThat(kill.sql().textProperty().get()).startsWith("It would change 1 row with:")
                    .contains("update \"public\".\"feature_flags\"").contains("To undo it afterwards:");
            kill.optionProperty().set(RollbackOption.CHANNELS_OFF);
            assertThat(kill.sql().textProperty().get()).as("another option, another plan").isEmpty();
            kill.showSql();
            assertThat(kill.sql().textProperty().get()).contains("\"public\".\"release_channel_feature_flags\"");
            f.vm.refresh();
            assertThat(f.row("live_tracking_map").flag().killswitchState())
                    .isEqualTo(dev.inspector.domain.KillswitchState.NONE);
            assertThat(f.session.history().recent(Optional.of("live_tracking_map"), 5)).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({"KILLSWITCH, 0", "CHANNELS_OFF, 1", "OVERRIDE_ALL_OFF, 0"})
    void eachRollbackRunsRecordsItsReasonAndCanBeRestored(RollbackOption option, int tenantsOnAfter,
                                                          TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            FlagRow before = f.select("ai_load_matching");
            KillDialogViewModel kill = f.vm.killForm(before);
            kill.optionProperty().set(option);
            kill.reasonProperty().set("matching proposes wrong loads");

            kill.kill();

            assertThat(kill.errorProperty().get()).isEmpty();
            assertThat(kill.doneProperty().get()).isTrue();
            assertThat(kill.progressProperty().get()).startsWith("Done: change ");
            FlagRow after = f.row("ai_load_matching");
            assertThat(after.enabledTenants()).isEqualTo(tenantsOnAfter);
            ChangeRecord rollback = f.vm.restorableProperty().get();
            assertThat(rollback).as("the selected flag offers Restore").isNotNull();
            assertThat(rollback.action()).isEqualTo(option.action());
            assertThat(rollback.reason()).isEqualTo("matching proposes wrong loads");
            assertThat(FlagChanges.describe(rollback))
                    .contains("(" + option.action() + ") of ai_load_matching by ")
                    .endsWith("\u201cmatching proposes wrong loads\u201d.");

            f.dialogs.answer("false alarm");
            f.changes().restore(rollback);

            FlagRow restored = f.row("ai_load_matching");
            assertThat(restored.flag()).isEqualTo(before.flag());
            assertThat(restored.overview().channels()).isEqualTo(before.overview().channels());
            assertThat(restored.overrideCount()).isEqualTo(before.overrideCount());
            assertThat(restored.enabledTenants()).isEqualTo(3);
            assertThat(f.vm.restorableProperty().get()).as("nothing left to restore").isNull();
            assertThat(f.session.history().recent(Optional.of("ai_load_matching"), 1)).singleElement()
                    .satisfies(c -> assertThat(c.reason()).isEqualTo("false alarm"));
        }
    }

    @Test
    void aKillActsOnTheFlagAsItIsNowEvenIfSomeoneChangedItMeanwhile(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            KillDialogViewModel kill = f.vm.killForm(f.select("dark_mode"));
            db.commands("bob").setDefault(f.row("dark_mode").flag(), false, "bob switches the default off");
            kill.reasonProperty().set("print breaks");

            kill.kill();

            assertThat(kill.errorProperty().get()).isEmpty();
            assertThat(kill.doneProperty().get()).as("an incident does not wait for a fresh screen").isTrue();
            assertThat(f.row("dark_mode").flag().killswitchState()).isEqualTo(KillswitchState.TRIPPED);
        }
    }

    @Test
    void restoreWalksBackOneRollbackAtATimeAndTheIncidentCanBeUndoneAtOnce(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            FlagRow before = f.select("ai_load_matching");
            db.commands("bob").rollback("ai_load_matching", RollbackOption.KILLSWITCH, "first");
            db.commands("bob").rollback("ai_load_matching", RollbackOption.CHANNELS_OFF, "second");
            db.commands("bob").rollback("ai_load_matching", RollbackOption.OVERRIDE_ALL_OFF, "third");
            f.vm.refresh();
            assertThat(f.vm.incidentProperty().get()).extracting(ChangeRecord::reason)
                    .containsExactly("third", "second", "first");
            assertThat(f.vm.restoreIncidentLabel().get()).isEqualTo("Restore to before the incident (3 rollbacks)…");

            f.dialogs.answer("");
            f.changes().restore(f.vm.restorableProperty().get());
            assertThat(f.vm.restorableProperty().get().reason()).as("one step back").isEqualTo("second");

            f.dialogs.answer("all clear");
            f.changes().restoreIncident("ai_load_matching", f.vm.incidentProperty().get());

            FlagRow restored = f.row("ai_load_matching");
            assertThat(restored.flag()).isEqualTo(before.flag());
            assertThat(restored.overview().channels()).isEqualTo(before.overview().channels());
            assertThat(restored.overrideCount()).isEqualTo(before.overrideCount());
            assertThat(f.vm.restorableProperty().get()).isNull();
            assertThat(f.vm.incidentProperty().get()).isEmpty();
            assertThat(f.dialogs.shown).isEmpty();
        }
    }

    @Test
    void theKillswitchLifecycleIsOfferedWithItsEffect(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            f.dialogs.answer("payments must be stoppable");
            f.changes().killswitch(f.select("carrier_payments"), KillswitchAction.DISARM);
            assertThat(f.dialogs.lastQuestion()).contains("No tenant gains or loses it (on for 9 of 10)");
            assertThat(f.row("carrier_payments").flag().killswitchState()).isEqualTo(KillswitchState.NONE);

            f.changes().killswitch(f.row("dark_mode"), KillswitchAction.UNTRIP);
            assertThat(f.changes().statusProperty().get()).isEqualTo("dark_mode is not tripped: nothing changed.");

            f.dialogs.answer("provider fixed the duplicates");
            f.changes().killswitch(f.row("fuel_card_sync"), KillswitchAction.UNTRIP);
            assertThat(f.dialogs.lastQuestion()).contains("On for 0 of 10 tenants now, 10 afterwards.");
            assertThat(f.row("fuel_card_sync").flag().killswitchState()).isEqualTo(KillswitchState.NONE);
            assertThat(f.row("fuel_card_sync").enabledTenants()).isEqualTo(10);

            f.changes().killswitch(f.row("live_tracking_map"), KillswitchAction.ARM);
            assertThat(f.dialogs.shown).singleElement().asString().startsWith("Arm the killswitch: Arming "
                    + "live_tracking_map needs its global default on");
        }
    }

    @Test
    void restoreIsOfferedOnlyForAFlagWhoseLatestRollbackIsNotRestored(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            f.select("live_tracking_map");
            assertThat(f.vm.restorableProperty().get()).isNull();
            db.commands("bob").rollback("live_tracking_map", RollbackOption.CHANNELS_OFF, "bob kills it");
            f.vm.refresh();
            assertThat(f.vm.restorableProperty().get()).isNotNull();
            assertThat(f.row("live_tracking_map").channel(ReleaseChannel.GENERAL)).contains(false);

            f.select("dark_mode");
            assertThat(f.vm.restorableProperty().get()).as("follows the selection").isNull();
        }
    }
}
