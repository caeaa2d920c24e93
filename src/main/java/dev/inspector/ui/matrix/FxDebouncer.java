package dev.inspector.ui.matrix;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/** Restarts a pause on every request; the last action runs when the pause ends. */
public final class FxDebouncer implements Debouncer {

    private final Duration quiet;
    private PauseTransition pause;

    public FxDebouncer(Duration quiet) {
        this.quiet = quiet;
    }

    @Override
    public void request(Runnable action) {
        Platform.runLater(() -> {
            if (pause == null) {
                pause = new PauseTransition(quiet);
            }
            pause.setOnFinished(e -> action.run());
            pause.playFromStart();
        });
    }
}
