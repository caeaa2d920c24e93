package dev.inspector.ui.isolation;

import dev.inspector.domain.audit.AuditRun;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A run in progress: the overall bar, one bar per relation the audit reached, and a Cancel that
 * lets the audit finish its current step and save what it found. Only touched on the FX thread,
 * except {@link #cancelRequested()}, which the worker reads between steps.
 */
public final class AuditProgressViewModel {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private final ObservableList<RelationProgress> relations = FXCollections.observableArrayList();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True between Cancel and the end of the run, while the audit finishes its current step. */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** Of the current phase, 0..1; negative while indeterminate. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return message.getReadOnlyProperty();
    }

    /** One row per relation the audit reached, in the order it reached them. */
    public ObservableList<RelationProgress> relationProgress() {
        return relations;
    }

    /** Asks the running audit to stop after its current step; the partial run is saved as cancelled. */
    public void cancel() {
        if (running.get()) {
            cancelRequested.set(true);
            cancelling.set(true);
            message.set("Cancelling after the current step…");
        }
    }

    AtomicBoolean cancelRequested() {
        return cancelRequested;
    }

    void started() {
        cancelRequested.set(false);
        cancelling.set(false);
        running.set(true);
        progress.set(-1);
        message.set("Starting the audit…");
        relations.clear();
    }

    void advanced(RunProgress now) {
        if (now != null && running.get()) {
            progress.set(now.fraction());
            message.set(now.message() + "  (" + now.done() + " of " + now.total() + ")");
            relations.setAll(now.relations());
        }
    }

    void finished(AuditRun run, List<RelationProgress> reached) {
        stopped();
        relations.setAll(reached);
        progress.set(1);
        message.set(run.cancelled()
                ? "Cancelled: run " + run.id() + " saved with what it found so far."
                : "Finished: run " + run.id() + " saved, " + run.findings().size() + " findings.");
    }

    void failed() {
        stopped();
        progress.set(0);
        message.set("The audit failed; nothing was saved.");
    }

    /** The run ended for a database the console no longer shows. */
    void stopped() {
        running.set(false);
        cancelling.set(false);
    }

    void clear() {
        relations.clear();
        message.set("");
    }
}
