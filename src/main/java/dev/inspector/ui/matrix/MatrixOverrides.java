package dev.inspector.ui.matrix;

import dev.inspector.domain.wording.OnOff;
import dev.inspector.domain.impact.OverrideBatch;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.service.Session;
import dev.inspector.service.WriteOutcome;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Changing the overrides of many selected cells: a preview of what is set, changed and removed
 * (naming every tenant whose existing override would be lost), a mandatory reason, the whole batch
 * in one transaction, and an undo that puts it back exactly.
 */
public final class MatrixOverrides {

    private final ReadOnlyBooleanWrapper writing = new ReadOnlyBooleanWrapper(this, "writing");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<Long> undoable = new ReadOnlyObjectWrapper<>(this, "undoable");

    private final TaskRunner tasks;
    private final SessionState sessionState;
    private final DialogService dialogs;
    private final Runnable afterWrite;

    public MatrixOverrides(TaskRunner tasks, SessionState sessionState, DialogService dialogs, Runnable afterWrite) {
        this.tasks = tasks;
        this.sessionState = sessionState;
        this.dialogs = dialogs;
        this.afterWrite = afterWrite;
        sessionState.sessionProperty().addListener((obs, old, session) -> {
            undoable.set(null);
            status.set("");
        });
    }

    public ReadOnlyBooleanProperty writingProperty() {
        return writing.getReadOnlyProperty();
    }

    /** What the last change did, or what is going on. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The change set the last batch recorded, while it can be undone; null otherwise. */
    public ReadOnlyObjectProperty<Long> undoableProperty() {
        return undoable.getReadOnlyProperty();
    }

    /** "Undo change 42" for the button that undoes the last batch. */
    public javafx.beans.value.ObservableValue<String> undoLabel() {
        return undoable.map(id -> "Undo change " + id);
    }

    /** Previews the change of the selected cells, asks for the reason, and writes all of it or nothing. */
    void apply(GateSnapshot snapshot, int[] cells, Optional<Boolean> value) {
        Session session = sessionState.current();
        if (session == null || writing.get()) {
            return;
        }
        OverrideBatch batch = OverrideBatch.plan(snapshot, cells, value);
        if (batch.empty()) {
            status.set("The selected cells already are that way: nothing to write.");
            return;
        }
        String title = value.map(on -> "Override " + OnOff.word(on)).orElse("Clear overrides");
        dev.inspector.ui.support.SqlPreview sql = new dev.inspector.ui.support.SqlPreview(tasks).prepare(() ->
                session.dryRun(() -> session.flagCommands().setOverrides(batch.seen(), value, "(the reason you give)")));
        dialogs.askReason(title + ": " + batch.cellCount() + " cell" + (batch.cellCount() == 1 ? "" : "s"),
                        batch.preview(), true, sql)
                .ifPresent(reason -> {
                    writing.set(true);
                    status.set("Writing " + batch.cellCount() + " override change" + (batch.cellCount() == 1 ? "" : "s") + "…");
                    tasks.run(progress -> session.flagCommands().setOverrides(batch.seen(), value, reason),
                            outcome -> written(batch, outcome), this::failed);
                });
    }

    /** Puts the last batch back exactly, if nothing changed its rows since. */
    public void undo() {
        Session session = sessionState.current();
        Long change = undoable.get();
        if (session == null || change == null || writing.get()) {
            return;
        }
        writing.set(true);
        tasks.run(progress -> session.restores().undo(change, "Undo of matrix change " + change), outcome -> {
            writing.set(false);
            undoable.set(null);
            status.set("Change " + change + " undone: the overrides are as before it (change " + outcome.changeId() + ").");
            afterWrite.run();
        }, this::failed);
    }

    private void written(OverrideBatch batch, WriteOutcome outcome) {
        writing.set(false);
        if (outcome.changed()) {
            undoable.set(outcome.changeId());
            status.set(outcome.rows() + " override" + (outcome.rows() == 1 ? "" : "s") + " of " + batch.seen().size()
                    + " flag" + (batch.seen().size() == 1 ? "" : "s") + " written in change " + outcome.changeId() + ".");
        } else {
            status.set(outcome.message());
        }
        afterWrite.run();
    }

    private void failed(Throwable failure) {
        writing.set(false);
        status.set("Nothing was written.");
        dialogs.showError("Overrides not written", failure);
        afterWrite.run();
    }
}
