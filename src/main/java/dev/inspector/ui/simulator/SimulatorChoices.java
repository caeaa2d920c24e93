package dev.inspector.ui.simulator;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.SnapshotLookup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

/**
 * What the simulator is asked about: a tenant, a user (offered, or typed as id or e-mail) and a flag
 * or all flags. A new snapshot keeps the choice by id; while lists are refilled, changes are not
 * reported, so one reload asks for one evaluation.
 */
public final class SimulatorChoices {

    private final ObservableList<Tenant> tenants = FXCollections.observableArrayList();
    private final ObjectProperty<Tenant> selectedTenant = new SimpleObjectProperty<>(this, "selectedTenant");
    private final ObservableList<UserOption> users = FXCollections.observableArrayList();
    private final ObjectProperty<UserOption> selectedUser = new SimpleObjectProperty<>(this, "selectedUser");
    private final StringProperty userQuery = new SimpleStringProperty(this, "userQuery", "");
    private final ReadOnlyStringWrapper userProblem = new ReadOnlyStringWrapper(this, "userProblem", "");
    private final ObservableList<FlagChoice> flagChoices = FXCollections.observableArrayList();
    private final ObjectProperty<FlagChoice> selectedFlag = new SimpleObjectProperty<>(this, "selectedFlag");
    private GateSnapshot snapshot;
    private boolean restoring;

    /**
     * @param changed told when the choice changed, except while a reload restores it
     */
    SimulatorChoices(Runnable changed) {
        selectedTenant.addListener((obs, old, tenant) -> {
            if (!restoring) {
                keepUserWhileRestoring(selectedUser.get() == null ? null : selectedUser.get().id());
                changed.run();
            }
        });
        javafx.beans.InvalidationListener onChange = obs -> {
            if (!restoring) {
                changed.run();
            }
        };
        selectedUser.addListener((obs, old, now) -> onChange.invalidated(obs));
        selectedFlag.addListener((obs, old, now) -> onChange.invalidated(obs));
        userQuery.addListener((obs, old, now) -> onChange.invalidated(obs));
    }

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

    /** A new snapshot: the lists refilled, the tenant, user and flag kept where they still exist. */
    void offer(GateSnapshot next) {
        snapshot = next;
        UUID tenantId = selectedTenant.get() == null ? null : selectedTenant.get().id();
        UUID userId = selectedUser.get() == null ? null : selectedUser.get().id();
        FlagChoice flag = selectedFlag.get();
        restoring = true;
        try {
            List<Tenant> byName = new ArrayList<>(next.tenants());
            byName.sort(Comparator.comparing(Tenant::name, String.CASE_INSENSITIVE_ORDER));
            tenants.setAll(byName);
            List<FlagChoice> choices = new ArrayList<>();
            choices.add(FlagChoice.ALL);
            next.flags().stream().map(FeatureFlag::key).sorted().map(FlagChoice::new).forEach(choices::add);
            flagChoices.setAll(choices);
            selectedTenant.set(tenantId == null ? null : next.findTenant(tenantId).orElse(null));
            offerUsers(userId);
            selectedFlag.set(flag != null && choices.contains(flag) ? flag : FlagChoice.ALL);
        } finally {
            restoring = false;
        }
    }

    /** No snapshot: everything emptied. */
    void forget() {
        snapshot = null;
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
    }

    /** The user the simulation is for: the typed id or email if any, else the chosen one. */
    Optional<ResolvedUser> user() {
        String typed = userQuery.get() == null ? "" : userQuery.get().strip();
        if (typed.isEmpty()) {
            userProblem.set("");
            UserOption option = selectedUser.get();
            return option == null ? Optional.empty() : Optional.of(new ResolvedUser(option.id(), option.label()));
        }
        if (snapshot == null) {
            return Optional.empty();
        }
        SnapshotLookup.UserMatch match = SnapshotLookup.user(snapshot, typed);
        userProblem.set(match.problem());
        if (match.profile().isPresent()) {
            return Optional.of(new ResolvedUser(match.profile().get().id(), label(match.profile().get())));
        }
        return match.id().map(id -> new ResolvedUser(id, snapshot.userDirectory() ? "unknown user (no profiles row)"
                : "user " + id + " (no user directory: name unknown)"));
    }

    /** Whether a user is chosen or typed without a problem. */
    boolean userMissing() {
        return !userProblem.get().isEmpty() || (selectedUser.get() == null && userQuery.get().isBlank());
    }

    private void keepUserWhileRestoring(UUID keep) {
        restoring = true;
        try {
            offerUsers(keep);
        } finally {
            restoring = false;
        }
    }

    /** Fills the user list for the chosen tenant, keeping {@code keep} if offered, else its first member. */
    private void offerUsers(UUID keep) {
        Tenant tenant = selectedTenant.get();
        if (tenant == null || snapshot == null) {
            users.clear();
            selectedUser.set(null);
            return;
        }
        List<UserOption> members = new ArrayList<>();
        List<UserOption> admins = new ArrayList<>();
        for (UserProfile profile : snapshot.users()) {
            if (profile.isMemberOf(tenant.id())) {
                members.add(UserOption.of(profile, tenant.id()));
            } else if (profile.platformAdmin()) {
                admins.add(UserOption.of(profile, tenant.id()));
            }
        }
        if (!snapshot.userDirectory()) {
            // No user directory: the users known are those holding a grant in the tenant.
            snapshot.grantHolders(tenant.id()).forEach(id -> members.add(UserOption.unknown(id)));
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

    private String label(UserProfile profile) {
        Tenant tenant = selectedTenant.get();
        return UserOption.of(profile, tenant == null ? null : tenant.id()).label();
    }

    /** The user a simulation is for, named as the admin will read it. */
    record ResolvedUser(UUID id, String label) {
    }
}
