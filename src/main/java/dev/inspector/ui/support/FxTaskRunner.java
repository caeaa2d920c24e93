package dev.inspector.ui.support;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The window's runner: a small daemon pool, results back through {@link Platform#runLater}. */
public final class FxTaskRunner implements TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);
    private final ExecutorService executor;

    public FxTaskRunner() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "inspector-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(3, factory);
    }

    @Override
    public <T> TaskHandle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                              Consumer<ProgressUpdate> onProgress) {
        WorkTask<T> task = new WorkTask<>(work);
        task.messageProperty().addListener((obs, old, message) ->
                onProgress.accept(new ProgressUpdate(message, task.getProgress())));
        task.progressProperty().addListener((obs, old, value) ->
                onProgress.accept(new ProgressUpdate(task.getMessage(), value.doubleValue())));
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            LOG.warn("Background work failed", task.getException());
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> onFailure.accept(new java.util.concurrent.CancellationException("Cancelled")));
        executor.execute(task);
        return new TaskHandle() {
            @Override
            public void cancel() {
                task.cancel(true);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A task whose progress view cancels along with it. */
    private static final class WorkTask<T> extends Task<T> implements Progress {
        private final Work<T> work;

        WorkTask(Work<T> work) {
            this.work = work;
        }

        @Override
        protected T call() throws Exception {
            return work.call(this);
        }

        @Override
        public void message(String message) {
            updateMessage(message);
        }

        @Override
        public void fraction(long done, long total) {
            updateProgress(done, total);
        }
    }

    /** True on the JavaFX thread; view-models assert it where they touch properties. */
    static boolean onFxThread() {
        return Platform.isFxApplicationThread();
    }
}
