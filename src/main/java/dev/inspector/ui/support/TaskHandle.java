package dev.inspector.ui.support;

/** A running piece of background work. */
public interface TaskHandle {
    void cancel();

    boolean isDone();
}
