package dev.inspector.ui.support;

import java.util.function.Consumer;

/**
 * Runs work away from the JavaFX thread and hands the outcome back on it. View-models depend on
 * this interface only: the window uses {@link FxTaskRunner}, tests run the work inline.
 */
public interface TaskRunner {

    /** Work that may report progress and should stop early once cancelled. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** What background work may tell the UI; every method is safe from any thread. */
    interface Progress {
        void message(String message);

        /** {@code done} of {@code total}; a negative total means indeterminate. */
        void fraction(long done, long total);

        boolean isCancelled();
    }

    /** Callbacks on the UI thread. {@code onProgress} receives message updates. */
    <T> TaskHandle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                       Consumer<ProgressUpdate> onProgress);

    default <T> TaskHandle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return run(work, onSuccess, onFailure, update -> { });
    }

    /** Stops accepting work and interrupts what runs; called once on exit. */
    void shutdown();
}
