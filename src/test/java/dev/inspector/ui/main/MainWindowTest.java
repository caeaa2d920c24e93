package dev.inspector.ui.main;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import dev.inspector.testing.Locks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.app.CompositionRoot;
import dev.inspector.ui.release.FlagRow;
import dev.inspector.testing.WindowTest;
import dev.inspector.testing.ConsoleWindow;
import dev.inspector.testing.Screenshots;
import dev.inspector.testing.TestDatabase;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real FXML shell on a real database, driven by TestFX (headless Monocle in the build). */
@WindowTest
@ResourceLock(value = Locks.ROLES, mode = ResourceAccessMode.READ)
class MainWindowTest {

    private final FxRobot robot = new FxRobot();
    private CompositionRoot root;
    private Stage stage;


    @BeforeEach
    void open(TestDatabase db) throws Exception {
        root = new CompositionRoot(db.target(), Map.of());
        stage = ConsoleWindow.open(root);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> flagTable().getItems().size() == 15);
    }

    @AfterEach
    void close() throws Exception {
        ConsoleWindow.close(robot, root, stage);
    }

    @Test
    void opensOnTheDatabaseAndShowsItsFlagsAndStatus() throws Exception {
        // the rows arrive first, the summary with the tenant numbers a moment later
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "15 flags".equals(label("#flagSummary").getText()));
        assertThat(label("#databaseLabel").getText()).startsWith("localhost:");
        assertThat(label("#serverVersionLabel").getText()).startsWith("PostgreSQL 16");
        assertThat(label("#roleLabel").getText()).isEqualTo("as postgres");
        assertThat(robot.lookup("#startupPane").query().isVisible()).isFalse();
        assertThat(label("#flagSummary").getText()).isEqualTo("15 flags");
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "main-light"));
    }

    @Test
    void searchFiltersTheFlagTable() {
        robot.clickOn("#flagSearch").write("pilot");

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(flagTable().getItems()).extracting(f -> f.flag().key())
                .allSatisfy(key -> assertThat(key).isNotBlank())
                .hasSizeLessThan(15);
        assertThat(label("#flagSummary").getText()).endsWith("of 15 flags");

        robot.doubleClickOn("#flagSearch").eraseText(5).write("fuel_card");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(flagTable().getItems()).extracting(f -> f.flag().key()).containsExactly("fuel_card_sync");
    }

    @Test
    void tabsSwitchToTheIsolationAuditReadyToRun() {
        robot.clickOn("#tenantIsolationTab");
        WaitForAsyncUtils.waitForFxEvents();

        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Tenant Isolation");
        assertThat(robot.lookup("#runAudit").queryButton().getText()).isEqualTo("Run audit");
        assertThat(robot.lookup("#runAudit").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#cancelAudit").queryButton().isDisabled()).as("nothing runs yet").isTrue();
    }

    @Test
    void themeToggleSwitchesToDarkAndBack() {
        Node shell = stage.getScene().getRoot();
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shell.getStyleClass()).contains("dark");
        assertThat(robot.lookup("#themeButton").queryButton().getText()).isEqualTo("Light theme");
        robot.interact(() -> Screenshots.save(shell, "main-dark"));

        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.getStyleClass()).doesNotContain("dark");
    }

    @SuppressWarnings("unchecked")
    private TableView<FlagRow> flagTable() {
        return (TableView<FlagRow>) robot.lookup("#flagTable").queryAs(TableView.class);
    }

    private Label label(String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
