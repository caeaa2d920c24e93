package dev.inspector.ui.release;

import dev.inspector.domain.ConsoleFeature;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.KillswitchAction;
import dev.inspector.domain.KillswitchState;
import dev.inspector.domain.RollbackOption;
import dev.inspector.domain.SchemaReport;
import dev.inspector.domain.impact.RollbackImpact;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.service.Session;
import dev.inspector.service.WriteOutcome;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * away now (computed from the snapshot the admin is looking at, in the background) or why it
 * cannot be chosen (the killswitch is tripped already; the table it writes is missing), a
 * mandatory reason, and the rollback itself in the background.
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
    private final dev.inspector.ui.support.SqlPreview sql;
    private final BooleanBinding canKill;

    private final TaskRunner tasks;
    private final Session session;
    private final FeatureFlag seen;
    private final Runnable onFinished;

    public KillDialogViewModel(TaskRunner tasks, Session session, FeatureFlag seen, Optional<GateSnapshot> snapshot,
                               Runnable onFinished) {
        this.tasks = tasks;
        this.session = session;
        this.seen = seen;
        this.onFinished = onFinished;
        this.sql = new dev.inspector.ui.support.SqlPreview(tasks);
        option.addListener((obs, old, now) -> sql.clear());
        headline = Bindings.createStringBinding(this::describeSelected, option, choices, computing);
        canKill = Bindings.createBooleanBinding(() -> !reason.get().isBlank() && chosenAvailable(), reason, option, choices)
                .and(running.not()).and(done.not()).and(computing.not());
        computing.set(true);
        tasks.run(p -> compute(session, seen, snapshot), this::onComputed, failure -> {
            computing.set(false);
            error.set(DialogService.plainMessage(failure));
        });
    }

    /** Background work: numbers from the engine, availability from the schema and the history. */
    private static List<RollbackChoice> compute(Session session, FeatureFlag flag, Optional<GateSnapshot> snapshot) {
        SchemaReport schema = session.schema();
        List<RollbackImpact> impacts = snapshot.map(s -> RollbackImpact.of(s, flag.key(), RollbackOption.values()))
                .orElse(List.of());
        String noNumbers = snapshot.isPresent() ? "" : schema.unavailable(ConsoleFeature.SERVER_GATE);
        List<RollbackChoice> computed = new ArrayList<>();
        for (RollbackOption option : RollbackOption.values()) {
            String unavailable = "";
            if (!schema.supports(option.needs())) {
                unavailable = schema.unavailable(option.needs());
            } else if (option == RollbackOption.KILLSWITCH && flag.killswitchState() == KillswitchState.TRIPPED) {
                unavailable = KillswitchAction.tripped(flag.key(), session.history().latestTrip(flag.key()))
                        .replace(": nothing changed.", ".");
            }
            Optional<RollbackImpact> impact = impacts.stream().filter(i -> i.option() == option).findFirst();
            computed.add(new RollbackChoice(option, RollbackChoice.effect(option), impact, unavailable, noNumbers));
        }
        return computed;
    }

    private void onComputed(List<RollbackChoice> computed) {
        choices.setAll(computed);
        computing.set(false);
        if (!chosenAvailable()) {
            computed.stream().filter(RollbackChoice::available).findFirst().ifPresent(c -> option.set(c.option()));
        }
    }

    private boolean chosenAvailable() {
        RollbackChoice choice = choice(option.get());
        return choice != null && choice.available();
    }

    private String describeSelected() {
        if (computing.get()) {
            return "Working out who has " + seen.key() + " now…";
        }
        RollbackChoice choice = choice(option.get());
        if (choice == null) {
            return "";
        }
        if (!choice.available()) {
            return choice.unavailable();
        }
        return choice.impact().map(impact -> impact.tenants() == 0
                        ? "Blocks " + seen.key() + " for nobody: no tenant has it now."
                        : "Blocks " + seen.key() + " for " + RollbackChoice.count(impact.tenants(), "tenant") + " and "
                                + RollbackChoice.count(impact.users(), "user") + " who have it now.")
                .orElse("Stops " + seen.key() + " (" + choice.numbers().toLowerCase(java.util.Locale.ROOT) + ")");
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

    /** A reason is typed, the chosen option is available, and nothing runs yet. */
    public BooleanBinding canKillProperty() {
        return canKill;
    }

    /** The SQL the chosen rollback would run and its undo, on request. */
    public dev.inspector.ui.support.SqlPreview sql() {
        return sql;
    }

    // --- commands ---------------------------------------------------------------------------

    /** Rehearses the chosen rollback and shows its SQL; nothing is written. */
    public void showSql() {
        RollbackOption chosen = option.get();
        sql.show(() -> session.dryRun(() -> session.flagCommands().rollback(seen.key(), chosen, "(the reason you give)")));
    }

    public void kill() {
        if (!canKill.get()) {
            return;
        }
        RollbackOption chosen = option.get();
        String why = reason.get().strip();
        running.set(true);
        error.set("");
        progress.set(chosen.label() + "…");
        tasks.run(p -> session.flagCommands().rollback(seen.key(), chosen, why), (WriteOutcome outcome) -> {
            running.set(false);
            progress.set(outcome.changed() ? "Done: change " + outcome.changeId() + "." : outcome.message());
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
