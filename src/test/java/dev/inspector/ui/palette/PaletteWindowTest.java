package dev.inspector.ui.palette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.app.CompositionRoot;
import dev.inspector.testing.ConsoleWindow;
import dev.inspector.testing.Screenshots;
import dev.inspector.testing.TestDatabase;
import dev.inspector.testing.WindowTest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The command palette and the window's shortcuts, driven by the keyboard in the real window. */
@WindowTest
class PaletteWindowTest {

    private static final UUID GRACE = UUID.fromString("00000000-0000-0000-0001-000000000009");

    private final FxRobot robot = new FxRobot();
    private CompositionRoot root;
    private Stage stage;

    @BeforeEach
    void open(TestDatabase db) throws Exception {
        root = new CompositionRoot(db.target(), Map.of());
        stage = ConsoleWindow.open(root);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> root.releaseControlViewModel().visibleFlags().size() == 15);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        ConsoleWindow.close(robot, root, stage);
    }

    @Test
    void ctrlPFindsAUserByPartOfTheEmailAndEnterOpensWhatTheySee() throws Exception {
        robot.clickOn("#flagTable");
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ConsoleWindow.fill(robot, "#paletteQuery", "grace north");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> results = robot.lookup("#paletteResults").queryListView();
        assertThat(results.getItems()).first().asString().startsWith("User  Grace Whitfield");
        robot.interact(() -> Screenshots.save(results.getScene().getRoot(), "palette"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> root.tenantsViewModel().selectedMemberProperty().get() != null);

        assertThat(selectedTab()).isEqualTo("tenantsTab");
        assertThat(root.tenantsViewModel().selectedMemberProperty().get().user().id()).isEqualTo(GRACE);
        assertThat(paletteOpen()).as("choosing closes the palette").isFalse();
    }

    @Test
    void aFlagJumpsToItsMatrixColumnAndTheShortcutsWork() {
        robot.clickOn("#flagTable");
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ConsoleWindow.fill(robot, "#paletteQuery", "matrix ai_load");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab()).isEqualTo("tenantMatrixTab");
        assertThat(root.tenantMatrixViewModel().flagTextProperty().get()).isEqualTo("ai_load_matching");

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab()).isEqualTo("tenantsTab");
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tenantFilter").queryAs(TextField.class).isFocused()).isTrue();

        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(paletteOpen()).isTrue();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(paletteOpen()).isFalse();

        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        var keys = robot.lookup(".pair-key").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText).toList();
        assertThat(keys).contains("Ctrl+P", "Ctrl+F", "Ctrl+K", "F1");
        robot.interact(() -> Screenshots.save(robot.lookup(".pairs").query().getScene().getRoot(), "shortcuts"));
    }

    private String selectedTab() {
        return robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    private boolean paletteOpen() {
        return Window.getWindows().stream().anyMatch(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#paletteQuery") != null);
    }
}
