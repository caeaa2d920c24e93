package dev.inspector.ui.live;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.change.ChangeWords;
import dev.inspector.domain.change.PastMoment;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.service.Session;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "As of": the moment a screen answers for (the simulator, the matrix). Empty is now (the live
 * data); a past moment loads the gate tables as they were then, from the change history, with the
 * recorded changes since, so support can say what a tenant and a user saw when they called.
 */
public final class AsOfChoice {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper past = new ReadOnlyBooleanWrapper(this, "past");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ObservableList<String> changesSince = FXCollections.observableArrayList();
    private final TaskRunner tasks;
    private final Clock clock;
    private final Consumer<Optional<GateSnapshot>> onSnapshot;
    private long generation;
    /** The text last applied, so leaving the field without changing it reads nothing again. */
    private String applied = "";

    /** @param onSnapshot told the past snapshot to answer from, or empty to answer from the live data again */
    public AsOfChoice(TaskRunner tasks, Clock clock, Consumer<Optional<GateSnapshot>> onSnapshot) {
        this.tasks = tasks;
        this.clock = clock;
        this.onSnapshot = onSnapshot;
    }

    /** Reads the moment typed; empty goes back to now. */
    public void apply(Session session) {
        String typed = text.get() == null ? "" : text.get().strip();
        if (typed.equals(applied)) {
            return;
        }
        applied = typed;
        long run = ++generation;
        changesSince.clear();
        if (typed.isEmpty() || session == null) {
            past.set(false);
            loading.set(false);
            status.set("");
            onSnapshot.accept(Optional.empty());
            return;
        }
        Optional<String> problem = PastMoment.problem(typed, clock.getZone(), clock.instant());
        if (problem.isPresent()) {
            status.set(problem.get());
            return;
        }
        OffsetDateTime moment = PastMoment.parse(typed, clock.getZone()).orElseThrow();
        loading.set(true);
        status.set("Reading the gate tables as of " + SHOWN.format(moment.atZoneSameInstant(clock.getZone())) + "…");
        tasks.run(p -> new Past(session.gates().snapshotAsOf(moment),
                session.history().between(moment, OffsetDateTime.now(clock).plusMinutes(1), 200)), found -> {
                    if (run != generation) {
                        return;
                    }
                    loading.set(false);
                    past.set(true);
                    found.since().forEach(c -> changesSince.add(ChangeWords.line(c)));
                    status.set("As of " + SHOWN.format(moment.atZoneSameInstant(clock.getZone()))
                            + ", from the change history (changes made outside Inspector are not in it) · "
                            + (found.since().isEmpty() ? "no recorded change since"
                            : found.since().size() + " recorded change" + (found.since().size() == 1 ? "" : "s") + " since:"));
                    onSnapshot.accept(Optional.of(found.snapshot()));
                }, failure -> {
                    if (run == generation) {
                        loading.set(false);
                        status.set(DialogService.plainMessage(failure));
                    }
                });
    }

    /** Back to now without asking anyone: the session it looked into is gone. */
    public void reset() {
        generation++;
        applied = "";
        text.set("");
        status.set("");
        past.set(false);
        loading.set(false);
        changesSince.clear();
    }

    private record Past(GateSnapshot snapshot, List<ChangeRecord> since) {
    }

    /** The moment typed: 2026-12-01, 2026-12-01 14:30, …; empty for now. */
    public StringProperty textProperty() {
        return text;
    }

    /** Which moment is answered and what changed since, or why the moment typed is refused. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while the answers come from a past moment. */
    public ReadOnlyBooleanProperty pastProperty() {
        return past.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The recorded changes since the moment, newest first, one line each. */
    public ObservableList<String> changesSince() {
        return changesSince;
    }
}
