package dev.inspector.ui.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.resolution.Decider;
import dev.inspector.domain.resolution.Stage;
import dev.inspector.domain.resolution.TraceStep;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import dev.inspector.testing.DirectTaskRunner;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import dev.inspector.ui.SessionState;
import dev.inspector.testing.QueuedUiExecutor;
import dev.inspector.testing.ScriptedDialogs;
import dev.inspector.ui.live.LiveGateData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jooq.Record3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class TenantMatrixViewModelTest {

    static final UUID NORTHWIND = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID TALBI = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID BLUE_RIDGE = UUID.fromString("00000000-0000-0000-0000-000000000004");

    private final SessionState state = new SessionState();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> errors = dialogs.shown;
    private final QueuedUiExecutor ui = new QueuedUiExecutor();
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final LiveGateData live = new LiveGateData(tasks, state, ui, Clock.systemUTC());
    private final TenantMatrixViewModel vm = new TenantMatrixViewModel(tasks, state, dialogs, live);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private TenantMatrixViewModel open(TestDatabase db) {
        Session session = new SessionOpener().open(db.target(), m -> { });
        toClose.add(session);
        state.replace(session);
        vm.shown();
        return vm;
    }

    @Test
    void theMatrixIsComputedOnlyOnceItsTabIsShownThenFollowsEveryNewSession(TestDatabase db) {
        Session session = new SessionOpener().open(db.target(), m -> { });
        toClose.add(session);
        state.replace(session);
        assertThat(live.current()).as("the shared snapshot is loaded for Release Control").isNotNull();
        assertThat(vm.data()).as("a tab never opened computes nothing").isNull();

        vm.shown();
        assertThat(vm.cells().rowCount()).isEqualTo(10);

        state.replace(null);
        assertThat(vm.data()).isNull();
        state.replace(session);
        assertThat(vm.cells().rowCount()).as("once shown, a new session is shown at once").isEqualTo(10);
    }

    @AfterEach
    void close() throws Exception {
        state.replace(null);
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void loadsEveryTenantAndFlagWhenASessionArrives(TestDatabase db) {
        open(db);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.cells().rowCount()).isEqualTo(10);
        assertThat(vm.cells().columnCount()).isEqualTo(15);
        assertThat(vm.summaryProperty().get()).isEqualTo("10 tenants × 15 flags");
        assertThat(vm.cells().rowLabel(0)).isEqualTo("Blue Ridge Haulage");
        assertThat(vm.cells().rowDetail(vm.cells().rowOf("Talbi Logistics LLC"))).isEqualTo("pilot");
    }

    @Test
    void filtersBuildIndexArraysOfTheMatchingTenantsAndFlags(TestDatabase db) {
        open(db);
        vm.channelFilterProperty().set(ChannelChoice.PILOT);
        assertThat(tenantNames()).containsExactly("Talbi Logistics LLC");

        vm.channelFilterProperty().set(ChannelChoice.GENERAL);
        vm.tenantTextProperty().set("  LOGISTICS ");
        assertThat(tenantNames()).containsExactly("Harbor Point Logistics");

        vm.channelFilterProperty().set(ChannelChoice.NONE);
        assertThat(vm.cells().visibleTenants()).isEmpty();

        vm.channelFilterProperty().set(ChannelChoice.ALL);
        vm.tenantTextProperty().set("");
        vm.flagTextProperty().set("card");
        assertThat(vm.cells().visibleTenants()).hasSize(10);
        int[] flags = vm.cells().visibleFlags();
        assertThat(Arrays.stream(flags).mapToObj(f -> vm.data().matrix().flag(f).key()))
                .containsExactly("fuel_card_sync");
        assertThat(vm.summaryProperty().get()).isEqualTo("10 tenants × 1 of 15 flags");
    }

    @Test
    void cellsCarryTheStyleOfTheLayerThatDecidedThem(TestDatabase db) {
        open(db);
        int fuel = vm.cells().columnOf("fuel_card_sync");
        assertThat(IntStream.range(0, vm.cells().rowCount()).mapToObj(r -> vm.cells().cellStyleClass(r, fuel)))
                .hasSize(10).containsOnly("decider-killswitch");
        assertThat(IntStream.range(0, vm.cells().rowCount()).filter(r -> vm.cells().enabled(r, fuel))).isEmpty();

        int northwind = vm.cells().rowOf("Northwind Freight Co.");
        int ai = vm.cells().columnOf("ai_load_matching");
        assertThat(vm.cells().cellStyleClass(northwind, ai)).isEqualTo("decider-override");
        assertThat(vm.cells().enabled(northwind, ai)).isTrue();
        assertThat(vm.cells().cellKind(northwind, ai)).isEqualTo(Decider.TENANT_OVERRIDE.ordinal() << 1 | 1);

        int talbi = vm.cells().rowOf("Talbi Logistics LLC");
        int detention = vm.cells().columnOf("detention_billing");
        assertThat(vm.cells().cellStyleClass(talbi, detention)).isEqualTo("decider-global");
        assertThat(vm.cells().enabled(talbi, detention)).isFalse();
        assertThat(vm.cells().cellStyleClass(northwind, detention)).isEqualTo("decider-channel");
        assertThat(vm.cells().enabled(northwind, detention)).isTrue();
    }

    @Test
    void aFocusedCellShowsItsTraceAndItsFlagsRolloutPerChannel(TestDatabase db) {
        open(db);
        vm.selection().pressCell(vm.cells().rowOf("Northwind Freight Co."), vm.cells().columnOf("ai_load_matching"), false, false);

        assertThat(vm.focus().trace()).filteredOn(TraceStep::decided).singleElement()
                .extracting(TraceStep::stage).isEqualTo(Stage.TENANT_OVERRIDE);
        assertThat(vm.focus().traceTitleProperty().get())
                .isEqualTo("Northwind Freight Co. × ai_load_matching: on, decided by tenant override");
        assertThat(vm.focus().rollout()).containsExactly(new ChannelShare("internal", 1, 1), new ChannelShare("pilot", 1, 1),
                new ChannelShare("general", 1, 8), new ChannelShare("no channel", 0, 0));
        assertThat(vm.focus().rolloutTitleProperty().get()).isEqualTo("Rollout of ai_load_matching: on for 3 of 10 tenants (internal 1 of 1, pilot 1 of 1, general 1 of 8)");
    }

    @Test
    void clicksShiftClicksHeadersAndDragsSelectCells(TestDatabase db) {
        open(db);
        vm.selection().pressCell(0, 0, false, false);
        vm.selection().pressCell(2, 3, true, false);
        assertThat(vm.selection().selectedCountProperty().get()).as("shift: rectangle 3 × 4").isEqualTo(12);
        vm.selection().pressCell(5, 5, false, true);
        assertThat(vm.selection().selectedCountProperty().get()).as("ctrl adds one").isEqualTo(13);
        vm.selection().pressCell(5, 5, false, true);
        assertThat(vm.selection().selectedCountProperty().get()).as("ctrl again removes it").isEqualTo(12);

        vm.selection().pressColumnHeader(4, false, false);
        assertThat(vm.selection().selectedCountProperty().get()).isEqualTo(10);
        assertThat(IntStream.range(0, 10).allMatch(r -> vm.cells().selected(r, 4))).isTrue();
        vm.selection().pressRowHeader(1, false, true);
        assertThat(vm.selection().selectedCountProperty().get()).as("column plus a row sharing one cell").isEqualTo(10 + 15 - 1);

        vm.selection().pressCell(1, 1, false, false);
        vm.selection().dragTo(3, 2);
        assertThat(vm.selection().selectedCountProperty().get()).isEqualTo(6);
        assertThat(vm.canOverrideProperty().get()).isTrue();

        vm.flagTextProperty().set("dark");
        assertThat(vm.selection().selectedCountProperty().get()).as("a filter drops the selection it might hide").isZero();
        assertThat(vm.canOverrideProperty().get()).isFalse();
    }

    @Test
    void overrideOffPreviewsThenWritesExactlyTheSelectedCellsInOneChange(TestDatabase db) {
        try (TestDatabase fresh = db.server().cloneDemo()) {
            open(fresh);
            vm.selection().pressCell(vm.cells().rowOf("Northwind Freight Co."), vm.cells().columnOf("route_optimizer_v2"), false, false);
            vm.selection().pressCell(vm.cells().rowOf("Blue Ridge Haulage"), vm.cells().columnOf("route_optimizer_v2"), false, true);
            vm.selection().pressCell(vm.cells().rowOf("Talbi Logistics LLC"), vm.cells().columnOf("dark_mode"), false, true);
            dialogs.answer("customer asked");

            vm.applyOverride(Optional.of(false));

            assertThat(dialogs.lastQuestion()).isEqualTo("Override off: 3 cells: Sets 3 new overrides to off and "
                    + "changes none, over 2 flags, all in one recorded change (undo restores it exactly). [required]");
            assertThat(errors).isEmpty();
            assertThat(overrides(fresh)).containsEntry(NORTHWIND + " route_optimizer_v2", false)
                    .containsEntry(BLUE_RIDGE + " route_optimizer_v2", false)
                    .containsEntry(TALBI + " dark_mode", false)
                    .hasSize(8 + 3);
            List<ChangeRecord> changes = state.current().history().recent(Optional.empty(), 10);
            assertThat(changes).as("one change set for the whole batch").singleElement().satisfies(change -> {
                assertThat(change.action()).isEqualTo("overrides");
                assertThat(change.flagKeys()).containsExactly("dark_mode", "route_optimizer_v2");
                assertThat(change.reason()).isEqualTo("customer asked");
                assertThat(change.rows()).hasSize(3);
            });
            // reloaded: the cells now say what decided them, and the selection survived the reload
            int talbi = vm.cells().rowOf("Talbi Logistics LLC");
            int dark = vm.cells().columnOf("dark_mode");
            assertThat(vm.cells().decider(talbi, dark)).isEqualTo(Decider.TENANT_OVERRIDE);
            assertThat(vm.cells().enabled(talbi, dark)).isFalse();
            assertThat(vm.selection().selectedCountProperty().get()).isEqualTo(3);
            assertThat(vm.statusProperty().get()).isEqualTo("3 overrides of 2 flags written in change "
                    + changes.get(0).id() + ".");

            dialogs.answer("clean up");
            vm.applyOverride(Optional.empty());
            assertThat(overrides(fresh)).hasSize(8);
        }
    }

    @Test
    void aBatchNamesTheOverridesItWouldReplaceNeedsAReasonAndUndoesExactly(TestDatabase db) {
        try (TestDatabase fresh = db.server().cloneDemo()) {
            open(fresh);
            Map<String, Boolean> before = overrides(fresh);
            int ai = vm.cells().columnOf("ai_load_matching");
            vm.selection().pressColumnHeader(ai, false, false);

            dialogs.cancel();
            vm.applyOverride(Optional.empty());
            assertThat(dialogs.lastQuestion()).as("clearing a column names the customer override it deletes")
                    .contains("Removes 1 override").contains("Existing overrides removed: Northwind Freight Co.: "
                            + "ai_load_matching on → cleared.");
            assertThat(overrides(fresh)).as("cancelled: nothing written").isEqualTo(before);

            dialogs.answer("pilot ends");
            vm.applyOverride(Optional.of(false));
            assertThat(dialogs.lastQuestion()).contains("Sets 9 new overrides to off and changes 1 existing")
                    .contains("Existing overrides replaced: Northwind Freight Co.: ai_load_matching on → off.");
            assertThat(overrides(fresh).keySet()).filteredOn(k -> k.endsWith(" ai_load_matching")).hasSize(10);
            assertThat(vm.overrides().undoableProperty().get()).isNotNull();

            vm.overrides().undo();

            assertThat(errors).isEmpty();
            assertThat(overrides(fresh)).as("undo puts back exactly what was there").isEqualTo(before);
            assertThat(vm.overrides().undoableProperty().get()).isNull();
            assertThat(vm.statusProperty().get()).startsWith("Change ").contains("undone");
        }
    }

    @Test
    void cellsAlreadyInTheWantedStateAreNotWritten(TestDatabase db) {
        try (TestDatabase fresh = db.server().cloneDemo()) {
            open(fresh);
            vm.selection().pressCell(vm.cells().rowOf("Northwind Freight Co."), vm.cells().columnOf("ai_load_matching"), false, false);
            vm.applyOverride(Optional.of(true));
            assertThat(vm.statusProperty().get()).isEqualTo("The selected cells already are that way: nothing to write.");
            assertThat(state.current().history().recent(Optional.empty(), 10)).isEmpty();
        }
    }

    @Test
    void aConflictingChangeIsRefusedSaidPlainlyAndTheMatrixReloads(TestDatabase db) {
        try (TestDatabase fresh = db.server().cloneDemo()) {
            open(fresh);
            int northwind = vm.cells().rowOf("Northwind Freight Co.");
            int ai = vm.cells().columnOf("ai_load_matching");
            vm.selection().pressCell(northwind, ai, false, false);
            fresh.execute("DELETE FROM public.tenant_feature_flags WHERE tenant_id = '" + NORTHWIND + "'");

            dialogs.answer("stale view");
            vm.applyOverride(Optional.of(false));

            assertThat(errors).singleElement().asString()
                    .startsWith("Overrides not written: The override of 'ai_load_matching' for tenant " + NORTHWIND)
                    .contains("Nothing was written");
            assertThat(overrides(fresh)).doesNotContainKey(NORTHWIND + " ai_load_matching");
            assertThat(vm.cells().decider(vm.cells().rowOf("Northwind Freight Co."), vm.cells().columnOf("ai_load_matching")))
                    .as("reloaded").isEqualTo(Decider.CHANNEL_DEFAULT);
            assertThat(vm.statusProperty().get()).isEqualTo("Nothing was written.");
        }
    }

    @Test
    void aChangeCommittedElsewhereReloadsTheMatrix(TestDatabase db) throws Exception {
        try (TestDatabase fresh = db.server().cloneDemo()) {
            open(fresh);
            try (Session other = new SessionOpener().open(fresh.target(), m -> { })) {
                other.flagCommands().setOverrides("live_tracking_map", Map.of(TALBI, Optional.empty()),
                        Optional.of(false), "elsewhere");
            }
            assertThat(ui.runNext(10)).as("the notification asked for a reload").isTrue();
            ui.runPending();
            int talbi = vm.cells().rowOf("Talbi Logistics LLC");
            int live = vm.cells().columnOf("live_tracking_map");
            assertThat(vm.cells().decider(talbi, live)).isEqualTo(Decider.TENANT_OVERRIDE);
            assertThat(vm.cells().enabled(talbi, live)).isFalse();
        }
    }

    private List<String> tenantNames() {
        return Arrays.stream(vm.cells().visibleTenants()).mapToObj(t -> vm.data().matrix().tenant(t).name()).toList();
    }

    private static Map<String, Boolean> overrides(TestDatabase db) {
        Map<String, Boolean> out = new java.util.HashMap<>();
        for (Record3<Object, Object, Object> row : db.dsl().select(
                        org.jooq.impl.DSL.field("o.tenant_id"), org.jooq.impl.DSL.field("f.key"),
                        org.jooq.impl.DSL.field("o.enabled"))
                .from("public.tenant_feature_flags o join public.feature_flags f on f.id = o.feature_flag_id").fetch()) {
            out.put(row.value1() + " " + row.value2(), (Boolean) row.value3());
        }
        return out;
    }
}
