package dev.inspector.ui.tenants;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.UserGrant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.TenantRoster;
import dev.inspector.domain.wording.ExplanationText;
import dev.inspector.service.Session;
import dev.inspector.service.WriteOutcome;
import dev.inspector.ui.support.FormSubmission;
import dev.inspector.ui.support.SqlPreview;
import dev.inspector.ui.support.TaskRunner;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Granting or revoking access to a premium feature ({@code tenant_feature_access}): for the member
 * picked or every member of the tenant, with what each has now, the SQL it would run and its undo,
 * and a required reason. A revoke keeps the row with {@code is_enabled = false}, as the reference
 * data does.
 */
public final class GrantDialogViewModel {

    private final StringProperty flagKey = new SimpleStringProperty(this, "flagKey", "");
    private final BooleanProperty allMembers = new SimpleBooleanProperty(this, "allMembers");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final StringBinding preview;
    private final BooleanBinding canConfirm;
    private final SqlPreview sql;
    private final FormSubmission submission;

    private final TaskRunner tasks;
    private final Session session;
    private final GateSnapshot snapshot;
    private final TenantRoster.Entry tenant;
    private final Optional<UserProfile> user;
    private final boolean grant;
    /** Told what happened (one sentence, empty after a refusal, which the form shows itself). */
    private final java.util.function.Consumer<String> onFinished;

    public GrantDialogViewModel(TaskRunner tasks, Session session, GateSnapshot snapshot, TenantRoster.Entry tenant,
                                Optional<UserProfile> user, boolean grant, Optional<String> flag, java.util.function.Consumer<String> onFinished) {
        this.tasks = tasks;
        this.session = session;
        this.snapshot = snapshot;
        this.tenant = tenant;
        this.user = user;
        this.grant = grant;
        this.onFinished = onFinished;
        this.sql = new SqlPreview(tasks);
        this.submission = new FormSubmission(tasks);
        flagKey.set(flag.orElse(""));
        allMembers.set(user.isEmpty());
        preview = Bindings.createStringBinding(this::describe, flagKey, allMembers);
        canConfirm = Bindings.createBooleanBinding(() -> problem().isEmpty() && !reason.get().isBlank(),
                flagKey, allMembers, reason).and(submission.runningProperty().not()).and(submission.doneProperty().not());
        flagKey.addListener((obs, old, now) -> sql.clear());
        allMembers.addListener((obs, old, now) -> sql.clear());
    }

    public String title() {
        return (grant ? "Grant" : "Revoke") + " access in " + tenant.tenant().name();
    }

    public String confirmText() {
        return grant ? "Grant" : "Revoke";
    }

    /** "Only Ada Lovelace <ada@example.com>", offered when a member was picked. */
    public Optional<String> oneUserWords() {
        return user.map(u -> "Only " + ExplanationText.describe(u));
    }

    /** "Every member of Acme (4)". */
    public String allMembersWords() {
        return "Every member of " + tenant.tenant().name() + " (" + tenant.members().size() + ")";
    }

    /** The flag keys to choose from, for the picker and its completion. */
    public List<String> flagKeys() {
        return snapshot.flags().stream().map(FeatureFlag::key).toList();
    }

    public StringProperty flagKeyProperty() {
        return flagKey;
    }

    public BooleanProperty allMembersProperty() {
        return allMembers;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** Who gets or loses what, and what they have now. */
    public StringBinding previewProperty() {
        return preview;
    }

    public SqlPreview sql() {
        return sql;
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return submission.runningProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return submission.doneProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return submission.errorProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    private List<UUID> users() {
        return allMembers.get() ? tenant.members().stream().map(UserProfile::id).toList()
                : user.map(u -> List.of(u.id())).orElse(List.of());
    }

    private Optional<String> problem() {
        String key = flagKey.get().strip();
        if (key.isEmpty()) {
            return Optional.of("Pick the flag whose access to " + (grant ? "grant." : "revoke."));
        }
        if (snapshot.findFlag(key).isEmpty()) {
            return Optional.of("No flag has the key '" + key + "'.");
        }
        if (users().isEmpty()) {
            return Optional.of(tenant.tenant().name() + " has no members the user directory knows.");
        }
        return Optional.empty();
    }

    private String describe() {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            return problem.get();
        }
        String key = flagKey.get().strip();
        List<UUID> who = users();
        long already = who.stream().filter(id -> hasAlready(id, key)).count();
        String whom = allMembers.get() ? "all " + who.size() + " members of " + tenant.tenant().name()
                : ExplanationText.describe(user.orElseThrow()) + " in " + tenant.tenant().name();
        String action = grant ? "Gives " + whom + " access to " + key + "."
                : "Takes " + key + " from " + whom + "; the row stays, with is_enabled = false.";
        String now = already == who.size()
                ? (who.size() == 1 ? " It is so already: nothing would change." : " All are so already: nothing would change.")
                : already == 0 ? "" : " " + already + " of them " + (already == 1 ? "is" : "are") + " so already.";
        return action + now;
    }

    /** Granted already, or (for a revoke) without access already: a revoke adds no row where there is none. */
    private boolean hasAlready(UUID id, String key) {
        Optional<UserGrant> row = snapshot.grant(tenant.tenant().id(), id, key);
        return grant ? row.map(UserGrant::enabled).orElse(false) : row.map(g -> !g.enabled()).orElse(true);
    }

    /** Rehearses the write and shows its SQL; nothing is written. */
    public void showSql() {
        if (problem().isPresent()) {
            return;
        }
        String key = flagKey.get().strip();
        List<UUID> who = users();
        String why = reason.get().isBlank() ? "preview" : reason.get().strip();
        sql.show(() -> session.dryRun(() -> write(key, who, why)));
    }

    public void confirm() {
        if (!canConfirm.get()) {
            return;
        }
        String key = flagKey.get().strip();
        List<UUID> who = users();
        String why = reason.get().strip();
        progress.set((grant ? "Granting " : "Revoking ") + key + "…");
        submission.submit(p -> write(key, who, why), (WriteOutcome outcome) -> {
            progress.set(outcome.changed() ? (grant ? "Granted" : "Revoked") + ": change " + outcome.changeId() + "."
                    : outcome.message());
            onFinished.accept(progress.get());
        }, () -> {
            progress.set("");
            onFinished.accept("");
        });
    }

    private WriteOutcome write(String key, List<UUID> who, String why) {
        return session.tenantCommands().setGrants(key, tenant.tenant().id(), who, grant, why);
    }
}
