package dev.inspector.app;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The main window's size: what fits the screen, said explicitly, and kept when a window manager picks its own. */
final class WindowSize {

    /** Room left for a window manager's borders and title bar. */
    private static final double FRAME_WIDTH = 16;
    private static final double FRAME_HEIGHT = 48;

    private WindowSize() {
    }

    /**
     * Fits the screen with room for the window manager's frame (a window manager shrinks a window
     * whose frame would not fit), with a minimum size; call before the stage is shown.
     */
    static void fit(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1200, screen.getWidth() - FRAME_WIDTH));
        stage.setHeight(Math.min(760, screen.getHeight() - FRAME_HEIGHT));
        stage.setMinWidth(Math.min(960, screen.getWidth() - FRAME_WIDTH));
        stage.setMinHeight(Math.min(600, screen.getHeight() - FRAME_HEIGHT));
        keepRequestedSize(stage, stage.getWidth(), stage.getHeight());
    }

    /**
     * Some window managers (openbox) map a new window at a size of their own choosing, smaller
     * than the one asked for; the first such resize is answered by asking again, once.
     */
    private static void keepRequestedSize(Stage stage, double width, double height) {
        ChangeListener<Number> once = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> obs, Number old, Number now) {
                if (stage.isShowing() && (stage.getWidth() < width - 1 || stage.getHeight() < height - 1)) {
                    stage.widthProperty().removeListener(this);
                    stage.heightProperty().removeListener(this);
                    Platform.runLater(() -> {
                        stage.setWidth(width);
                        stage.setHeight(height);
                        stage.centerOnScreen();
                    });
                }
            }
        };
        stage.widthProperty().addListener(once);
        stage.heightProperty().addListener(once);
        // a window manager that keeps the size never resizes: stop listening after the first seconds
        PauseTransition settle = new PauseTransition(Duration.seconds(3));
        settle.setOnFinished(e -> {
            stage.widthProperty().removeListener(once);
            stage.heightProperty().removeListener(once);
        });
        stage.setOnShown(e -> settle.play());
    }

}
