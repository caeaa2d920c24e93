package dev.inspector.testing;

import dev.inspector.ui.support.UiExecutor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the UI thread in view-model tests: work handed over from other threads (database
 * notifications) waits here until the test runs it on its own thread, as the FX thread would.
 */
public final class QueuedUiExecutor implements UiExecutor {

    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable action) {
        queue.add(action);
    }

    /** Waits up to {@code seconds} for handed-over work and runs it; false if none came. */
    public boolean runNext(long seconds) throws InterruptedException {
        Runnable next = queue.poll(seconds, TimeUnit.SECONDS);
        if (next == null) {
            return false;
        }
        next.run();
        return true;
    }

    /** Runs what is queued now, without waiting. */
    public void runPending() {
        for (Runnable next = queue.poll(); next != null; next = queue.poll()) {
            next.run();
        }
    }
}
