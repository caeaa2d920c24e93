package dev.inspector.ui.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.promotion.AuditSummary;
import dev.inspector.domain.promotion.GateCheck;
import dev.inspector.domain.promotion.WayReach;
import dev.inspector.domain.promotion.GeneralWay;
import dev.inspector.domain.promotion.PromotionTarget;
import dev.inspector.service.PromotionService;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import dev.inspector.testing.DirectTaskRunner;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import dev.inspector.ui.SessionState;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The checklist's commands without a window, on a real database. */
@ExtendWith(PostgresExtension.class)
class PromotionDialogViewModelTest {

    private TestDatabase db;
    private Session session;
    private final SessionState state = new SessionState();
    private final AtomicInteger refreshes = new AtomicInteger();

    @BeforeEach
    void open(TestPostgres postgres) {
        db = postgres.cloneDemo();
        session = new SessionOpener().open(db.target(), m -> { });
        state.replace(session);
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    /**
     * The window adds its listeners to these lists once and keeps no other reference to them: a
     * read-only view made per call was collected with the listener on it, and the dialog stayed
     * empty (seen in the window tests when the garbage collector ran at the wrong moment).
     */
    @Test
    void aListenerAddedOnceHearsEveryLoadEvenAfterAGarbageCollection() throws Exception {
        PromotionDialogViewModel vm = new PromotionDialogViewModel(new DirectTaskRunner(), state, 7, refreshes::incrementAndGet);
        AtomicInteger heard = new AtomicInteger();
        vm.automaticChecks().addListener((javafx.collections.ListChangeListener<GateCheck>) c -> heard.incrementAndGet());
        vm.manualChecks().addListener((javafx.collections.ListChangeListener<ManualCheck>) c -> heard.incrementAndGet());
        vm.ways().addListener((javafx.collections.ListChangeListener<WayReach>) c -> heard.incrementAndGet());
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }

        vm.open("ai_load_matching", PromotionTarget.GENERAL);

        assertThat(vm.manualChecks()).as("the same view every time").isSameAs(vm.manualChecks());
        assertThat(heard).as("automatic, manual and ways lists each told the listener").hasValueGreaterThanOrEqualTo(3);
    }

