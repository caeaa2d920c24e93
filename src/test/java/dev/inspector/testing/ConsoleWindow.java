package dev.inspector.testing;

import dev.inspector.app.CompositionRoot;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Opens the real console window for a TestFX test and closes it without leaving anything behind. */
public final class ConsoleWindow {

    private ConsoleWindow() {
    }

    /**
     * Opens the window in the light theme: the window remembers its theme in the test run's
     * preferences, and a test that ended in the dark one must not decide how the next one starts.
     */
    public static Stage open(CompositionRoot root) throws TimeoutException {
        Stage stage = FxToolkit.setupStage(root::show);
        FxToolkit.setupFixture(() -> {
            if (root.mainViewModel().themeProperty().get() == dev.inspector.ui.support.Theme.DARK) {
                root.mainViewModel().toggleTheme();
            }
        });
        return stage;
    }

    /**
     * Brings a tab to the front as a click on its header would, but without depending on where the
     * header is drawn yet: a busy machine can lay the window out after the robot's click.
     */
    public static void showTab(FxRobot robot, Stage stage, String tabId) {
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) stage.getScene().lookup("#tabs");
            tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
    }

    /**
     * Clicks a text field and puts the text in it at once. The robot types a character at a time,
     * about 80 ms each under Monocle; what the field's listeners see is the same text either way.
     */
    public static void fill(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        javafx.scene.control.TextInputControl field = robot.lookup(query).queryAs(javafx.scene.control.TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    /**
     * Closes dialogs still open (they would answer the next test's lookups), then the session and
     * the stage.
     */
    public static void close(FxRobot robot, CompositionRoot root, Stage stage) throws TimeoutException {
        robot.interact(() -> Window.getWindows().stream()
                .filter(w -> w != stage && w instanceof Stage)
                .toList()
                .forEach(w -> ((Stage) w).close()));
        robot.interact(root::close);
        FxToolkit.cleanupStages();
    }
}
