package dev.inspector.ui.simulator;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.TraceStep;
import dev.inspector.service.Session;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.GateData;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import dev.inspector.ui.support.TextClipboard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The gate simulator: "is this flag on for this tenant and user, and why?". Holds one
 * {@link FeatureGate} over a snapshot loaded in the background; every answer after that is
 * computed in memory from the snapshot. One flag is explained at once; all flags are computed in
 * the background and handed over as one list.
 */
public final class GateSimulatorViewModel {

    private final ObservableList<Tenant> tenants = FXCollections.observableArrayList();
    private final ObjectProperty<Tenant> selectedTenant = new SimpleObjectProperty<>(this, "selectedTenant");
    private final ObservableList<UserOption> users = FXCollections.observableArrayList();
    private final ObjectProperty<UserOption> selectedUser = new SimpleObjectProperty<>(this, "selectedUser");
    private final StringProperty userQuery = new SimpleStringProperty(this, "userQuery", "");
    private final ReadOnlyStringWrapper userProblem = new ReadOnlyStringWrapper(this, "userProblem", "");
    private final ObservableList<FlagChoice> flagChoices = FXCollections.observableArrayList();
    private final ObjectProperty<FlagChoice> selectedFlag = new SimpleObjectProperty<>(this, "selectedFlag");

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");

    private final ReadOnlyBooleanWrapper allFlagsMode = new ReadOnlyBooleanWrapper(this, "allFlagsMode");
    private final ReadOnlyObjectWrapper<Simulation> simulation = new ReadOnlyObjectWrapper<>(this, "simulation");
    private final ReadOnlyObjectWrapper<Verdict> serverVerdict = new ReadOnlyObjectWrapper<>(this, "serverVerdict");
    private final ReadOnlyObjectWrapper<Verdict> uiVerdict = new ReadOnlyObjectWrapper<>(this, "uiVerdict");
    private final ObservableList<ChannelRow> channelRows = FXCollections.observableArrayList();
    private final ObservableList<FlagRow> flagRows = FXCollections.observableArrayList();
    private final ObjectProperty<FlagRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final ObservableList<TraceStep> trace = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper traceTitle = new ReadOnlyStringWrapper(this, "traceTitle", "");
    private final ReadOnlyBooleanWrapper canCopy = new ReadOnlyBooleanWrapper(this, "canCopy");

    private final TaskRunner tasks;
    private final SessionState sessionState;
    private final LiveGateData live;
    private final TextClipboard clipboard;
    private FeatureGate gate;
    /** Bumped by every evaluation, so a slow all-flags result for an old choice is dropped. */
    private long generation;
    private boolean restoring;

    public GateSimulatorViewModel(TaskRunner tasks, SessionState sessionState, TextClipboard clipboard,
                                  LiveGateData live) {
        this.tasks = tasks;
        this.sessionState = sessionState;
        this.live = live;
        this.clipboard = clipboard;
        selectedTenant.addListener((obs, old, tenant) -> onTenantChanged());
        selectedUser.addListener((obs, old, user) -> evaluate());
        userQuery.addListener((obs, old, text) -> evaluate());
        selectedFlag.addListener((obs, old, flag) -> evaluate());
        selectedRow.addListener((obs, old, row) -> showRowTrace());
        // Every screen reads the one live snapshot: a change committed anywhere shows here too.
        // A new session empties the live data first, then fills it.
        live.dataProperty().addListener((obs, old, data) -> {
            if (data == null) {
                forget();
            } else {
                show(data);
            }
        });
        live.loadingProperty().addListener((obs, old, busy) -> {
            loading.set(busy);
            updateHint();
        });
        live.errorProperty().addListener((obs, old, message) -> error.set(message));
        loading.set(live.loadingProperty().get());
        show(live.current());
        updateHint();
    }

    // --- properties -------------------------------------------------------------------------

    /** Every tenant of the snapshot, by name. */
    public ObservableList<Tenant> tenants() {
        return tenants;
    }

    public ObjectProperty<Tenant> selectedTenantProperty() {
        return selectedTenant;
    }

