package dev.inspector.ui.release;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.service.RollbackOption;
import dev.inspector.service.Session;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The killswitch confirmation: the three rollbacks of the process, each with what it would take
 * away now (computed from the snapshot the admin is looking at, in the background), a mandatory
 * reason, and the rollback itself in the background.
 */
public final class KillDialogViewModel {

    private final ObservableList<RollbackChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<RollbackOption> option = new SimpleObjectProperty<>(this, "option", RollbackOption.KILLSWITCH);
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final StringBinding headline;
    private final BooleanBinding canKill;

    private final TaskRunner tasks;
    private final Session session;
    private final FeatureFlag seen;
    private final Runnable onFinished;

    public KillDialogViewModel(TaskRunner tasks, Session session, FeatureFlag seen, GateSnapshot snapshot,
                               Runnable onFinished) {
        this.tasks = tasks;
        this.session = session;
        this.seen = seen;
        this.onFinished = onFinished;
        headline = Bindings.createStringBinding(this::describeSelected, option, choices, computing);
        canKill = Bindings.createBooleanBinding(() -> !reason.get().isBlank(), reason)
                .and(running.not()).and(done.not()).and(option.isNotNull());
        computing.set(true);
        tasks.run(p -> RollbackImpact.of(snapshot, seen.key(), RollbackOption.values()).stream()
                        .map(impact -> RollbackChoice.of(impact.option(), impact)).toList(),
                this::onComputed, failure -> {
                    computing.set(false);
                    error.set(DialogService.plainMessage(failure));
                });
    }

    private void onComputed(List<RollbackChoice> computed) {
        choices.setAll(computed);
        computing.set(false);
    }

    private String describeSelected() {
        if (computing.get()) {
            return "Working out who has " + seen.key() + " now…";
        }
        RollbackChoice choice = choice(option.get());
        if (choice == null) {
            return "";
        }
        return choice.impact().tenants() == 0
                ? "Blocks " + seen.key() + " for nobody: no tenant has it now."
                : "Blocks " + seen.key() + " for " + RollbackChoice.count(choice.impact().tenants(), "tenant") + " and "
                        + RollbackChoice.count(choice.impact().users(), "user") + " who have it now.";
    }

    // --- properties -------------------------------------------------------------------------

    public String flagKey() {
        return seen.key();
    }

    /** The three options, once computed; in the order of the process. */
    public ObservableList<RollbackChoice> choices() {
        return choices;
    }

    public RollbackChoice choice(RollbackOption wanted) {
        return choices.stream().filter(c -> c.option() == wanted).findFirst().orElse(null);
    }

    public ObjectProperty<RollbackOption> optionProperty() {
        return option;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** "Blocks live_tracking_map for 10 tenants and 27 users who have it now." for the chosen option. */
    public StringBinding headlineProperty() {
        return headline;
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** A reason is typed and nothing runs yet. */
    public BooleanBinding canKillProperty() {
        return canKill;
    }

    // --- commands ---------------------------------------------------------------------------

    public void kill() {
        if (!canKill.get()) {
            return;
        }
        RollbackOption chosen = option.get();
        String why = reason.get().strip();
        running.set(true);
        error.set("");
        progress.set(chosen.label() + "…");
        tasks.run(p -> session.flagCommands().rollback(seen, chosen, why), changeId -> {
            running.set(false);
            progress.set("Done: change " + changeId + ".");
            done.set(true);
            onFinished.run();
        }, failure -> {
            running.set(false);
            progress.set("");
            error.set(DialogService.plainMessage(failure));
            onFinished.run(); // whatever happened, the list should show the database as it is
        });
    }
}
