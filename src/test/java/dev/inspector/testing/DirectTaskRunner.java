package dev.inspector.testing;

import dev.inspector.ui.support.ProgressUpdate;
import dev.inspector.ui.support.TaskHandle;
import dev.inspector.ui.support.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs work inline on the calling thread, so view-model tests need no window and no waiting. */
public final class DirectTaskRunner implements TaskRunner {

    private final List<String> messages = new ArrayList<>();

    @Override
    public <T> TaskHandle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                              Consumer<ProgressUpdate> onProgress) {
        Progress progress = new Progress() {
            @Override
            public void message(String message) {
                messages.add(message);
                onProgress.accept(new ProgressUpdate(message, -1));
            }

            @Override
            public void fraction(long done, long total) {
                onProgress.accept(new ProgressUpdate(null, total <= 0 ? -1 : (double) done / total));
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        T result;
        try {
            result = work.call(progress);
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return done();
        }
        onSuccess.accept(result);
        return done();
    }

    public List<String> messages() {
        return messages;
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }

    private static TaskHandle done() {
        return new TaskHandle() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }
}
