package dev.inspector.ui.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.lifecycle.LifecycleStage;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A flag's life in Release Control on a real database: its stage from its state, archiving takes
 * it out of the daily view (and only that), a fresh promotion is under watch with who did it, and
 * flags on for every tenant are cleanup candidates once on long enough.
 */
@ExtendWith(PostgresExtension.class)
class FlagLifecycleViewModelTest {

    @Test
    void stagesFollowTheStateAndArchivingHidesAFlagFromTheDailyViewOnly(TestDatabase db) {
        try (ReleaseFixture f = new ReleaseFixture(db)) {
            assertThat(f.row("customer_portal").lifecycle().stage()).isEqualTo(LifecycleStage.FULLY_ON);
            assertThat(f.row("route_optimizer_v2").lifecycle().stage()).isEqualTo(LifecycleStage.INTERNAL);
            assertThat(f.row("fuel_card_sync").lifecycle().stage()).as("killed: on for nobody").isNotEqualTo(LifecycleStage.FULLY_ON);
            int before = f.vm.visibleFlags().size();
            int onBefore = f.row("customer_portal").enabledTenants();

            f.select("customer_portal");
            f.dialogs.answer("rolled out everywhere, code removed");
            f.changes().archive(f.row("customer_portal"), true);
            f.vm.refresh();

            assertThat(f.vm.visibleFlags()).extracting(FlagRow::key).doesNotContain("customer_portal").hasSize(before - 1);
            f.vm.filters().lifecycleProperty().set(LifecycleFilter.ARCHIVED);
            assertThat(f.vm.visibleFlags()).extracting(FlagRow::key).containsExactly("customer_portal");
            FlagRow archived = f.row("customer_portal");
            assertThat(archived.lifecycle().stage()).isEqualTo(LifecycleStage.ARCHIVED);
            assertThat(archived.enabledTenants()).as("archiving changes nothing a tenant sees").isEqualTo(onBefore);

            f.select("customer_portal");
            f.dialogs.answer("still in use");
            f.changes().archive(archived, false);
            f.vm.refresh();
            f.vm.filters().lifecycleProperty().set(LifecycleFilter.ACTIVE);
            assertThat(f.vm.visibleFlags()).hasSize(before);
        }
    }

    @Test
    void aPromotionIsUnderWatchFor48HoursWithWhoAndFullyOnFlagsAreCleanupCandidates(TestDatabase db) {
        try (ReleaseFixture f = new ReleaseFixture(db)) {
            f.vm.filters().lifecycleProperty().set(LifecycleFilter.CLEANUP);
            f.vm.filters().cleanupDaysProperty().set(0);
            assertThat(f.vm.visibleFlags()).extracting(FlagRow::key).contains("customer_portal")
                    .allSatisfy(key -> assertThat(f.row(key).lifecycle().stage()).isEqualTo(LifecycleStage.FULLY_ON));
            f.vm.filters().cleanupDaysProperty().set(3650);
            assertThat(f.vm.visibleFlags()).as("a change recorded today is younger than ten years")
                    .allSatisfy(row -> assertThat(row.lifecycle().lastChange()).isEmpty());

            db.execute("INSERT INTO inspector.change_set (db_role, os_user, action, flag_key, reason, happened_at) "
                    + "VALUES (current_user, 'alice', 'promote:pilot', 'route_optimizer_v2', 'gates passed', now() - interval '5 hours'),"
                    + " (current_user, 'bob', 'promote:general', 'live_tracking_map', 'gates passed', now() - interval '3 days')");
            f.vm.refresh();
            f.vm.filters().lifecycleProperty().set(LifecycleFilter.WATCH);
            assertThat(f.vm.visibleFlags()).extracting(FlagRow::key).containsExactly("route_optimizer_v2");
            assertThat(f.row("route_optimizer_v2").lifecycle().words(java.time.Instant.now()))
                    .isEqualTo("internal · promoted 5 h ago by alice");
            f.vm.filters().lifecycleProperty().set(LifecycleFilter.ALL);
            assertThat(f.row("live_tracking_map").lifecycle().words(java.time.Instant.now())).endsWith(" · 3 d");
            assertThat(f.row("live_tracking_map").channel(ReleaseChannel.GENERAL)).isPresent();
        }
    }
}
