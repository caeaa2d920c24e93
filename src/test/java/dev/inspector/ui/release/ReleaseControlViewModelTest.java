package dev.inspector.ui.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.KillswitchState;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.service.FlagCommands;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import dev.inspector.testing.DirectTaskRunner;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import dev.inspector.ui.SessionState;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ReleaseControlViewModelTest {

    @Test
    void loadsTheFlagsWithTheirTenantNumbersWhenASessionArrives(TestDatabase db) {
        try (ReleaseFixture f = new ReleaseFixture(db)) {
            assertThat(f.vm.visibleFlags()).hasSize(15);
            assertThat(f.vm.summaryProperty().get()).isEqualTo("15 flags");
            assertThat(f.vm.errorProperty().get()).isEmpty();
            assertThat(f.vm.loadingProperty().get()).isFalse();

            FlagRow live = f.row("live_tracking_map");
            assertThat(live.enabledTenants()).isEqualTo(10);
            assertThat(live.tenantCount()).isEqualTo(10);
            assertThat(live.overrideCount()).isZero();
            assertThat(live.enabledShare()).contains(1.0);

            FlagRow scanning = f.row("document_scanning");
            assertThat(scanning.enabledTenants()).as("Lone Star opted out").isEqualTo(9);
            assertThat(scanning.overrideCount()).isEqualTo(1);

            FlagRow fuel = f.row("fuel_card_sync");
            assertThat(fuel.enabledTenants()).as("tripped killswitch beats the ON override").isZero();
            assertThat(fuel.overrideCount()).isEqualTo(1);
            assertThat(f.row("customer_portal").enabledTenants()).as("general through the default").isEqualTo(10);
            assertThat(f.row("ai_load_matching").enabledTenants()).isEqualTo(3);
        }
    }

    @Test
    void searchFiltersByKeyNameOrDescriptionIgnoringCase(TestDatabase db) {
        try (ReleaseFixture f = new ReleaseFixture(db)) {
            f.vm.searchTextProperty().set("no such flag");
            assertThat(f.vm.visibleFlags()).isEmpty();
            assertThat(f.vm.summaryProperty().get()).isEqualTo("0 of 15 flags");

            f.vm.searchTextProperty().set("KiLl");
            assertThat(f.vm.visibleFlags()).as("descriptions count too").extracting(FlagRow::key)
                    .containsExactlyInAnyOrder("carrier_payments", "fuel_card_sync");

            f.vm.searchTextProperty().set("fuel");
            assertThat(f.vm.visibleFlags()).extracting(FlagRow::key).containsExactly("fuel_card_sync");
            assertThat(f.vm.summaryProperty().get()).isEqualTo("1 of 15 flags");

            f.vm.searchTextProperty().set("  ");
            assertThat(f.vm.visibleFlags()).hasSize(15);
        }
    }

    @Test
    void channelAndKillswitchFiltersCombineWithTheSearch(TestDatabase db) {
        try (ReleaseFixture f = new ReleaseFixture(db)) {
            f.vm.channelFilterProperty().set(ChannelFilter.ON_IN_PILOT);
            f.vm.killswitchFilterProperty().set(KillswitchFilter.NONE);
            assertThat(f.vm.visibleFlags()).extracting(FlagRow::key).containsExactlyInAnyOrder(
                    "ai_load_matching", "eld_hos_dashboard", "driver_mobile_app_v3", "live_tracking_map",
                    "document_scanning", "multi_stop_loads", "advanced_analytics", "customer_portal");

            f.vm.channelFilterProperty().set(ChannelFilter.OFF_IN_GENERAL);
            assertThat(f.vm.visibleFlags()).extracting(FlagRow::key).as("off and missing rows alike")
                    .contains("route_optimizer_v2", "temperature_alerts", "customer_portal", "dark_mode")
                    .doesNotContain("live_tracking_map");

            f.vm.channelFilterProperty().set(ChannelFilter.ANY);
            f.vm.killswitchFilterProperty().set(KillswitchFilter.TRIPPED);
            assertThat(f.vm.visibleFlags()).extracting(FlagRow::key).containsExactly("fuel_card_sync");
            f.vm.killswitchFilterProperty().set(KillswitchFilter.ARMED);
            assertThat(f.vm.visibleFlags()).extracting(FlagRow::key).containsExactly("carrier_payments");
            assertThat(f.vm.summaryProperty().get()).isEqualTo("1 of 15 flags");
        }
    }

    @Test
    void theVisibleListSortsByTheComparatorTheTableBinds(TestDatabase db) {
        try (ReleaseFixture f = new ReleaseFixture(db)) {
            f.vm.visibleFlags().setComparator(Comparator.comparingInt(FlagRow::enabledTenants).reversed()
                    .thenComparing(FlagRow::key));
            assertThat(f.vm.visibleFlags().get(0).enabledTenants()).isEqualTo(10);
            assertThat(f.vm.visibleFlags().get(14).enabledTenants()).isZero();

            f.vm.visibleFlags().setComparator(Comparator.comparing(r -> r.channel(ReleaseChannel.GENERAL),
                    ReleaseControlViewModel.stateOrder()));
            assertThat(f.vm.visibleFlags().get(0).channel(ReleaseChannel.GENERAL)).as("no row first").isEmpty();
            assertThat(f.vm.visibleFlags().get(14).channel(ReleaseChannel.GENERAL)).contains(true);
        }
    }

    @Test
    void aChannelToggleWritesFromTheSeenStateAndTheListShowsIt(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            FlagRow seen = f.select("route_optimizer_v2");

            f.vm.setChannel(seen, ReleaseChannel.PILOT, Optional.of(true), "pilot asked for it");

            FlagRow now = f.row("route_optimizer_v2");
            assertThat(now.channel(ReleaseChannel.PILOT)).contains(true);
            assertThat(now.enabledTenants()).as("internal and the pilot tenant").isEqualTo(2);
            assertThat(f.vm.selectedFlagProperty().get()).as("selection kept across the reload").isSameAs(now);
            assertThat(f.vm.selectedKeyProperty().get()).isEqualTo("route_optimizer_v2");
            assertThat(f.vm.statusProperty().get()).isEqualTo("route_optimizer_v2: pilot on.");
            assertThat(f.dialogs.shown).isEmpty();
            assertThat(f.session.history().recent(Optional.of("route_optimizer_v2"), 1)).singleElement()
                    .satisfies(c -> {
                        assertThat(c.action()).isEqualTo("set-channel");
                        assertThat(c.reason()).isEqualTo("pilot asked for it");
                    });

            f.vm.setChannel(now, ReleaseChannel.PILOT, Optional.empty(), "");
            assertThat(f.row("route_optimizer_v2").channel(ReleaseChannel.PILOT)).as("row removed").isEmpty();
        }
    }

    @Test
    void aToggleBasedOnAStaleRowIsRefusedSaidOnceAndTheListReloads(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            FlagRow seen = f.row("eld_hos_dashboard");
            assertThat(seen.channel(ReleaseChannel.GENERAL)).contains(false);
            // another admin promotes it meanwhile, from another console
            new FlagCommands(db.database(), "bob").setChannel("eld_hos_dashboard", ReleaseChannel.GENERAL,
                    Optional.of(false), Optional.of(true), "bob promotes");

            f.vm.setChannel(seen, ReleaseChannel.GENERAL, Optional.of(false), "I still saw it off");

            assertThat(f.dialogs.shown).singleElement().asString()
                    .startsWith("Nothing was changed: The general channel of 'eld_hos_dashboard' was changed meanwhile");
            assertThat(f.row("eld_hos_dashboard").channel(ReleaseChannel.GENERAL)).as("bob's value, reloaded").contains(true);
            assertThat(f.session.history().recent(Optional.of("eld_hos_dashboard"), 5))
                    .extracting(c -> c.reason()).containsExactly("bob promotes");
            assertThat(f.vm.writingProperty().get()).isFalse();
        }
    }

    @Test
    void theGlobalDefaultToggleWritesAndAStaleOneIsRefused(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            FlagRow seen = f.row("dark_mode");
            assertThat(seen.flag().defaultEnabled()).isTrue();

            f.vm.setDefault(seen, false, "dark mode breaks print");

            FlagRow now = f.row("dark_mode");
            assertThat(now.flag().defaultEnabled()).isFalse();
            assertThat(now.enabledTenants()).as("no channel rows: off everywhere").isZero();

            f.vm.setDefault(seen, true, "from the stale row");
            assertThat(f.dialogs.shown).singleElement().asString().contains("was changed meanwhile");
            assertThat(f.row("dark_mode").flag().defaultEnabled()).isFalse();
        }
    }

    @Test
    void aChangeCommittedByAnotherConsoleReloadsTheList(TestPostgres postgres) throws Exception {
        LinkedBlockingQueue<Runnable> uiThread = new LinkedBlockingQueue<>();
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db, uiThread::add)) {
            assertThat(f.row("temperature_alerts").channel(ReleaseChannel.PILOT)).contains(false);

            new FlagCommands(db.database(), "bob").setChannel("temperature_alerts", ReleaseChannel.PILOT,
                    Optional.of(false), Optional.of(true), "bob");
            Runnable reload = uiThread.poll(10, TimeUnit.SECONDS);
            assertThat(reload).as("the notification reached this console").isNotNull();
            reload.run();

            assertThat(f.row("temperature_alerts").channel(ReleaseChannel.PILOT)).contains(true);
        }
    }

    @Test
    void aDatabaseThatWentAwayBecomesAPlainErrorAndKeepsTheOldList(TestDatabase db) {
        SessionState state = new SessionState();
        ReleaseControlViewModel vm = new ReleaseControlViewModel(new DirectTaskRunner(), state, new RecordingDialogs(), a -> { });
        Session session = new SessionOpener().open(db.target(), m -> { });
        state.replace(session);
        assertThat(vm.visibleFlags()).hasSize(15);

        session.database().close(); // the pool is gone, as if the server vanished
        vm.refresh();

        assertThat(vm.errorProperty().get()).startsWith("Loading the flags failed");
        assertThat(vm.visibleFlags()).hasSize(15);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.visibleFlags()).extracting(r -> r.flag().killswitchState()).contains(KillswitchState.TRIPPED);
        session.close();
    }
}
