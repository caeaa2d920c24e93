package dev.inspector.ui.simulator;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.wording.ExplanationText;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.AsOfChoice;
import dev.inspector.ui.live.GateData;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.ui.simulator.SimulatorChoices.ResolvedUser;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.FirstShow;
import dev.inspector.ui.support.TaskRunner;
import dev.inspector.ui.support.TextClipboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The gate simulator: "is this flag on for this tenant and user, and why?". Holds one
 * {@link FeatureGate} over the shared snapshot; every answer is computed in memory from it. One
 * flag is explained at once; all flags are computed in the background and handed over as one list.
 * What is asked lives in {@link SimulatorChoices}, what was answered in {@link SimulationResults}.
 */
public final class GateSimulatorViewModel {

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final SimulatorChoices choices = new SimulatorChoices(this::evaluate);
    private final SimulationResults results = new SimulationResults();
    private final AsOfChoice asOf;
    /** The snapshot of a past moment while "as of" is set; answers come from it instead of the live data. */
    private GateSnapshot pastSnapshot;

    private final TaskRunner tasks;
    private final SessionState sessionState;
    private final LiveGateData live;
    private final TextClipboard clipboard;
    private FeatureGate gate;
    private final FirstShow firstShow;
    /** Bumped by every evaluation, so a slow all-flags result for an old choice is dropped. */
    private long generation;

    public GateSimulatorViewModel(TaskRunner tasks, SessionState sessionState, TextClipboard clipboard,
                                  LiveGateData live) {
        this.tasks = tasks;
        this.sessionState = sessionState;
        this.live = live;
        this.clipboard = clipboard;
        this.asOf = new AsOfChoice(tasks, java.time.Clock.systemDefaultZone(), past -> {
            pastSnapshot = past.orElse(null);
            show(live.current());
        });
        // Every screen reads the one live snapshot: a change committed anywhere shows here too.
        // A new session empties the live data first, then fills it.
        this.firstShow = new FirstShow(() -> {
            show(live.current());
            updateHint();
        });
        live.dataProperty().addListener((obs, old, data) -> {
            if (data == null) {
                forget();
            } else {
                firstShow.reload();
            }
        });
        live.loadingProperty().addListener((obs, old, busy) -> {
            loading.set(busy);
            updateHint();
        });
        live.errorProperty().addListener((obs, old, message) -> error.set(message));
        loading.set(live.loadingProperty().get());
        updateHint();
    }

    /** The tab became visible: the first time, offer the choices of the data loaded so far. */
    public void shown() {
        firstShow.shown();
    }

    /** The tenant, user and flag asked about. */
    public SimulatorChoices choices() {
        return choices;
    }

    /** The moment answered for: now, or a past one from the change history. */
    public AsOfChoice asOf() {
        return asOf;
    }

    /** Answers as of the moment typed (now when empty). */
    public void applyAsOf() {
        asOf.apply(sessionState.current());
    }

    /** The answer to them. */
    public SimulationResults results() {
        return results;
    }

    /** True while the snapshot loads. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the snapshot could not be loaded, in plain words; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Snapshot: 10 tenants, 30 users, 15 flags"; empty before one loaded. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What to choose next, when there is no result yet; empty when there is one. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** Reads the gate tables again (for every screen: the data is shared), keeping the current choice. */
    public void refresh() {
        live.refresh();
    }

    /** Puts the plain-text explanation of what is shown on the clipboard. */
    public void copyResult() {
        resultText().ifPresent(clipboard::putText);
    }

    /**
     * The explanation "Copy result" copies: the one flag, or the selected row of the all-flags
     * table, or the whole table when no row is selected.
     */
    public Optional<String> resultText() {
        if (results.simulationProperty().get() != null) {
            return Optional.of(results.simulationProperty().get().explanation());
        }
        Tenant tenant = choices.selectedTenantProperty().get();
        Optional<ResolvedUser> user = choices.user();
        if (!results.allFlagsModeProperty().get() || results.flagRows().isEmpty() || tenant == null || user.isEmpty()
                || gate == null) {
            return Optional.empty();
        }
        FlagRow row = results.selectedRowProperty().get();
        if (row != null) {
            return Optional.of(simulate(gate, tenant, user.get(), row.key()).explanation());
        }
        return Optional.of(ExplanationText.allFlags(tenant, profile(gate.snapshot(), user.get().id()),
                results.flagRows().stream()
                        .map(r -> new ExplanationText.FlagDecisions(r.key(), r.server(), r.ui())).toList()));
    }

