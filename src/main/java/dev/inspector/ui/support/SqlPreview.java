package dev.inspector.ui.support;

import dev.inspector.service.DryRunPlan;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Show SQL" of a write dialog: the write is rehearsed in the background (run and rolled back,
 * nothing written or recorded) and its statements and their undo are shown, as the process asks:
 * know the SQL before you act. Shared by every dialog that writes.
 */
public final class SqlPreview {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final TaskRunner tasks;
    private long generation;
    private Supplier<DryRunPlan> prepared;

    public SqlPreview(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** Rehearses the write in the background and shows its plan; a later call supersedes an earlier one. */
    public void show(Supplier<DryRunPlan> rehearse) {
        long run = ++generation;
        busy.set(true);
        text.set("Working out the SQL…");
        tasks.run(p -> String.join("\n", rehearse.get().lines()), plan -> {
            if (run == generation) {
                busy.set(false);
                text.set(plan);
            }
        }, failure -> {
            if (run == generation) {
                busy.set(false);
                text.set(DialogService.plainMessage(failure));
            }
        });
    }

    /** The write this preview rehearses when {@link #show()} is asked, e.g. by a reason dialog's Show SQL. */
    public SqlPreview prepare(Supplier<DryRunPlan> rehearse) {
        this.prepared = rehearse;
        return this;
    }

    /** Rehearses the prepared write. */
    public void show() {
        if (prepared != null) {
            show(prepared);
        }
    }

    /** Forgets a shown plan: what the form asks changed, so it is no longer the plan. */
    public void clear() {
        generation++;
        busy.set(false);
        text.set("");
    }

    /** The plan, or why there is none; empty until asked. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