    /** The chosen tenant's members, then the platform admins who are not members. */
    public ObservableList<UserOption> users() {
        return users;
    }

    public ObjectProperty<UserOption> selectedUserProperty() {
        return selectedUser;
    }

    /** A typed user id or email; when not blank it wins over {@link #selectedUserProperty()}. */
    public StringProperty userQueryProperty() {
        return userQuery;
    }

    /** Why the typed user could not be found; empty otherwise. */
    public ReadOnlyStringProperty userProblemProperty() {
        return userProblem.getReadOnlyProperty();
    }

    /** "All flags", then every flag key. */
    public ObservableList<FlagChoice> flagChoices() {
        return flagChoices;
    }

    public ObjectProperty<FlagChoice> selectedFlagProperty() {
        return selectedFlag;
    }

    /** True while the snapshot loads. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True while the all-flags table is computed. */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
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

    public ReadOnlyBooleanProperty allFlagsModeProperty() {
        return allFlagsMode.getReadOnlyProperty();
    }

    /** The one-flag result; null in all-flags mode or before a full choice. */
    public ReadOnlyObjectProperty<Simulation> simulationProperty() {
        return simulation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Verdict> serverVerdictProperty() {
        return serverVerdict.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Verdict> uiVerdictProperty() {
        return uiVerdict.getReadOnlyProperty();
    }

    /** Internal, pilot, general: what each would give, and whether it changes the verdicts. */
    public ObservableList<ChannelRow> channelRows() {
        return channelRows;
    }

    /** The all-flags table. */
    public ObservableList<FlagRow> flagRows() {
        return flagRows;
    }

    public ObjectProperty<FlagRow> selectedRowProperty() {
        return selectedRow;
    }

    /** The UI gate's steps for the one flag, or for the selected row in all-flags mode. */
    public ObservableList<TraceStep> trace() {
        return trace;
    }

    public ReadOnlyStringProperty traceTitleProperty() {
        return traceTitle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCopyProperty() {
        return canCopy.getReadOnlyProperty();
    }

    // --- commands ---------------------------------------------------------------------------

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
        if (simulation.get() != null) {
            return Optional.of(simulation.get().explanation());
        }
        Tenant tenant = selectedTenant.get();
        Optional<ResolvedUser> user = currentUser();
        if (!allFlagsMode.get() || flagRows.isEmpty() || tenant == null || user.isEmpty() || gate == null) {
            return Optional.empty();
        }
        FlagRow row = selectedRow.get();
        if (row != null) {
            return Optional.of(simulate(gate, tenant, user.get(), row.key()).explanation());
        }
        StringBuilder out = new StringBuilder("Gate simulation, all flags\n");
        out.append("Tenant: ").append(Simulation.tenantLine(tenant)).append('\n');
        out.append("User:   ").append(user.get().label()).append(" (").append(user.get().id()).append(")\n\n");
        out.append(String.format("%-28s %-8s %-20s %-8s %s%n", "flag", "server", "server reason", "UI", "UI reason"));
        for (FlagRow r : flagRows) {
            out.append(String.format("%-28s %-8s %-20s %-8s %s%n", r.key(), r.serverVerdict().word(),
                    r.server().reason(), r.uiVerdict().word(), r.ui().reason()));
        }
        return Optional.of(out.toString());
    }

    // --- loading ----------------------------------------------------------------------------

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
        onLoaded(new FeatureGate(data.snapshot().get()));
    }

    private void onLoaded(FeatureGate loaded) {
        error.set("");
        gate = loaded;
        GateSnapshot snapshot = loaded.snapshot();
        summary.set("Snapshot: " + snapshot.tenantCount() + " tenants, " + (snapshot.userDirectory()
                ? snapshot.users().size() + " users, " : "no user directory, ") + snapshot.flagCount() + " flags");

        UUID tenantId = selectedTenant.get() == null ? null : selectedTenant.get().id();
        UUID userId = selectedUser.get() == null ? null : selectedUser.get().id();
        FlagChoice flag = selectedFlag.get();
        restoring = true;
        try {
            List<Tenant> byName = new ArrayList<>(snapshot.tenants());
            byName.sort(Comparator.comparing(Tenant::name, String.CASE_INSENSITIVE_ORDER));
            tenants.setAll(byName);
            List<FlagChoice> choices = new ArrayList<>();
            choices.add(FlagChoice.ALL);
            snapshot.flags().stream().map(FeatureFlag::key).sorted().map(FlagChoice::new).forEach(choices::add);
            flagChoices.setAll(choices);

            selectedTenant.set(tenantId == null ? null : snapshot.findTenant(tenantId).orElse(null));
            offerUsers(userId);
            selectedFlag.set(flag != null && choices.contains(flag) ? flag : FlagChoice.ALL);
        } finally {
            restoring = false;
        }
        evaluate();
    }

    private void forget() {
        gate = null;
        restoring = true;
        try {
            // values first: a combo box whose list empties under its value trips over itself
            selectedFlag.set(null);
            selectedUser.set(null);
            selectedTenant.set(null);
            tenants.clear();
            users.clear();
            flagChoices.clear();
        } finally {
            restoring = false;
        }
        summary.set("");
        error.set("");
        evaluate();
    }

    // --- choosing ---------------------------------------------------------------------------

    private void onTenantChanged() {
        if (restoring) {
            return;
        }
        UUID userId = selectedUser.get() == null ? null : selectedUser.get().id();
        restoring = true;
        try {
            offerUsers(userId);
        } finally {
            restoring = false;
        }
        evaluate();
    }

    /** Fills the user list for the chosen tenant, keeping {@code keep} if offered, else its first member. */
    private void offerUsers(UUID keep) {
        Tenant tenant = selectedTenant.get();
        if (tenant == null || gate == null) {
            users.clear();
            selectedUser.set(null);
            return;
        }
        List<UserOption> members = new ArrayList<>();
        List<UserOption> admins = new ArrayList<>();
        for (UserProfile profile : gate.snapshot().users()) {
            if (profile.isMemberOf(tenant.id())) {
                members.add(UserOption.of(profile, tenant.id()));
            } else if (profile.platformAdmin()) {
                admins.add(UserOption.of(profile, tenant.id()));
            }
        }
        if (!gate.snapshot().userDirectory()) {
            // No user directory: the users known are those holding a grant in the tenant.
            gate.snapshot().grantHolders(tenant.id()).forEach(id -> members.add(UserOption.unknown(id)));
        }
        Comparator<UserOption> byName = Comparator.comparing(UserOption::name, String.CASE_INSENSITIVE_ORDER);
        members.sort(byName);
        admins.sort(byName);
        List<UserOption> offered = new ArrayList<>(members);
        offered.addAll(admins);
        users.setAll(offered);
        selectedUser.set(offered.stream().filter(u -> u.id().equals(keep)).findFirst()
                .orElse(offered.isEmpty() ? null : offered.get(0)));
    }

    /** The user the simulation is for: the typed id or email if any, else the chosen one. */
    private Optional<ResolvedUser> currentUser() {
        String typed = userQuery.get() == null ? "" : userQuery.get().strip();
        if (typed.isEmpty()) {
            userProblem.set("");
            UserOption option = selectedUser.get();
            return option == null ? Optional.empty() : Optional.of(new ResolvedUser(option.id(), option.label()));
        }
        if (gate == null) {
            return Optional.empty();
        }
        GateSnapshot snapshot = gate.snapshot();
        Optional<UUID> id = parseUuid(typed);
        if (id.isPresent()) {
            userProblem.set("");
            return Optional.of(snapshot.findUser(id.get())
                    .map(p -> new ResolvedUser(p.id(), label(p)))
                    .orElse(new ResolvedUser(id.get(), snapshot.userDirectory() ? "unknown user (no profiles row)"
                            : "user " + id.get() + " (no user directory: name unknown)")));
        }
        if (!snapshot.userDirectory()) {
            userProblem.set("This database has no user directory (public.profiles): type the user's id.");
            return Optional.empty();
        }
        String email = typed.toLowerCase(Locale.ROOT);
        Optional<UserProfile> byEmail = snapshot.users().stream()
                .filter(p -> p.email().toLowerCase(Locale.ROOT).equals(email)).findFirst();
        if (byEmail.isEmpty()) {
            userProblem.set("No user has the id or email '" + typed + "'.");
            return Optional.empty();
        }
        userProblem.set("");
        return Optional.of(new ResolvedUser(byEmail.get().id(), label(byEmail.get())));
    }

    private String label(UserProfile profile) {
        Tenant tenant = selectedTenant.get();
        return UserOption.of(profile, tenant == null ? null : tenant.id()).label();
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // --- evaluating -------------------------------------------------------------------------

    private void evaluate() {
        if (restoring) {
            return;
        }
        long run = ++generation;
        FlagChoice flag = selectedFlag.get();
        Tenant tenant = selectedTenant.get();
        Optional<ResolvedUser> user = currentUser();
        allFlagsMode.set(flag != null && flag.all());
        clearResults();
        if (gate == null || tenant == null || user.isEmpty() || flag == null) {
            updateHint();
            return;
        }
        FeatureGate current = gate;
        if (flag.all()) {
            computing.set(true);
            tasks.run(progress -> allFlags(current, tenant.id(), user.get().id(), progress),
                    rows -> {
                        if (run == generation) {
                            computing.set(false);
                            flagRows.setAll(rows);
                            updateCopy();
                        }
                    },
                    failure -> {
                        if (run == generation) {
                            computing.set(false);
                            error.set(DialogService.plainMessage(failure));
                        }
                    });
        } else {
            // One flag is a dozen map look-ups on the in-memory snapshot: no reason to leave the thread.
            Simulation result = simulate(current, tenant, user.get(), flag.key());
            simulation.set(result);
            serverVerdict.set(result.serverVerdict());
            uiVerdict.set(result.uiVerdict());
            channelRows.setAll(result.channelRows());
            trace.setAll(result.ui().trace());
            traceTitle.set("UI gate for " + flag.key() + ", step by step");
        }
        updateHint();
        updateCopy();
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
        return new Simulation(tenant, user.id(), user.label(), flagKey,
                gate.explainServer(tenant.id(), flagKey),
                gate.explainUi(tenant.id(), user.id(), flagKey),
                gate.channelDiff(tenant.id(), user.id(), flagKey));
    }

    private void showRowTrace() {
        FlagRow row = selectedRow.get();
        if (!allFlagsMode.get()) {
            return;
        }
        if (row == null) {
            trace.clear();
            traceTitle.set("Select a flag to see its UI gate step by step");
        } else {
            trace.setAll(row.ui().trace());
            traceTitle.set("UI gate for " + row.key() + ", step by step");
        }
    }

    private void clearResults() {
        computing.set(false);
        simulation.set(null);
        serverVerdict.set(null);
        uiVerdict.set(null);
        channelRows.clear();
        flagRows.clear();
        selectedRow.set(null);
        trace.clear();
        traceTitle.set(allFlagsMode.get() ? "Select a flag to see its UI gate step by step" : "");
        canCopy.set(false);
    }

    private void updateHint() {
        if (gate == null) {
            hint.set(loading.get() ? "Loading the gate tables…"
                    : sessionState.current() == null ? "Not connected." : "");
        } else if (selectedTenant.get() == null) {
            hint.set("Pick a tenant, a user and a flag to see how the server and UI gates decide.");
        } else if (!userProblem.get().isEmpty() || (selectedUser.get() == null && userQuery.get().isBlank())) {
            hint.set("Pick a user, or type a user id or email.");
        } else if (selectedFlag.get() == null) {
            hint.set("Pick a flag, or All flags.");
        } else {
            hint.set("");
        }
    }

    private void updateCopy() {
        canCopy.set(simulation.get() != null || !flagRows.isEmpty());
    }

    /** The user a simulation is for, named as the admin will read it. */
    private record ResolvedUser(UUID id, String label) {
    }
}
