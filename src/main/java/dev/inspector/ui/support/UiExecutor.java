package dev.inspector.ui.support;

/**
 * Runs a piece of code on the UI thread. Listeners that are called on other threads (database
 * notifications) hand their work over through this seam; tests use {@link DirectUiExecutor}.
 */
@FunctionalInterface
public interface UiExecutor {
    void execute(Runnable action);
}
