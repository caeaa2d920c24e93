package dev.inspector.ui.tenants;

import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.TenantRoster;
import dev.inspector.service.Session;
import dev.inspector.service.report.MembersCsv;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.GateData;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.FirstShow;
import dev.inspector.ui.support.TaskRunner;
import dev.inspector.ui.support.TextClipboard;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Tenants view: every tenant with its channel, members, overrides and grants; the members of
 * the one picked with their grants; and, through {@link UserFlagsViewModel}, what a member sees.
 * Moves and grants open forms; the members can be copied or saved as CSV (the pilot tenant's users
 * to notify). Reads the one live snapshot, so a change made anywhere shows here at once.
 */
public final class TenantsViewModel {

    private final ObservableList<TenantRoster.Entry> tenants = FXCollections.observableArrayList();
    private final FilteredList<TenantRoster.Entry> visibleTenants = new FilteredList<>(tenants);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<TenantRoster.Entry> selectedTenant = new SimpleObjectProperty<>(this, "selectedTenant");
    private final ObservableList<MemberRow> members = FXCollections.observableArrayList();
    private final ObjectProperty<MemberRow> selectedMember = new SimpleObjectProperty<>(this, "selectedMember");
    private final ReadOnlyStringWrapper tenantTitle = new ReadOnlyStringWrapper(this, "tenantTitle", "");
    private final ReadOnlyStringWrapper newTenants = new ReadOnlyStringWrapper(this, "newTenants", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final UserFlagsViewModel user = new UserFlagsViewModel();
    private final FirstShow firstShow;

    private final TaskRunner tasks;
    private final SessionState sessionState;
    private final LiveGateData live;
    private final DialogService dialogs;
    private final TextClipboard clipboard;
    private GateSnapshot snapshot;
    private FeatureGate gate;
    private UUID shownTenant;

    public TenantsViewModel(TaskRunner tasks, SessionState sessionState, LiveGateData live, DialogService dialogs,
                            TextClipboard clipboard) {
        this.tasks = tasks;
        this.sessionState = sessionState;
        this.live = live;
        this.dialogs = dialogs;
        this.clipboard = clipboard;
        this.firstShow = new FirstShow(() -> show(live.current()));
        live.dataProperty().addListener((obs, old, data) -> firstShow.reload());
        filter.addListener((obs, old, text) -> {
            String wanted = text.strip().toLowerCase(Locale.ROOT);
            visibleTenants.setPredicate(wanted.isEmpty() ? null : entry -> matches(entry, wanted));
        });
        selectedTenant.addListener((obs, old, entry) -> showTenant(entry));
        selectedMember.addListener((obs, old, row) -> user.show(gate, tenant().map(TenantRoster.Entry::tenant)
                .orElse(null), row == null ? null : row.user()));
        user.show(null, null, null);
    }

    /** The tab became visible: the first time, show the data loaded so far. */
    public void shown() {
        firstShow.shown();
    }

    private static boolean matches(TenantRoster.Entry entry, String wanted) {
        return entry.tenant().name().toLowerCase(Locale.ROOT).contains(wanted)
                || entry.tenant().id().toString().startsWith(wanted)
                || (entry.tenant().releaseChannel() != null && entry.tenant().releaseChannel().equals(wanted))
                || entry.members().stream().anyMatch(u -> u.email().toLowerCase(Locale.ROOT).contains(wanted)
                        || u.fullName().toLowerCase(Locale.ROOT).contains(wanted));
    }

    private void show(GateData data) {
        if (data == null || data.snapshot().isEmpty() || data.session() != sessionState.current()) {
            snapshot = null;
            gate = null;
            tenants.clear();
            message.set(data == null ? "" : data.snapshotProblem());
            return;
        }
        snapshot = data.snapshot().get();
        gate = new FeatureGate(snapshot);
        UUID keepTenant = tenant().map(e -> e.tenant().id()).orElse(null);
        UUID keepUser = selectedMember.get() == null ? null : selectedMember.get().user().id();
        tenants.setAll(TenantRoster.of(snapshot));
        // the first time, the first tenant: an empty right half explains nothing
        select(keepTenant != null ? keepTenant : tenants.isEmpty() ? null : tenants.get(0).tenant().id(), keepUser);
        Session session = data.session();
        tasks.run(p -> session.gates().newTenantChannel(), channel -> newTenants.set(channel
                .map(c -> "New tenants get " + c + " (the default of tenants.release_channel).")
                .orElse("New tenants get no channel by default: tenants.release_channel has no default.")),
                failure -> newTenants.set(""));
    }

    /** Picks a tenant and, if given, one of its members; used by the palette and after a reload. */
    public void select(UUID tenantId, UUID userId) {
        Optional<TenantRoster.Entry> entry = tenants.stream().filter(e -> e.tenant().id().equals(tenantId)).findFirst();
        if (entry.isPresent() && !visibleTenants.contains(entry.get())) {
            filter.set("");
        }
        selectedTenant.set(entry.orElse(null));
        selectedMember.set(members.stream().filter(m -> m.user().id().equals(userId)).findFirst().orElse(null));
    }

    private void showTenant(TenantRoster.Entry entry) {
        UUID shown = entry == null ? null : entry.tenant().id();
        // (the table drops its selection for a moment while its rows are replaced: that is no other tenant)
        if (shown != null && !shown.equals(shownTenant)) {
            message.set(""); // it spoke of the tenant shown before
            shownTenant = shown;
        }
        if (entry == null) {
            tenantTitle.set(tenants.isEmpty() ? "" : "Pick a tenant.");
            members.clear();
            return;
        }
        tenantTitle.set(entry.tenant().name() + " · " + (entry.tenant().releaseChannel() == null ? "no channel"
                : entry.tenant().releaseChannel()) + " · " + count(entry.members().size(), "member") + " · "
                + count(entry.overrides(), "override") + " · " + count((int) entry.enabledGrants(), "grant"));
        List<UserProfile> people = snapshot.userDirectory() ? entry.members()
                : snapshot.grantHolders(entry.tenant().id()).stream()
                        .map(id -> new UserProfile(id, entry.tenant().id(), "", "", false)).toList();
        members.setAll(people.stream().map(u -> new MemberRow(u, entry.grantsOf(u.id()))).toList());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private Optional<TenantRoster.Entry> tenant() {
        return Optional.ofNullable(selectedTenant.get());
    }

    // --- properties -------------------------------------------------------------------------

    public ObservableList<TenantRoster.Entry> visibleTenants() {
        return visibleTenants;
    }

    /** Name, id prefix, channel, or a member's name or email. */
    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<TenantRoster.Entry> selectedTenantProperty() {
        return selectedTenant;
    }

    public ObservableList<MemberRow> members() {
        return members;
    }

    public ObjectProperty<MemberRow> selectedMemberProperty() {
        return selectedMember;
    }

    public UserFlagsViewModel user() {
        return user;
    }

    /** "Acme · pilot · 3 members · 2 overrides · 1 grant". */
    public ReadOnlyStringProperty tenantTitleProperty() {
        return tenantTitle.getReadOnlyProperty();
    }

    /** Which channel a tenant created without one gets. */
    public ReadOnlyStringProperty newTenantsProperty() {
        return newTenants.getReadOnlyProperty();
    }

    /** What the last command did, or why the tenants cannot be shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // --- commands ---------------------------------------------------------------------------

    /** The form to move the picked tenant; empty without one. */
    public Optional<MoveTenantDialogViewModel> moveForm() {
        Session session = sessionState.current();
        if (session == null || snapshot == null || tenant().isEmpty()) {
            return Optional.empty();
        }
        message.set("");
        return Optional.of(new MoveTenantDialogViewModel(tasks, session, snapshot, tenant().get().tenant(), this::written));
    }

    /** The form to grant or revoke: for the picked member, or every member when {@code everyone}. */
    public Optional<GrantDialogViewModel> grantForm(boolean grant, boolean everyone) {
        Session session = sessionState.current();
        if (session == null || snapshot == null || tenant().isEmpty()) {
            return Optional.empty();
        }
        if (!snapshot.grantsKnown()) {
            message.set("This database has no tenant_feature_access table: there are no user grants.");
            return Optional.empty();
        }
        message.set("");
        Optional<UserProfile> member = everyone || selectedMember.get() == null ? Optional.empty()
                : Optional.of(selectedMember.get().user());
        return Optional.of(new GrantDialogViewModel(tasks, session, snapshot, tenant().get(), member, grant,
                user.pickedFlag(), this::written));
    }

    /** After a form's write (or its refusal): the data again, and what happened in the message line. */
    private void written(String sentence) {
        message.set(sentence);
        live.refresh();
    }

    /** Puts the members' names and addresses on the clipboard, one per line. */
    public void copyMembers() {
        tenant().ifPresent(entry -> {
            clipboard.putText(MembersCsv.addresses(entry.members()));
            message.set("Copied " + count(entry.members().size(), "member") + " of " + entry.tenant().name() + ".");
        });
    }

    /** Saves the members as CSV where the admin chooses. */
    public void exportMembers() {
        if (tenant().isEmpty()) {
            return;
        }
        TenantRoster.Entry entry = tenant().get();
        String suggested = entry.tenant().name().replaceAll("[^A-Za-z0-9._-]+", "-") + "-members.csv";
        Optional<Path> file = dialogs.chooseSaveFile("Save the members of " + entry.tenant().name(), suggested,
                "CSV files", "*.csv");
        file.ifPresent(path -> tasks.run(p -> {
            MembersCsv.write(entry.tenant(), entry.members(), path);
            return path;
        }, saved -> message.set("Saved " + count(entry.members().size(), "member") + " to " + saved + "."),
                failure -> message.set("Could not save the members: " + DialogService.plainMessage(failure))));
    }
}
