package dev.inspector.ui.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.service.FlagCommands;
import dev.inspector.service.RollbackOption;
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
class KillAndRestoreViewModelTest {

    @Test
    void eachOptionSaysWhatItWouldTakeAwayNow(TestDatabase db) {
        try (ReleaseFixture f = new ReleaseFixture(db)) {
            KillDialogViewModel kill = f.vm.killForm(f.select("ai_load_matching"));

            assertThat(kill.choices()).extracting(RollbackChoice::option).containsExactly(RollbackOption.values());
            assertThat(kill.choice(RollbackOption.KILLSWITCH).impact()).isEqualTo(new RollbackImpact(RollbackOption.KILLSWITCH, 3, 4));
            assertThat(kill.choice(RollbackOption.CHANNELS_OFF).impact()).as("Northwind's override still wins")
                    .isEqualTo(new RollbackImpact(RollbackOption.CHANNELS_OFF, 2, 3));
            assertThat(kill.choice(RollbackOption.OVERRIDE_ALL_OFF).impact())
                    .isEqualTo(new RollbackImpact(RollbackOption.OVERRIDE_ALL_OFF, 3, 4));
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
            assertThat(kill.choices()).allSatisfy(c -> assertThat(c.impact().tenants()).isEqualTo(10));

            KillDialogViewModel tripped = f.vm.killForm(f.select("fuel_card_sync"));
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
            assertThat(ReleaseControlViewModel.describe(rollback))
                    .contains("(" + option.action() + ") of ai_load_matching by ")
                    .endsWith("\u201cmatching proposes wrong loads\u201d.");

            f.vm.restore(rollback, "false alarm");

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
    void aKillBasedOnAStaleFlagIsRefusedInTheDialogAndTheListReloads(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            KillDialogViewModel kill = f.vm.killForm(f.select("dark_mode"));
            new FlagCommands(db.database(), "bob").setDefault(f.row("dark_mode").flag(), false, "bob");
            kill.reasonProperty().set("too late");

            kill.kill();

            assertThat(kill.doneProperty().get()).isFalse();
            assertThat(kill.errorProperty().get()).contains("was changed meanwhile");
            assertThat(f.row("dark_mode").flag().defaultEnabled()).isFalse();
            assertThat(f.row("dark_mode").flag().killswitch()).as("nothing written").isFalse();
        }
    }

    @Test
    void restoreIsOfferedOnlyForAFlagWhoseLatestRollbackIsNotRestored(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            f.select("live_tracking_map");
            assertThat(f.vm.restorableProperty().get()).isNull();
            new FlagCommands(db.database(), "bob").rollback(f.row("live_tracking_map").flag(),
                    RollbackOption.CHANNELS_OFF, "bob kills it");
            f.vm.refresh();
            assertThat(f.vm.restorableProperty().get()).isNotNull();
            assertThat(f.row("live_tracking_map").channel(ReleaseChannel.GENERAL)).contains(false);

            f.select("dark_mode");
            assertThat(f.vm.restorableProperty().get()).as("follows the selection").isNull();
        }
    }
}
