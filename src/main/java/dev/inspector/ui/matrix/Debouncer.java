package dev.inspector.ui.matrix;

/**
 * Coalesces a burst of requests into one run of the action on the UI thread. Change notifications
 * arrive on a background thread, often several per user action; the matrix reloads once.
 */
public interface Debouncer {

    /** Safe from any thread; {@code action} runs on the UI thread after a quiet period. */
    void request(Runnable action);
}
