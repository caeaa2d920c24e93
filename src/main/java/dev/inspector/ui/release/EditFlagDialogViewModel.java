package dev.inspector.ui.release;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.service.Session;
import dev.inspector.ui.support.FormSubmission;
import dev.inspector.ui.support.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Edits a flag's name and description, refused if someone changed the flag meanwhile. */
public final class EditFlagDialogViewModel {

    private final FeatureFlag seen;
    private final StringProperty name;
    private final StringProperty description;
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final FormSubmission submission;
    private final BooleanBinding canSave;
    private final Session session;
    private final dev.inspector.ui.support.SqlPreview sql;
    private final Runnable refreshList;

    public EditFlagDialogViewModel(TaskRunner tasks, Session session, FeatureFlag seen, Runnable refreshList) {
        this.submission = new FormSubmission(tasks);
        this.sql = new dev.inspector.ui.support.SqlPreview(tasks);
        this.session = session;
        this.seen = seen;
        this.refreshList = refreshList;
        this.name = new SimpleStringProperty(this, "name", seen.name());
        this.description = new SimpleStringProperty(this, "description", seen.description());
        canSave = Bindings.createBooleanBinding(() -> !name.get().isBlank()
                && (!name.get().strip().equals(seen.name()) || !description.get().strip().equals(seen.description())),
                name, description).and(submission.runningProperty().not());
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
        return submission.errorProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return submission.runningProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return submission.doneProperty();
    }

    /** True when the name is not blank and something changed. */
    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        String n = name.get(), d = description.get(), r = reason.get();
        submission.submit(progress -> {
            session.flagCommands().editText(seen, n, d, r);
            return null;
        }, ignored -> refreshList.run(),
                refreshList); // after a refusal too: a conflict means the list is stale
    }

    /** The SQL the edit would run and its undo, on request. */
    public dev.inspector.ui.support.SqlPreview sql() {
        return sql;
    }

    /** Rehearses the edit with what is typed now; nothing is written. */
    public void showSql() {
        String n = name.get(), d = description.get();
        sql.show(() -> session.dryRun(() -> session.flagCommands().editText(seen, n, d, "(the reason you give)")));
    }
}
