package dev.inspector.app;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Starts the JavaFX toolkit without an Application subclass, so the composition root is handed over
 * by constructor instead of through a static field, and waits until the window is closed.
 */
final class DesktopLauncher {

    private final PrintWriter err;

    DesktopLauncher(PrintWriter err) {
        this.err = err;
    }

    int run(CompositionRoot root) {
        CountDownLatch closed = new CountDownLatch(1);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            org.slf4j.LoggerFactory.getLogger(DesktopLauncher.class).error("Unhandled in {}", thread.getName(), error);
            if (Platform.isFxApplicationThread()) {
                root.showUnexpected(error);
            } else {
                Platform.runLater(() -> root.showUnexpected(error));
            }
        });
        try {
            Platform.startup(() -> {
                Stage stage = new Stage();
                stage.setOnHidden(e -> {
                    // on the FX thread: closing the session clears what the views show
                    root.close();
                    closed.countDown();
                });
                root.show(stage);
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            err.println("Inspector's window needs a graphical display (" + e.getMessage() + ").");
            err.println("Set DISPLAY, or run it on a desktop session; see --help.");
            return 3;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
        }
        return 0;
    }
}
