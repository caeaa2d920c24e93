package dev.inspector.ui.support;

import javafx.application.Platform;

/** The JavaFX application thread: the one place outside the task runner that queues work on it. */
public final class FxUiExecutor implements UiExecutor {

    @Override
    public void execute(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