    private void show(GateData data) {
        if (data == null || data.session() != sessionState.current()) {
            return;
        }
        if (data.snapshot().isEmpty()) {
            gate = null;
            error.set(data.snapshotProblem());
            evaluate();
            return;
        }
        error.set("");
        gate = new FeatureGate(pastSnapshot != null ? pastSnapshot : data.snapshot().get());
        GateSnapshot snapshot = gate.snapshot();
        summary.set((pastSnapshot != null ? "Past snapshot: " : "Snapshot: ") + snapshot.tenantCount() + " tenants, " + (snapshot.userDirectory()
                ? snapshot.users().size() + " users, " : "no user directory, ") + snapshot.flagCount() + " flags");
        choices.offer(snapshot);
        evaluate();
    }

    private void forget() {
        gate = null;
        pastSnapshot = null;
        asOf.reset();
        choices.forget();
        summary.set("");
        error.set("");
        evaluate();
    }

    private void evaluate() {
        long run = ++generation;
        FlagChoice flag = choices.selectedFlagProperty().get();
        Tenant tenant = choices.selectedTenantProperty().get();
        Optional<ResolvedUser> user = choices.user();
        results.clear(flag != null && flag.all());
        if (gate == null || tenant == null || user.isEmpty() || flag == null) {
            updateHint();
            return;
        }
        FeatureGate current = gate;
        if (flag.all()) {
            results.computing();
            tasks.run(progress -> allFlags(current, tenant.id(), user.get().id(), progress),
                    rows -> {
                        if (run == generation) {
                            results.showAll(rows);
                        }
                    },
                    failure -> {
                        if (run == generation) {
                            results.failed();
                            error.set(DialogService.plainMessage(failure));
                        }
                    });
        } else {
            // One flag is a dozen map look-ups on the in-memory snapshot: no reason to leave the thread.
            results.showOne(simulate(current, tenant, user.get(), flag.key()));
        }
        updateHint();
    }

    /** Background work: touches no property, returns immutable rows. */
    private static List<FlagRow> allFlags(FeatureGate gate, UUID tenantId, UUID userId, TaskRunner.Progress progress) {
        List<FeatureFlag> flags = gate.snapshot().flags();
        List<FlagRow> rows = new ArrayList<>(flags.size());
        for (FeatureFlag flag : flags) {
            if (progress.isCancelled()) {
                break;
            }
            rows.add(new FlagRow(flag.key(), gate.explainServer(tenantId, flag.key()),
                    gate.explainUi(tenantId, userId, flag.key())));
        }
        return List.copyOf(rows);
    }

    private static Simulation simulate(FeatureGate gate, Tenant tenant, ResolvedUser user, String flagKey) {
        String text = ExplanationText.render(gate.snapshot(), gate, tenant,
                Optional.of(profile(gate.snapshot(), user.id())), flagKey);
        return new Simulation(tenant, user.id(), user.label(), flagKey,
                gate.explainServer(tenant.id(), flagKey),
                gate.explainUi(tenant.id(), user.id(), flagKey),
                gate.channelDiff(tenant.id(), user.id(), flagKey), text);
    }

    /** The directory's profile, or an id alone: the explanation then says the name is unknown. */
    private static UserProfile profile(GateSnapshot snapshot, UUID id) {
        return snapshot.findUser(id).orElseGet(() -> new UserProfile(id, null, "", "", false));
    }

    private void updateHint() {
        if (gate == null) {
            hint.set(loading.get() ? "Loading the gate tables…"
                    : sessionState.current() == null ? "Not connected." : "");
        } else if (choices.selectedTenantProperty().get() == null) {
            hint.set("Pick a tenant, a user and a flag to see how the server and UI gates decide.");
        } else if (choices.userMissing()) {
            hint.set("Pick a user, or type a user id or email.");
        } else if (choices.selectedFlagProperty().get() == null) {
            hint.set("Pick a flag, or All flags.");
        } else {
            hint.set("");
        }
    }
}
