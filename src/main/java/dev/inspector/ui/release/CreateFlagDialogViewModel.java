package dev.inspector.ui.release;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.FlagKeys;
import dev.inspector.service.Session;
import dev.inspector.ui.support.FormSubmission;
import dev.inspector.ui.support.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "New flag" form: live key validation with the rollout process's rule, and the create command
 * in the background. The service decides the initial state; the form only says what it will be.
 */
public final class CreateFlagDialogViewModel {

    public static final String INITIAL_STATE = "A new flag starts safe: global default off, no killswitch; "
            + "internal on, pilot off, general off.";

    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringBinding keyProblem;
    private final FormSubmission submission;
    private final BooleanBinding canCreate;

    private final Session session;
    private final dev.inspector.ui.support.SqlPreview sql;
    private final Consumer<FeatureFlag> onCreated;

    /**
     * @param existingKeys the keys of the flags the screen shows, so a taken key is refused as it is
     *                     typed; the service still refuses one another console created meanwhile
     */
    public CreateFlagDialogViewModel(TaskRunner tasks, Session session, java.util.Set<String> existingKeys,
                                     Consumer<FeatureFlag> onCreated) {
        this.submission = new FormSubmission(tasks);
        this.sql = new dev.inspector.ui.support.SqlPreview(tasks);
        this.session = session;
        this.onCreated = onCreated;
        java.util.function.Supplier<String> problem = () -> FlagKeys.problem(key.get().strip())
                .orElse(existingKeys.contains(key.get().strip())
                        ? "A flag with the key '" + key.get().strip() + "' exists already." : "");
        // An untouched field is not an error yet; it only keeps Create disabled.
        keyProblem = Bindings.createStringBinding(() -> key.get().isEmpty() ? "" : problem.get(), key);
        BooleanBinding keyValid = Bindings.createBooleanBinding(() -> problem.get().isEmpty(), key);
        canCreate = keyValid.and(Bindings.createBooleanBinding(() -> !name.get().isBlank(), name)).and(submission.runningProperty().not());
        key.addListener((obs, old, value) -> submission.clearError());
    }

    public StringProperty keyProperty() {
        return key;
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

    /** Why the typed key is not acceptable; empty when it is, or when nothing was typed yet. */
    public StringBinding keyProblemProperty() {
        return keyProblem;
    }

    /** What the service refused (a duplicate key, a lost connection); empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return submission.errorProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return submission.runningProperty();
    }

    /** True once the flag exists; the dialog closes then. */
    public ReadOnlyBooleanProperty doneProperty() {
        return submission.doneProperty();
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    public void create() {
        if (!canCreate.get()) {
            return;
        }
        String k = key.get(), n = name.get(), d = description.get(), r = reason.get();
        submission.submit(progress -> session.flagCommands().create(k, n, d, r), onCreated, () -> { });
    }

    /** The SQL creating the flag would run and the SQL that removes it again, on request. */
    public dev.inspector.ui.support.SqlPreview sql() {
        return sql;
    }

    /** Rehearses the creation with what is typed now; nothing is written. */
    public void showSql() {
        if (keyProblem.get() != null && !keyProblem.get().isEmpty()) {
            sql.show(() -> { throw new IllegalArgumentException(keyProblem.get()); });
            return;
        }
        String k = key.get(), n = name.get(), d = description.get();
        sql.show(() -> session.dryRunOf(() -> session.flagCommands().create(k, n, d, "(the reason you give)")));
    }
}
