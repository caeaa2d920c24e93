package dev.inspector.ui.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.app.CompositionRoot;
import dev.inspector.domain.resolution.Decider;
import dev.inspector.testing.WindowTest;
import dev.inspector.testing.ConsoleWindow;
import dev.inspector.testing.Screenshots;
import dev.inspector.testing.TestDatabase;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Tenant Matrix tab in the real window on a real database (a fresh clone: it writes), driven by TestFX. */
@WindowTest
class TenantMatrixWindowTest {

    private final FxRobot robot = new FxRobot();
    private CompositionRoot root;
    private javafx.stage.Stage stage;
    private TestDatabase fresh;


    @BeforeEach
    void open(TestDatabase db) throws Exception {
        fresh = db.server().cloneDemo();
        root = new CompositionRoot(fresh.target(), Map.of());
        stage = ConsoleWindow.open(root);
        robot.interact(() -> {
            // the whole headless screen (1280 × 800): a larger stage overflows its frame buffer
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        // the matrix is computed when its tab is first shown
        ConsoleWindow.showTab(robot, stage, "tenantMatrixTab");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().cells().rowCount() == 10);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        ConsoleWindow.close(robot, root, stage);
        fresh.close();
    }

    @Test
    void asOfAMomentBeforeAKillTheMatrixShowsThenAndTakesNoOverride() throws Exception {
        java.time.OffsetDateTime moment = fresh.dsl().fetchValue(org.jooq.impl.DSL.currentOffsetDateTime());
        int flag = vm().data().matrix().snapshot().flagIndex("live_tracking_map");
        int onBefore = vm().data().matrix().enabledTenantCount(flag);
        assertThat(onBefore).isPositive();
        fresh.commands("dora").rollback("live_tracking_map", dev.inspector.domain.RollbackOption.KILLSWITCH, "map tiles time out");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> vm().data().matrix().enabledTenantCount(
                vm().data().matrix().snapshot().flagIndex("live_tracking_map")) == 0);

        String typed = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                .format(moment.atZoneSameInstant(java.time.ZoneId.systemDefault()).plusNanos(1_000_000));
        ConsoleWindow.fill(robot, "#matrixAsOf", typed);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> vm().data().matrix().enabledTenantCount(
                vm().data().matrix().snapshot().flagIndex("live_tracking_map")) == onBefore);
        assertThat(robot.lookup("#matrixAsOfStatus").queryAs(Label.class).getText()).endsWith("1 recorded change since:");
        clickCell("Northwind Freight Co.", "ai_load_matching", false);
        assertThat(vm().canOverrideProperty().get()).as("the past takes no override").isFalse();
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "tenant-matrix-as-of"));

        ConsoleWindow.fill(robot, "#matrixAsOf", "");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> vm().data().matrix().enabledTenantCount(
                vm().data().matrix().snapshot().flagIndex("live_tracking_map")) == 0);
    }

    @Test
    void theGridTakesTheFocusAndArrowsMoveTheCellSpaceSelectsAndTheTabStays() {
        clickCell("Northwind Freight Co.", "ai_load_matching", false);
        String before = robot.lookup("#matrixTraceTitle").queryAs(Label.class).getText();
        javafx.scene.control.TabPane tabs = robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class);
        assertThat(robot.lookup(".matrix-grid").query().isFocused()).isTrue();

        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tenantMatrixTab");
        String after = robot.lookup("#matrixTraceTitle").queryAs(Label.class).getText();
        assertThat(after).isNotEqualTo(before).doesNotStartWith("Northwind Freight Co. ×");
        assertThat(vm().selection().selectedCountProperty().get()).isEqualTo(1);

        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().selection().selectedCountProperty().get()).as("shift extends the rectangle").isEqualTo(2);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().selection().selectedCountProperty().get()).as("space takes the focused cell out").isEqualTo(1);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().selection().selectedCountProperty().get()).isEqualTo(2);
    }

    @Test
    void clickingACellShowsItsTraceWithTheDecidingStepHighlighted() {
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "tenant-matrix"));
        clickCell("Northwind Freight Co.", "ai_load_matching", false);

        Label title = robot.lookup("#matrixTraceTitle").queryAs(Label.class);
        assertThat(title.getText()).isEqualTo("Northwind Freight Co. × ai_load_matching: on, decided by tenant override");
        Node deciding = robot.lookup("#decidingStep").query();
        assertThat(deciding.getStyleClass()).contains("deciding-step");
        assertThat(robot.from(deciding).lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Tenant override · on")
                .anySatisfy(text -> assertThat(text).startsWith("row tenant_feature_flags(tenant 'Northwind Freight Co.'"));
        assertThat(robot.lookup("#rolloutChart").query().isVisible()).isTrue();
        robot.interact(() -> robot.lookup("#matrixSide").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "tenant-matrix-trace"));

        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "tenant-matrix-dark"));
        robot.clickOn("#themeButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aBulkOverrideIsPreviewedNeedsAReasonIsWrittenAtOnceAndCanBeUndone() throws Exception {
        robot.clickOn("#matrixFlagFilter").write("ai_load");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().cells().columnCount()).isEqualTo(1);
        clickCell("Northwind Freight Co.", "ai_load_matching", false);
        clickCell("Blue Ridge Haulage", "ai_load_matching", true);
        clickCell("Cascade Cold Chain", "ai_load_matching", true);
        assertThat(robot.lookup("#matrixSelection").queryAs(Label.class).getText()).isEqualTo("3 cells selected");
        int before = fresh.dsl().fetchCount(fresh.dsl().selectFrom("public.tenant_feature_flags"));

        robot.clickOn("#overrideOff");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane preview = robot.lookup(".release-dialog").queryAs(DialogPane.class);
        assertThat(preview.getHeaderText()).startsWith("Sets 2 new overrides to off and changes 1 existing")
                .contains("Existing overrides replaced: Northwind Freight Co.: ai_load_matching on → off.");
        assertThat(robot.lookup("#reasonConfirm").queryButton().isDisabled()).as("the reason is required").isTrue();
        ConsoleWindow.fill(robot, "#reasonInput", "matching misroutes reefers");
        robot.interact(() -> Screenshots.save(preview.getScene().getRoot(), "bulk-override-preview"));
        robot.clickOn("#reasonConfirm");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> vm().statusProperty().get().startsWith("3 overrides of 1 flag written"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !vm().loadingProperty().get()
                && !vm().cells().enabled(vm().cells().rowOf("Northwind Freight Co."), 0));
        assertThat(fresh.dsl().fetchCount(fresh.dsl().selectFrom("public.tenant_feature_flags"))).isEqualTo(before + 2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#undoOverrides").query().isVisible());
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "bulk-override-written"));

        robot.clickOn("#undoOverrides");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> vm().statusProperty().get().contains("undone"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !vm().loadingProperty().get()
                && vm().cells().enabled(vm().cells().rowOf("Northwind Freight Co."), 0));
        assertThat(fresh.dsl().fetchCount(fresh.dsl().selectFrom("public.tenant_feature_flags"))).isEqualTo(before);
        assertThat(vm().cells().decider(vm().cells().rowOf("Northwind Freight Co."), 0)).isEqualTo(Decider.TENANT_OVERRIDE);
        robot.interact(() -> Screenshots.save(stage.getScene().getRoot(), "bulk-override-undone"));
    }

    private TenantMatrixViewModel vm() {
        return root.tenantMatrixViewModel();
    }

    private void clickCell(String tenant, String flag, boolean withShortcut) {
        MatrixGrid grid = robot.lookup("#matrixGrid").queryAs(MatrixGrid.class);
        int row = vm().cells().rowOf(tenant);
        int column = vm().cells().columnOf(flag);
        Point2D centre = grid.localToScreen(grid.cellCentre(row, column));
        if (withShortcut) {
            robot.press(KeyCode.CONTROL).clickOn(centre, MouseButton.PRIMARY).release(KeyCode.CONTROL);
        } else {
            robot.clickOn(centre, MouseButton.PRIMARY);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
