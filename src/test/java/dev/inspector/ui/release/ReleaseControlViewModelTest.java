package dev.inspector.ui.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.KillswitchState;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import dev.inspector.testing.DirectTaskRunner;
import dev.inspector.testing.QueuedUiExecutor;
import dev.inspector.testing.ScriptedDialogs;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.domain.promotion.GeneralWay;
import dev.inspector.domain.promotion.PromotionTarget;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
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
    void switchingPilotOrGeneralOnOpensTheGatesInsteadOfWriting(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            FlagRow seen = f.select("route_optimizer_v2");

            f.changes().toggleChannel(seen, ReleaseChannel.PILOT);
            f.changes().changeChannel(seen, ReleaseChannel.GENERAL, Optional.of(true));
            f.changes().toggleDefault(seen);

            assertThat(f.promotions).containsExactly(
                    new ReleaseFixture.Opened(seen.flag(), PromotionTarget.PILOT, Optional.empty()),
                    new ReleaseFixture.Opened(seen.flag(), PromotionTarget.GENERAL, Optional.of(GeneralWay.GENERAL_ROW)),
                    new ReleaseFixture.Opened(seen.flag(), PromotionTarget.GENERAL, Optional.of(GeneralWay.GLOBAL_DEFAULT)));
            assertThat(f.dialogs.asked).as("no quick write was offered").isEmpty();
            assertThat(f.session.history().recent(Optional.of("route_optimizer_v2"), 5)).isEmpty();
            assertThat(f.row("route_optimizer_v2").channel(ReleaseChannel.PILOT)).contains(false);
        }
    }

    @Test
    void switchingOffIsARollbackWithARequiredReasonAndInternalOnIsAPlainChange(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            FlagRow seen = f.select("route_optimizer_v2");
            f.dialogs.answer("the optimizer loops");

            f.changes().toggleChannel(seen, ReleaseChannel.INTERNAL);

            assertThat(f.dialogs.lastQuestion()).startsWith("Change internal: Turn internal off for route_optimizer_v2?")
                    .contains("a rollback, recorded with its reason").endsWith("[required]");
            FlagRow now = f.row("route_optimizer_v2");
            assertThat(now.channel(ReleaseChannel.INTERNAL)).contains(false);
            assertThat(f.vm.selectedFlagProperty().get()).as("selection kept across the reload").isSameAs(now);
            assertThat(f.changes().statusProperty().get()).startsWith("route_optimizer_v2: internal off (change ");
            assertThat(f.session.history().recent(Optional.of("route_optimizer_v2"), 1)).singleElement()
                    .satisfies(c -> {
                        assertThat(c.action()).isEqualTo("rollback:channel_off");
                        assertThat(c.reason()).isEqualTo("the optimizer loops");
                    });
            assertThat(f.vm.restorableProperty().get()).as("a switch-off is restorable like any rollback").isNotNull();

            f.dialogs.answer("");
            f.changes().toggleChannel(f.row("edi_status_feed"), ReleaseChannel.INTERNAL);
            assertThat(f.dialogs.lastQuestion()).as("internal on: the reason is optional").doesNotContain("[required]");
            assertThat(f.row("edi_status_feed").channel(ReleaseChannel.INTERNAL)).contains(true);

            f.dialogs.answer("tidy");
            f.changes().changeChannel(f.row("route_optimizer_v2"), ReleaseChannel.PILOT, Optional.empty());
            assertThat(f.row("route_optimizer_v2").channel(ReleaseChannel.PILOT)).as("row removed").isEmpty();
            assertThat(f.dialogs.shown).isEmpty();
        }
    }

    @Test
    void removingARowThatWouldLetAnOnDefaultDecideIsRefused(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            f.changes().changeChannel(f.row("carrier_payments"), ReleaseChannel.GENERAL, Optional.empty());
            assertThat(f.dialogs.shown).as("general is on already: removing it changes nothing, asked normally").isEmpty();

            db.execute("UPDATE public.release_channel_feature_flags SET enabled = false WHERE release_channel = 'pilot' "
                    + "AND feature_flag_id = (SELECT id FROM public.feature_flags WHERE key = 'customer_portal')");
            f.vm.refresh();
            f.changes().changeChannel(f.row("customer_portal"), ReleaseChannel.PILOT, Optional.empty());

            assertThat(f.dialogs.shown).singleElement().asString().startsWith("Not without the gates: Removing the pilot "
                    + "row of customer_portal lets its global default, which is on, decide");
        }
    }

    @Test
    void aSwitchBasedOnAStaleRowIsRefusedSaidOnceAndTheListReloads(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            FlagRow seen = f.row("eld_hos_dashboard");
            assertThat(seen.channel(ReleaseChannel.INTERNAL)).contains(true);
            // another admin turns internal off meanwhile, from another console
            db.commands("bob").setChannel("eld_hos_dashboard", ReleaseChannel.INTERNAL, Optional.of(true),
                    Optional.of(false), "bob turns it off");
            f.dialogs.answer("I still saw it on");

            f.changes().changeChannel(seen, ReleaseChannel.INTERNAL, Optional.of(false));

            assertThat(f.dialogs.shown).singleElement().asString()
                    .startsWith("Nothing was changed: The internal channel of 'eld_hos_dashboard' was changed meanwhile");
            assertThat(f.row("eld_hos_dashboard").channel(ReleaseChannel.INTERNAL)).as("bob's value, reloaded").contains(false);
            assertThat(f.session.history().recent(Optional.of("eld_hos_dashboard"), 5))
                    .extracting(c -> c.reason()).containsExactly("bob turns it off");
            assertThat(f.changes().writingProperty().get()).isFalse();
        }
    }

    @Test
    void theGlobalDefaultOffIsARollbackAndAStaleSwitchIsRefused(TestPostgres postgres) {
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db)) {
            FlagRow seen = f.row("dark_mode");
            assertThat(seen.flag().defaultEnabled()).isTrue();
            f.dialogs.answer("dark mode breaks print");

            f.changes().changeDefault(seen, false);

            FlagRow now = f.row("dark_mode");
            assertThat(now.flag().defaultEnabled()).isFalse();
            assertThat(now.enabledTenants()).as("no channel rows: off everywhere").isZero();
            assertThat(f.session.history().recent(Optional.of("dark_mode"), 1)).singleElement()
                    .satisfies(c -> assertThat(c.action()).isEqualTo("rollback:default_off"));

            db.execute("UPDATE public.feature_flags SET default_enabled = true WHERE key = 'dark_mode'");
            f.dialogs.answer("stale");
            f.changes().changeDefault(now, false);
            assertThat(f.dialogs.shown).singleElement().asString().contains("was changed meanwhile");
        }
    }

    @Test
    void aChangeCommittedByAnotherConsoleReloadsTheListAndIsNamed(TestPostgres postgres) throws Exception {
        QueuedUiExecutor uiThread = new QueuedUiExecutor();
        try (TestDatabase db = postgres.cloneDemo(); ReleaseFixture f = new ReleaseFixture(db, uiThread)) {
            assertThat(f.row("temperature_alerts").channel(ReleaseChannel.INTERNAL)).contains(true);

            db.commands("bob").setChannel("temperature_alerts", ReleaseChannel.INTERNAL,
                    Optional.of(true), Optional.of(false), "alerts spam the pager");
            assertThat(uiThread.runNext(10)).as("the notification reached this console").isTrue();
            uiThread.runPending();

            assertThat(f.row("temperature_alerts").channel(ReleaseChannel.INTERNAL)).contains(false);
            assertThat(f.live.otherConsoleChangeProperty().get()).startsWith("Another console: bob (postgres) "
                    + "switched a channel row of temperature_alerts off at ").endsWith(": \u201calerts spam the pager\u201d.");
            assertThat(f.live.freshnessProperty().get()).startsWith("As of ").endsWith("\u00b7 live");
        }
    }

    @Test
    void aDatabaseThatWentAwayBecomesAPlainErrorAndKeepsTheOldList(TestDatabase db) {
        SessionState state = new SessionState();
        DirectTaskRunner tasks = new DirectTaskRunner();
        LiveGateData live = new LiveGateData(tasks, state, a -> { }, Clock.systemUTC());
        ReleaseControlViewModel vm = new ReleaseControlViewModel(tasks, state, new ScriptedDialogs(), live,
                (flag, target, way) -> { });
        Session session = new SessionOpener().open(db.target(), m -> { });
        state.replace(session);
        assertThat(vm.visibleFlags()).hasSize(15);

        session.database().close(); // the pool is gone, as if the server vanished
        vm.refresh();

        assertThat(vm.errorProperty().get()).startsWith("Loading the gate tables failed");
        assertThat(vm.visibleFlags()).hasSize(15);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.visibleFlags()).extracting(r -> r.flag().killswitchState()).contains(KillswitchState.TRIPPED);
        session.close();
    }
}