    @Test
    void aFailedGateKeepsPromoteDisabledUntilTicksAndAReasonAreGiven() {
        PromotionDialogViewModel vm = new PromotionDialogViewModel(new DirectTaskRunner(), state, 7, refreshes::incrementAndGet);

        vm.open("route_optimizer_v2", PromotionTarget.PILOT);

        assertThat(vm.titleProperty().get()).isEqualTo("Promote route_optimizer_v2 to pilot");
        assertThat(vm.changeProperty().get()).isEqualTo("internal → pilot: switches the pilot channel row on (now off).");
        assertThat(vm.automaticChecks()).extracting(GateCheck::status)
                .containsExactly(GateCheck.Status.PASSED, GateCheck.Status.FAILED);
        assertThat(vm.manualChecks()).extracting(ManualCheck::title)
                .containsExactly("No console errors specific to the feature", "Edge-function logs clean");
        assertThat(vm.ways()).isEmpty();
        assertThat(vm.overrideNeededProperty().get()).isTrue();
        assertThat(vm.promoteEnabledProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Tick the manual checks first");

        vm.manualChecks().forEach(c -> c.tickedProperty().set(true));
        assertThat(vm.promoteEnabledProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Blocked by \"Latest isolation audit passed");

        vm.overrideReasonProperty().set("RLS checked by hand; audit is issue #5");
        assertThat(vm.promoteEnabledProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Ready to promote, overriding the failed gates with your reason.");

        vm.manualChecks().get(0).tickedProperty().set(false);
        assertThat(vm.promoteEnabledProperty().get()).as("a reason never replaces a tick").isFalse();
        vm.manualChecks().get(0).tickedProperty().set(true);

        vm.promote();

        assertThat(vm.promotedProperty().get()).isTrue();
        assertThat(vm.promoteEnabledProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).matches("Promoted\\. Recorded in the change history as change \\d+\\.");
        assertThat(session.history().recent(Optional.of("route_optimizer_v2"), 1).get(0).reason())
                .startsWith("Promoted to pilot.").endsWith("Reason: RLS checked by hand; audit is issue #5");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(refreshes.get()).isEqualTo(1);
        assertThat(pilotRow("route_optimizer_v2")).contains(true);
    }

    @Test
    void generalOffersBothWaysAndWritesTheChosenOne() {
        AuditSummary clean = new AuditSummary(1, OffsetDateTime.now(), 0, 0, "");
        PromotionDialogViewModel vm = new PromotionDialogViewModel(new DirectTaskRunner(), state,
                s -> new PromotionService(s.gates(), s.flagCommands(), s.database(), () -> Optional.of(clean), 0,
                        Clock.systemUTC()), refreshes::incrementAndGet);
        db.execute("INSERT INTO inspector.change_set (happened_at, os_user, action, flag_key) "
                + "VALUES (now() - interval '1 hour', 'sql', 'set-channel', 'eld_hos_dashboard')");
        db.execute("INSERT INTO inspector.change_entry (change_set_id, table_name, row_key, before_value, after_value) "
                + "SELECT max(id), 'release_channel_feature_flags', 'eld_hos_dashboard/pilot', NULL, "
                + "'{\"enabled\": true}' FROM inspector.change_set");

        vm.open("eld_hos_dashboard", PromotionTarget.GENERAL);

        assertThat(vm.automaticChecks()).allSatisfy(c -> assertThat(c.status()).isEqualTo(GateCheck.Status.PASSED));
        assertThat(vm.overrideNeededProperty().get()).isFalse();
        assertThat(vm.ways()).extracting(w -> w.summary()).containsExactly(
                "General row on: 7 tenants newly on", "Global default on: 0 tenants newly on");
        assertThat(vm.wayProperty().get()).isEqualTo(GeneralWay.GENERAL_ROW);
        vm.manualChecks().forEach(c -> c.tickedProperty().set(true));
        assertThat(vm.statusProperty().get()).isEqualTo("All gates passed: ready to promote.");

        vm.wayProperty().set(GeneralWay.GLOBAL_DEFAULT);
        vm.promote();

        assertThat(vm.promotedProperty().get()).isTrue();
        assertThat(session.gates().snapshot().findFlag("eld_hos_dashboard").orElseThrow().defaultEnabled()).isTrue();
    }

    @Test
    void aPromotionRefusedBecauseTheRowMovedSaysSoAndShowsTheCurrentState() {
        PromotionDialogViewModel vm = new PromotionDialogViewModel(new DirectTaskRunner(), state, 7, refreshes::incrementAndGet);
        vm.open("temperature_alerts", PromotionTarget.PILOT);
        vm.manualChecks().forEach(c -> c.tickedProperty().set(true));
        vm.overrideReasonProperty().set("no audit yet");
        db.execute("UPDATE public.release_channel_feature_flags SET enabled = true WHERE release_channel = 'pilot' "
                + "AND feature_flag_id = (SELECT id FROM public.feature_flags WHERE key = 'temperature_alerts')");

        vm.promote();

        assertThat(vm.promotedProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("The pilot row of 'temperature_alerts' is now on, not off as in "
                + "the checklist. Nothing was written; look at the checklist again.");
        assertThat(vm.changeProperty().get()).as("reloaded").endsWith("(on already).");
        assertThat(refreshes.get()).isZero();
    }

    @Test
    void withoutASessionItSaysSoAndOffersNothing() {
        PromotionDialogViewModel vm = new PromotionDialogViewModel(new DirectTaskRunner(), new SessionState(), 7, () -> { });

        vm.open("route_optimizer_v2", PromotionTarget.PILOT);

        assertThat(vm.errorProperty().get()).isEqualTo("Not connected to a database.");
        assertThat(vm.promoteEnabledProperty().get()).isFalse();
        assertThat(vm.automaticChecks()).isEmpty();
    }

    private Optional<Boolean> pilotRow(String key) {
        return session.releaseControl().listFlags().stream().filter(f -> f.flag().key().equals(key)).findFirst()
                .orElseThrow().channel(ReleaseChannel.PILOT);
    }


    @Test
    void showSqlRehearsesThePromotionWithItsUndoAndWritesNothing() {
        PromotionDialogViewModel vm = new PromotionDialogViewModel(new DirectTaskRunner(), state, 7, refreshes::incrementAndGet);
        vm.open("route_optimizer_v2", PromotionTarget.PILOT);
        String channels = String.valueOf(db.dsl().fetch("SELECT * FROM public.release_channel_feature_flags ORDER BY 1, 2")
                .formatCSV());
        int changes = db.dsl().fetchCount(org.jooq.impl.DSL.table("inspector.change_set"));

        vm.showSql();

        assertThat(vm.sql().textProperty().get()).startsWith("It would change 1 row with:")
                .contains("\"public\".\"release_channel_feature_flags\"").contains("To undo it afterwards:");
        assertThat(db.dsl().fetch("SELECT * FROM public.release_channel_feature_flags ORDER BY 1, 2").formatCSV())
                .isEqualTo(channels);
        assertThat(db.dsl().fetchCount(org.jooq.impl.DSL.table("inspector.change_set"))).isEqualTo(changes);
    }
}
