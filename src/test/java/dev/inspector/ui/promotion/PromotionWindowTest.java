package dev.inspector.ui.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.app.CompositionRoot;
import dev.inspector.ui.release.FlagRow;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.testing.WindowTest;
import dev.inspector.testing.ConsoleWindow;
import dev.inspector.testing.Screenshots;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.TestPostgres;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** Promotion from Release Control in the real window: blocked by a gate, then overridden with a reason. */
@WindowTest
class PromotionWindowTest {

    private final FxRobot robot = new FxRobot();
    private TestDatabase db;
    private CompositionRoot root;
    private javafx.stage.Stage stage;


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
    void aFailedGateBlocksThePromotionUntilTheAdminOverridesItWithAReason() throws Exception {
        assertThat(robot.lookup("#promoteToPilot").queryButton().isDisabled()).as("no flag selected").isTrue();
        selectFlag("route_optimizer_v2");
        robot.clickOn("#promoteToPilot");
        waitForChecklist();

        Button promote = robot.lookup("#promoteButton").queryButton();
        Node auditCheck = robot.lookup("#check-isolation-audit").query();
        assertThat(auditCheck.getStyleClass()).contains("check-failed");
        assertThat(robot.from(auditCheck).lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("✗", "No complete isolation audit run yet.");
        assertThat(robot.lookup("#check-internal-on").query().getStyleClass()).contains("check-passed");
        assertThat(promote.isDisabled()).isTrue();

        robot.clickOn("#tick-console-errors");
        robot.clickOn("#tick-edge-logs");
        assertThat(promote.isDisabled()).as("ticks do not override a failed gate").isTrue();
        assertThat(robot.lookup("#promotionStatus").queryAs(Label.class).getText()).startsWith("Blocked by");
        assertThat(robot.from(dialogRoot()).lookup("#overrideReason").query().isVisible()).isTrue();
        robot.interact(() -> Screenshots.save(dialogRoot(), "promotion-checklist"));

        javafx.scene.control.TextInputControl reason = robot.from(dialogRoot()).lookup("#overrideReason")
                .queryAs(javafx.scene.control.TextInputControl.class);
        robot.clickOn(reason);
        robot.interact(() -> reason.setText("Audit scheduled tonight; RLS of the new tables checked by hand"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !promote.isDisabled());
        assertThat(promote.isDisabled()).isFalse();
        robot.interact(() -> Screenshots.save(dialogRoot(), "promotion-checklist-overridden"));

        robot.clickOn(promote);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pilotOf("route_optimizer_v2").equals(java.util.Optional.of(true)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#promotionStatus").queryAs(Label.class).getText())
                .matches("Promoted\\. Recorded in the change history as change \\d+\\.");
        assertThat(promote.isDisabled()).isTrue();
    }

    @Test
    void theGeneralChecklistShowsBothWaysWithTheirReachInTheDarkTheme() throws Exception {
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
        selectFlag("route_optimizer_v2");
        robot.clickOn("#promoteToPilot");
        waitForChecklist();
        robot.clickOn("#tick-console-errors");
        robot.interact(() -> Screenshots.save(dialogRoot(), "promotion-checklist-dark"));
        closeDialog();

        selectFlag("ai_load_matching");
        robot.clickOn("#promoteToGeneral");
        waitForChecklist();
        assertThat(robot.lookup("#way-GENERAL_ROW").queryAs(javafx.scene.control.RadioButton.class).getText())
                .isEqualTo("General row on: 7 tenants newly on");
        assertThat(robot.lookup("#way-GENERAL_ROW").queryAs(javafx.scene.control.RadioButton.class).isSelected())
                .as("the document's first way is preselected").isTrue();
        assertThat(robot.lookup("#way-GLOBAL_DEFAULT").queryAs(javafx.scene.control.RadioButton.class).getText())
                .isEqualTo("Global default on: 0 tenants newly on");
        assertThat(robot.lookup("#check-pilot-soak").query().getStyleClass()).contains("check-failed");
        robot.interact(() -> Screenshots.save(dialogRoot(), "promotion-general-dark"));
        robot.clickOn("#themeButton");
    }

    private void selectFlag(String key) throws Exception {
        // the table shares the tab with the history pane: bring the row into view before clicking it
        robot.interact(() -> flagTable().getItems().stream().filter(r -> r.key().equals(key)).findFirst()
                .ifPresent(r -> flagTable().scrollTo(r)));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#flagTable .table-cell")
                .match(LabeledMatchers.hasText(key)).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#flagTable .table-cell").match(LabeledMatchers.hasText(key)).queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitForChecklist() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#promotionStatus").tryQuery()
                .map(n -> !((Label) n).getText().isEmpty() && !((Label) n).getText().endsWith("…")).orElse(false));
        // the status can read before the manual checks are laid out; both targets have ticks
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup((Node n) -> n.getId() != null
                && n.getId().startsWith("tick-")).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void closeDialog() {
        robot.clickOn(robot.from(dialogRoot()).lookup(".button").match(LabeledMatchers.hasText("Close")).queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#promoteButton").tryQuery()).as("dialog closed").isEmpty();
    }

    private javafx.scene.Parent dialogRoot() {
        return robot.lookup("#promoteButton").query().getScene().getRoot();
    }

    @SuppressWarnings("unchecked")
    private TableView<FlagRow> flagTable() {
        return robot.lookup("#flagTable").queryAs(TableView.class);
    }

    private java.util.Optional<Boolean> pilotOf(String key) {
        return root.releaseControlViewModel().visibleFlags().stream().filter(f -> f.flag().key().equals(key))
                .findFirst().orElseThrow().channel(ReleaseChannel.PILOT);
    }
}
