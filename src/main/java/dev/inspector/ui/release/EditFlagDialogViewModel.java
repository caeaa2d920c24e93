package dev.inspector.ui.release;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.service.Session;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Edits a flag's name and description, refused if someone changed the flag meanwhile. */
public final class EditFlagDialogViewModel {

    private final FeatureFlag seen;
    private final StringProperty name;
    private final StringProperty description;
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final BooleanBinding canSave;
    private final TaskRunner tasks;
    private final Session session;
    private final Runnable refreshList;

    public EditFlagDialogViewModel(TaskRunner tasks, Session session, FeatureFlag seen, Runnable refreshList) {
        this.tasks = tasks;
        this.session = session;
        this.seen = seen;
        this.refreshList = refreshList;
        this.name = new SimpleStringProperty(this, "name", seen.name());
        this.description = new SimpleStringProperty(this, "description", seen.description());
        canSave = Bindings.createBooleanBinding(() -> !name.get().isBlank()
                && (!name.get().strip().equals(seen.name()) || !description.get().strip().equals(seen.description())),
                name, description).and(running.not());
    }

    public String flagKey() {
        return seen.key();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty reasonProperty() {
        return reason;
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

    /** True when the name is not blank and something changed. */
    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        running.set(true);
        error.set("");
        String n = name.get(), d = description.get(), r = reason.get();
        tasks.run(progress -> {
            session.flagCommands().editText(seen, n, d, r);
            return null;
        }, ignored -> {
            running.set(false);
            done.set(true);
            refreshList.run();
        }, failure -> {
            running.set(false);
            error.set(DialogService.plainMessage(failure));
            refreshList.run(); // a conflict means the list is stale: show what is there now
        });
    }
}
