package dev.inspector.ui.support;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What every form that writes shares once it is submitted: one write in the background, a running flag
 * that disables the form, the service's refusal in plain words, and "done" so the dialog closes.
 */
public final class FormSubmission {

    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final TaskRunner tasks;

    public FormSubmission(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** Runs {@code write}; {@code afterFailure} runs once the refusal is shown (e.g. to reload a stale list). */
    public <T> void submit(TaskRunner.Work<T> write, Consumer<T> onSuccess, Runnable afterFailure) {
        running.set(true);
        error.set("");
        tasks.run(write, value -> {
            running.set(false);
            done.set(true);
            onSuccess.accept(value);
        }, failure -> {
            running.set(false);
            error.set(DialogService.plainMessage(failure));
            afterFailure.run();
        });
    }

    public void clearError() {
        error.set("");
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
