package dev.inspector.ui.release;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.FlagKeys;
import dev.inspector.service.Session;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final BooleanBinding canCreate;

    private final TaskRunner tasks;
    private final Session session;
    private final Consumer<FeatureFlag> onCreated;

    public CreateFlagDialogViewModel(TaskRunner tasks, Session session, Consumer<FeatureFlag> onCreated) {
        this.tasks = tasks;
        this.session = session;
        this.onCreated = onCreated;
        // An untouched field is not an error yet; it only keeps Create disabled.
        keyProblem = Bindings.createStringBinding(() -> key.get().isEmpty() ? ""
                : FlagKeys.problem(key.get().strip()).orElse(""), key);
        BooleanBinding keyValid = Bindings.createBooleanBinding(() -> FlagKeys.problem(key.get().strip()).isEmpty(), key);
        canCreate = keyValid.and(Bindings.createBooleanBinding(() -> !name.get().isBlank(), name)).and(running.not());
        key.addListener((obs, old, value) -> error.set(""));
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
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True once the flag exists; the dialog closes then. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    public void create() {
        if (!canCreate.get()) {
            return;
        }
        running.set(true);
        error.set("");
        String k = key.get(), n = name.get(), d = description.get(), r = reason.get();
        tasks.run(progress -> session.flagCommands().create(k, n, d, r), flag -> {
            running.set(false);
            done.set(true);
            onCreated.accept(flag);
        }, failure -> {
            running.set(false);
            error.set(DialogService.plainMessage(failure));
        });
    }
}
