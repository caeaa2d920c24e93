package dev.inspector.ui.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.app.CompositionRoot;
import dev.inspector.domain.KillswitchState;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.testing.WindowTest;
import dev.inspector.testing.ConsoleWindow;
import dev.inspector.testing.Screenshots;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Release Control in the real window on a fresh demo database per test, driven by TestFX. */
@WindowTest
class ReleaseControlWindowTest {

    private final FxRobot robot = new FxRobot();
    private TestDatabase db;
    private CompositionRoot root;
    private Stage stage;


    @BeforeEach
    void open(TestPostgres postgres) throws Exception {
        db = postgres.cloneDemo();
        root = new CompositionRoot(db.target(), Map.of());
        stage = ConsoleWindow.open(root);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> flagTable().getItems().size() == 15);
    }

    @AfterEach
    void close() throws Exception {
        ConsoleWindow.close(robot, root, stage);
        db.close();
    }

    @Test
    void createsAFlagThroughTheDialog() throws Exception {
        robot.clickOn("#newFlagButton");
        WaitForAsyncUtils.waitForFxEvents();
        Button create = robot.lookup("#createFlagConfirm").queryButton();
        assertThat(create.isDisabled()).isTrue();

        robot.clickOn("#newFlagKey").write("Invoice-Export");
        assertThat(label("#newFlagKeyProblem").getText()).startsWith("A key is lowercase snake_case");
        robot.clickOn("#newFlagName").write("Invoice export");
        assertThat(create.isDisabled()).as("invalid key").isTrue();
        robot.interact(() -> Screenshots.save(dialogRoot(), "create-flag-invalid"));

        robot.doubleClickOn("#newFlagKey").eraseText(14).write("invoice_export");
        ConsoleWindow.fill(robot, "#newFlagDescription", "CSV of invoices for the accounting export.");
        robot.clickOn("#newFlagReason").write("ticket 42");
        assertThat(label("#newFlagKeyProblem").getText()).isEmpty();
        assertThat(label("#newFlagInitialState").getText()).contains("internal on, pilot off, general off");
        assertThat(create.isDisabled()).isFalse();
        robot.interact(() -> Screenshots.save(dialogRoot(), "create-flag"));

        robot.clickOn(create);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> flagTable().getItems().size() == 16);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#createFlagConfirm").tryQuery()).as("the dialog closed").isEmpty();
        FlagRow created = root.releaseControlViewModel().selectedFlagProperty().get();
        assertThat(created.key()).isEqualTo("invoice_export");
        assertThat(created.channel(ReleaseChannel.INTERNAL)).contains(true);
        assertThat(created.channel(ReleaseChannel.PILOT)).contains(false);
    }

    @Test
    void aDoubleClickOnPilotOpensTheGatesAndOnAnOnCellAsksForTheRollbackReason() throws Exception {
        Node pilot = cell("route_optimizer_v2", "Pilot");
        assertThat(((TableCell<?, ?>) pilot).getText()).isEqualTo("Off");

        robot.doubleClickOn(pilot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#promotionTitle").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#automaticChecks").queryAs(
                javafx.scene.layout.VBox.class).getChildren().isEmpty());
        assertThat(label("#promotionTitle").getText()).isEqualTo("Promote route_optimizer_v2 to pilot");
        robot.interact(() -> Screenshots.save(robot.lookup("#promotionTitle").query().getScene().getRoot(),
                "gated-toggle-promotion"));
        assertThat(row("route_optimizer_v2").channel(ReleaseChannel.PILOT)).as("nothing written around the gates")
                .contains(false);
        robot.interact(() -> ((Stage) robot.lookup("#promotionTitle").query().getScene().getWindow()).close());

        robot.doubleClickOn(cell("route_optimizer_v2", "Internal"));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane confirm = robot.lookup(".release-dialog").queryAs(DialogPane.class);
        assertThat(confirm.getHeaderText()).startsWith("Turn internal off for route_optimizer_v2?")
                .contains("a rollback, recorded with its reason");
        assertThat(robot.lookup("#reasonConfirm").queryButton().isDisabled()).as("a rollback needs its reason").isTrue();
        ConsoleWindow.fill(robot, "#reasonInput", "optimizer loops on empty routes");
        robot.interact(() -> Screenshots.save(dialogRoot(), "rollback-reason"));
        robot.clickOn("#reasonConfirm");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> row("route_optimizer_v2").channel(ReleaseChannel.INTERNAL)
                .equals(Optional.of(false)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((TableCell<?, ?>) cell("route_optimizer_v2", "Internal")).getText()).isEqualTo("Off");
        assertThat(label("#flagStatus").getText()).startsWith("route_optimizer_v2: internal off (change ");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> !root.changeHistoryViewModel().visibleChanges().isEmpty());
        assertThat(root.changeHistoryViewModel().visibleChanges().get(0).kind())
                .isEqualTo(dev.inspector.domain.ChangeKind.ROLLBACK);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#restoreButton").queryButton().isDisabled());
    }

    @Test
    void theContextMenuRemovesAChannelRowAsARollback() throws Exception {
        robot.clickOn(cell("detention_billing", "Key"));
        // Headless Monocle turns a right click into no context-menu request, so the item is fired as a click would.
        MenuItem remove = flagTable().getContextMenu().getItems().stream()
                .filter(i -> i instanceof Menu m && "menu-general".equals(m.getId()))
                .flatMap(m -> ((Menu) m).getItems().stream())
                .filter(i -> "menu-general-remove".equals(i.getId())).findFirst().orElseThrow();
        assertThat(remove.getText()).isEqualTo("Remove row");
        assertThat(remove.isDisable()).isFalse();
        javafx.application.Platform.runLater(remove::fire); // the reason dialog waits in a nested event loop
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane confirm = robot.lookup(".release-dialog").queryAs(DialogPane.class);
        assertThat(confirm.getHeaderText()).startsWith("Remove the general row for detention_billing?");
        ConsoleWindow.fill(robot, "#reasonInput", "billing disputes");
        robot.clickOn("#reasonConfirm");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> row("detention_billing").channel(ReleaseChannel.GENERAL).isEmpty());
        assertThat(row("detention_billing").enabledTenants()).as("only internal is left").isEqualTo(1);
    }

    @Test
    void theKillswitchLifecycleFromTheToolbar() throws Exception {
        robot.clickOn(cell("fuel_card_sync", "Key"));
        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#killConfirm").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#killswitchNumbers").getText().contains("tripped"));
        assertThat(robot.lookup("#optionKillswitch").queryAs(javafx.scene.control.RadioButton.class).isDisabled())
                .as("Kill is not offered on a tripped flag").isTrue();
        assertThat(label("#killswitchNumbers").getText()).startsWith("fuel_card_sync is tripped already");
        robot.interact(() -> Screenshots.save(dialogRoot(), "kill-dialog-tripped"));
        robot.interact(() -> ((Stage) robot.lookup("#killConfirm").query().getScene().getWindow()).close());

        robot.clickOn("#killswitchMenu");
        robot.clickOn("#untripKillswitch");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane confirm = robot.lookup(".release-dialog").queryAs(DialogPane.class);
        assertThat(confirm.getHeaderText()).startsWith("Un-trip the killswitch of fuel_card_sync?")
                .contains("On for 0 of 10 tenants now, 10 afterwards.");
        ConsoleWindow.fill(robot, "#reasonInput", "provider fixed the duplicate charges");
        robot.interact(() -> Screenshots.save(dialogRoot(), "untrip"));
        robot.clickOn("#reasonConfirm");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> row("fuel_card_sync").flag().killswitchState() == KillswitchState.NONE);

        robot.clickOn(cell("carrier_payments", "Key"));
        robot.clickOn("#killswitchMenu");
        robot.clickOn("#disarmKillswitch");
        WaitForAsyncUtils.waitForFxEvents();
        ConsoleWindow.fill(robot, "#reasonInput", "payments moved to their own service");
        robot.clickOn("#reasonConfirm");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> row("carrier_payments").flag().killswitchState() == KillswitchState.NONE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label("#flagStatus").getText()).startsWith("Disarmed the killswitch of carrier_payments (change ");
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "killswitch-lifecycle"));
    }

    @Test
    void ctrlKOpensTheKillConfirmationAndRestorePutsTheFlagBack() throws Exception {
        robot.clickOn(cell("live_tracking_map", "Key"));
        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#killConfirm").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#killHeadline").getText().startsWith("Blocks"));

        assertThat(label("#killHeadline").getText())
                .isEqualTo("Blocks live_tracking_map for 10 tenants and 1 user who have it now.");
        assertThat(label("#channelsNumbers").getText()).isEqualTo("Blocks 10 tenants and 1 user who have it now.");
        assertThat(robot.lookup("#killConfirm").queryAll()).as("one dialog for one key press").hasSize(1);
        Button kill = robot.lookup("#killConfirm").queryButton();
        assertThat(kill.isDisabled()).as("no reason yet").isTrue();
        ConsoleWindow.fill(robot, "#killReason", "incident 4711: map tiles time out");
        assertThat(kill.isDisabled()).isFalse();
        robot.interact(() -> Screenshots.save(dialogRoot(), "kill-dialog"));

        robot.clickOn(kill);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> row("live_tracking_map").flag().killswitchState() == KillswitchState.TRIPPED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#restoreButton").queryButton().isDisabled());
        assertThat(row("live_tracking_map").enabledTenants()).isZero();
        assertThat(robot.lookup("#killConfirm").tryQuery()).as("the dialog closed").isEmpty();

        robot.clickOn("#restoreButton");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane confirm = robot.lookup(".release-dialog").queryAs(DialogPane.class);
        assertThat(confirm.getHeaderText()).contains("(rollback:killswitch) of live_tracking_map")
                .contains("incident 4711: map tiles time out");
        ConsoleWindow.fill(robot, "#reasonInput", "tiles fixed");
        robot.clickOn("#reasonConfirm");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> row("live_tracking_map").flag().killswitchState() == KillswitchState.NONE);
        assertThat(row("live_tracking_map").enabledTenants()).isEqualTo(10);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#restoreButton").queryButton().isDisabled());
    }

    @Test
    void theTabShowsNumbersFiltersAndTheHistoryOfTheSelectedChange() throws Exception {
        // some history to look at, written by "another console"
        var other = db.commands("bob");
        other.setChannel("temperature_alerts", ReleaseChannel.INTERNAL, Optional.of(true), Optional.of(false), "pilot soak starts");
        other.rollback("fuel_card_sync", dev.inspector.domain.RollbackOption.OVERRIDE_ALL_OFF,
                "=cmd|' /C calc'!A0 pasted by mistake");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> root.changeHistoryViewModel().visibleChanges().size() == 2);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> row("fuel_card_sync").overrideCount() == 10);

        assertThat(((TableCell<?, ?>) cell("document_scanning", "On for")).getText()).isEqualTo("90 %  9/10");
        assertThat(((TableCell<?, ?>) cell("document_scanning", "Overrides")).getText()).isEqualTo("1");

        TableView<?> changes = robot.lookup("#changeTable").queryAs(TableView.class);
        robot.clickOn(robot.from(changes).lookup(".table-cell").match(textContains("for fuel_card_sync")).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#changeRows").queryAs(TableView.class).getItems()).as("one override per tenant").hasSize(10);
        assertThat(root.changeHistoryViewModel().selectedRows())
                .extracting(r -> dev.inspector.service.RowDiff.describe(r.before(), r.after()))
                .as("Prairie's ON override turned off, the others new").filteredOn(d -> d.startsWith("enabled: true → false"))
                .hasSize(1);
        robot.interact(() -> Screenshots.save(robot.lookup("#changeHistory").query(), "history"));

        robot.clickOn(cell("ai_load_matching", "Key"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "release-control"));
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "release-control-dark"));
        robot.clickOn("#themeButton");

        // Chosen on the control: a ComboBox popup item is not reliably clickable under headless Monocle
        // in the full suite, and what is under test is the filter the choice drives.
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<KillswitchFilter> killswitchFilter =
                robot.lookup("#killswitchFilter").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> killswitchFilter.getSelectionModel().select(KillswitchFilter.TRIPPED));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(flagTable().getItems()).extracting(r -> ((FlagRow) r).key()).containsExactly("fuel_card_sync");
        assertThat(label("#flagSummary").getText()).isEqualTo("1 of 15 flags");
    }

    // --- helpers -----------------------------------------------------------------------------

    private TableView<?> flagTable() {
        return robot.lookup("#flagTable").queryAs(TableView.class);
    }

    @Test
    void archivingShowsItsSqlThenTakesTheFlagOutOfTheDailyViewIntoArchived() throws Exception {
        robot.interact(() -> root.releaseControlViewModel().select("dark_mode"));
        FlagRow dark = row("dark_mode");
        assertThat(dark.lifecycle().stage()).isEqualTo(dev.inspector.domain.lifecycle.LifecycleStage.FULLY_ON);
        javafx.application.Platform.runLater(() -> root.releaseControlViewModel().changes().archive(dark, true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#reasonShowSql").tryQuery()
                .filter(n -> n.isVisible() && n.getScene() != null && n.getScene().getWindow().isShowing()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#reasonShowSql");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#reasonSql").queryAs(javafx.scene.control.TextArea.class)
                .getText().contains("To undo it"));
        assertThat(robot.lookup("#reasonSql").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("insert into \"inspector\".\"flag_archive\"").contains("delete from \"inspector\".\"flag_archive\"");
        robot.interact(() -> Screenshots.save(robot.lookup("#reasonSql").query().getScene().getRoot(), "archive-sql"));
        ConsoleWindow.fill(robot, "#reasonInput", "on everywhere since spring, code removed");
        robot.clickOn("#reasonConfirm");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> flagTable().getItems().stream()
                .noneMatch(r -> ((FlagRow) r).key().equals("dark_mode")));
        assertThat(flagTable().getItems()).hasSize(14);

        robot.interact(() -> root.releaseControlViewModel().filters().lifecycleProperty().set(LifecycleFilter.ARCHIVED));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(flagTable().getItems()).extracting(r -> ((FlagRow) r).key()).containsExactly("dark_mode");
        assertThat(((FlagRow) flagTable().getItems().get(0)).lifecycle().words(java.time.Instant.now()))
                .isEqualTo("archived · 0 d");
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "archived-flags"));
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "archived-flags-dark"));
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private FlagRow row(String key) {
        return root.releaseControlViewModel().visibleFlags().stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow();
    }

    /** The on-screen cell of a flag's row in the column with that header text. */
    private Node cell(String key, String column) {
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<FlagRow> table = (TableView<FlagRow>) flagTable();
            table.scrollTo(row(key));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.from(flagTable()).lookup(".table-cell").match((Node n) -> n instanceof TableCell<?, ?> c
                && c.getTableRow() != null && c.getTableRow().getItem() instanceof FlagRow r && r.key().equals(key)
                && c.getTableColumn() != null && column.equals(c.getTableColumn().getText())).query();
    }

    private static Predicate<Node> textContains(String text) {
        return n -> n instanceof TableCell<?, ?> c && c.getText() != null && c.getText().contains(text);
    }

    private Node dialogRoot() {
        return robot.lookup(".release-dialog").queryAs(DialogPane.class).getScene().getRoot();
    }

    private Label label(String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
