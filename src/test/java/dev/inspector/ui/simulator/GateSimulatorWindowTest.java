package dev.inspector.ui.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.app.CompositionRoot;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.resolution.Stage;
import dev.inspector.domain.resolution.TraceStep;
import dev.inspector.testing.WindowTest;
import dev.inspector.testing.ConsoleWindow;
import dev.inspector.testing.Screenshots;
import dev.inspector.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The simulator tab in the real window on a real database, driven by TestFX. */
@WindowTest
class GateSimulatorWindowTest {

    private final FxRobot robot = new FxRobot();
    private CompositionRoot root;
    private javafx.stage.Stage stage;


    @BeforeEach
    void open(TestDatabase db) throws Exception {
        root = new CompositionRoot(db.target(), Map.of());
        stage = ConsoleWindow.open(root);
        // the simulator offers its choices once its tab is first shown
        ConsoleWindow.showTab(robot, stage, "simulatorTab");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> root.gateSimulatorViewModel().choices().tenants().size() == 10);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        ConsoleWindow.close(robot, root, stage);
    }

    @Test
    void aTrippedKillswitchShowsBlockedWithTheKillswitchRowHighlighted() {
        pickTenant("Prairie");
        pickUser("Caleb Johnson");
        pickFlag("fuel_card");

        assertThat(label("#serverVerdict").getText()).isEqualTo("Blocked");
        assertThat(label("#serverVerdict").getStyleClass()).contains("verdict-blocked");
        assertThat(label("#serverReason").getText()).isEqualTo("Killswitch tripped (KILLSWITCH_TRIPPED)");
        assertThat(label("#serverOpenFeature").getText()).isEqualTo("OpenFeature reason: DISABLED");
        assertThat(label("#uiVerdict").getText()).isEqualTo("Blocked");
        assertThat(decidingRows()).singleElement().satisfies(step -> {
            assertThat(step.stage()).isEqualTo(Stage.KILLSWITCH);
            assertThat(step.number()).isEqualTo(3);
        });
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "simulator-blocked"));
    }

    @Test
    void graceAtNorthwindIsAllowedByHerGrantAndTheGrantRowIsHighlighted() {
        pickTenant("Northwind");
        pickUser("Grace Whitfield");
        pickFlag("advanced_an");

        assertThat(label("#serverVerdict").getText()).isEqualTo("On");
        assertThat(label("#serverVerdict").getStyleClass()).contains("verdict-on").doesNotContain("verdict-blocked");
        assertThat(label("#serverReason").getText()).isEqualTo("Channel default (CHANNEL_DEFAULT)");
        assertThat(label("#uiVerdict").getText()).isEqualTo("On");
        assertThat(label("#uiReason").getText()).isEqualTo("User grant (USER_GRANT)");
        assertThat(label("#uiOpenFeature").getText()).isEqualTo("OpenFeature reason: TARGETING_MATCH");
        assertThat(decidingRows()).singleElement().extracting(TraceStep::stage).isEqualTo(Stage.USER_GRANT);
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "simulator-allowed"));

        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "simulator-allowed-dark"));
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theChannelDiffMarksWhatPromotingWouldChange() {
        pickTenant("Prairie");
        pickUser("Caleb Johnson");
        pickFlag("ai_load");

        TableView<?> diff = robot.lookup("#channelTable").queryAs(TableView.class);
        List<String> texts = robot.from(diff).lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled)
                .map(n -> ((javafx.scene.control.Labeled) n).getText())
                .filter(t -> t != null && !t.isEmpty())
                .toList();
        assertThat(texts).containsSubsequence("pilot", "On  ← changes", "Blocked")
                .contains("general (current)");
        assertThat(robot.from(diff).lookup(".current-channel").queryAll()).hasSize(1);
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "simulator-promote"));
    }

    @Test
    void allFlagsListsEveryFlagAndARowShowsItsTrace() {
        pickTenant("Northwind");
        pickUser("Grace Whitfield");
        pickFlag("All flags");

        TableView<?> table = robot.lookup("#simulatorFlagTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.isVisible()).isTrue();
        assertThat(table.getItems()).hasSize(15);
        assertThat(robot.lookup("#singleResult").query().isVisible()).isFalse();

        robot.interact(() -> table.scrollTo(10));
        Node fuelCell = robot.from(table).lookup(".table-cell")
                .match((Node n) -> n instanceof javafx.scene.control.Labeled cell && "fuel_card_sync".equals(cell.getText()))
                .query();
        robot.clickOn(fuelCell);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(decidingRows()).singleElement().extracting(TraceStep::stage).isEqualTo(Stage.KILLSWITCH);
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "simulator-all-flags"));
    }

    @Test
    void theSimulatorFollowsAChangeMadeInAnotherConsoleAndTheWindowSaysWhatChanged(TestDatabase db) throws Exception {
        pickTenant("Talbi");
        pickUser("Youssef Talbi");
        pickFlag("multi_stop");
        assertThat(label("#serverVerdict").getText()).isEqualTo("On");

        db.commands("bob").rollback("multi_stop_loads", dev.inspector.domain.RollbackOption.KILLSWITCH,
                "stops are billed twice");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "Blocked".equals(label("#serverVerdict").getText()));
        assertThat(label("#serverReason").getText()).isEqualTo("Killswitch tripped (KILLSWITCH_TRIPPED)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> root.mainViewModel().otherConsoleChangeProperty().get().contains("bob"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.mainViewModel().otherConsoleChangeProperty().get())
                .startsWith("Another console: bob (postgres) tripped the killswitch of multi_stop_loads at ")
                .endsWith(": \u201cstops are billed twice\u201d.");
        assertThat(robot.lookup("#freshnessLabel").queryAs(Label.class).getText()).startsWith("As of ").endsWith("live");
        org.controlsfx.control.NotificationPane notice = robot.lookup("#otherConsoleNotice")
                .queryAs(org.controlsfx.control.NotificationPane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, notice::isShowing);
        assertThat(notice.getText()).isEqualTo(root.mainViewModel().otherConsoleChangeProperty().get());
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS); // the bar slides in
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "simulator-after-other-console"));
    }

    @Test
    void asOfAMomentBeforeAKillTheSimulatorAnswersAsThenAndListsTheChangesSince(TestDatabase db) throws Exception {
        pickTenant("Talbi");
        pickUser("Youssef Talbi");
        pickFlag("eld_hos");
        String before = label("#serverVerdict").getText();
        java.time.OffsetDateTime moment = db.dsl().fetchValue(org.jooq.impl.DSL.currentOffsetDateTime());
        db.commands("carol").rollback("eld_hos_dashboard", dev.inspector.domain.RollbackOption.KILLSWITCH,
                "ELD feed sends stale hours");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "Blocked".equals(label("#serverVerdict").getText()));
        assertThat(before).isEqualTo("On");

        String typed = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                .format(moment.atZoneSameInstant(java.time.ZoneId.systemDefault()).plusNanos(1_000_000));
        ConsoleWindow.fill(robot, "#asOfField", typed);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "On".equals(label("#serverVerdict").getText()));
        assertThat(label("#asOfStatus").getText()).startsWith("As of " + typed.substring(0, 19)).endsWith("1 recorded change since:");
        assertThat(robot.lookup("#asOfChanges").queryListView().getItems()).singleElement().asString()
                .contains("carol tripped the killswitch of eld_hos_dashboard").endsWith("\u201cELD feed sends stale hours\u201d");
        assertThat(label("#simulatorSummary").getText()).startsWith("Past snapshot: ");
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "simulator-as-of"));
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "simulator-as-of-dark"));
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();

        ConsoleWindow.fill(robot, "#asOfField", "");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "Blocked".equals(label("#serverVerdict").getText()));
        assertThat(robot.lookup("#asOfBox").query().isVisible()).isFalse();
    }

    private void pickTenant(String typed) {
        robot.clickOn("#tenantPicker").write(typed).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Tenant tenant = root.gateSimulatorViewModel().choices().selectedTenantProperty().get();
        assertThat(tenant).isNotNull();
        assertThat(tenant.name()).startsWith(typed);
    }

    private void pickUser(String name) {
        robot.clickOn("#userPicker");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(n -> n instanceof javafx.scene.control.ListCell<?> cell && cell.getText() != null
                && cell.getText().startsWith(name + " <"));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<UserOption> picker = robot.lookup("#userPicker").queryAs(ComboBox.class);
        assertThat(picker.getValue().name()).isEqualTo(name);
    }

    private void pickFlag(String typed) {
        robot.clickOn("#flagPicker").write(typed).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.gateSimulatorViewModel().choices().selectedFlagProperty().get().label()).startsWith(typed);
    }

    /** The trace rows on screen that carry the highlight. */
    private List<TraceStep> decidingRows() {
        Node table = robot.lookup("#traceTable").query();
        return robot.from(table).lookup(".deciding-step").queryAll().stream()
                .map(n -> (TraceStep) ((TableRow<?>) n).getItem())
                .toList();
    }

    private Label label(String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
