package dev.inspector.ui.support;

/** Runs the action at once on the calling thread; for tests and for callers already on the UI thread. */
public final class DirectUiExecutor implements UiExecutor {

    @Override
    public void execute(Runnable action) {
        action.run();
    }
}
