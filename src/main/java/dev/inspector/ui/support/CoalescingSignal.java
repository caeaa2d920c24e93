package dev.inspector.ui.support;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns a burst of signals from any thread into one run of an action on the UI thread: while a run
 * is queued and has not started, further signals add nothing. Database notifications arrive one
 * per commit; a bulk change must not trigger a reload per row.
 */
public final class CoalescingSignal {

    private final UiExecutor ui;
    private final Runnable action;
    private final AtomicBoolean queued = new AtomicBoolean();

    public CoalescingSignal(UiExecutor ui, Runnable action) {
        this.ui = ui;
        this.action = action;
    }

    /** Safe from any thread. */
    public void signal() {
        if (queued.compareAndSet(false, true)) {
            ui.execute(() -> {
                queued.set(false);
                action.run();
            });
        }
    }
}
