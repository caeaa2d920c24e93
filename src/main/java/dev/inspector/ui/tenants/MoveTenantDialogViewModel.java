package dev.inspector.ui.tenants;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.impact.TenantMove;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.service.Session;
import dev.inspector.service.WriteOutcome;
import dev.inspector.ui.support.FormSubmission;
import dev.inspector.ui.support.SqlPreview;
import dev.inspector.ui.support.TaskRunner;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Moving a tenant to another release channel: the preview of what turns on and off for it and for
 * how many of its users (computed by the engine from the snapshot on screen), the SQL it would run
 * and the SQL that undoes it, a required reason, and the move itself, refused when the tenant's
 * channel changed since the preview.
 */
public final class MoveTenantDialogViewModel {

    private final ObjectProperty<ReleaseChannel> channel = new SimpleObjectProperty<>(this, "channel");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final StringBinding preview;
    private final BooleanBinding canMove;
    private final SqlPreview sql;
    private final FormSubmission submission;

    private final TaskRunner tasks;
    private final Session session;
    private final Tenant tenant;
    /** Told what happened (one sentence, empty after a refusal, which the form shows itself). */
    private final java.util.function.Consumer<String> onFinished;

    public MoveTenantDialogViewModel(TaskRunner tasks, Session session, GateSnapshot snapshot, Tenant tenant,
                                     java.util.function.Consumer<String> onFinished) {
        this.tasks = tasks;
        this.session = session;
        this.tenant = tenant;
        this.onFinished = onFinished;
        this.sql = new SqlPreview(tasks);
        this.submission = new FormSubmission(tasks);
        channel.set(Arrays.stream(ReleaseChannel.values()).filter(c -> tenant.channel().map(t -> t != c).orElse(true))
                .findFirst().orElse(ReleaseChannel.GENERAL));
        preview = Bindings.createStringBinding(() -> channel.get() == null ? ""
                : String.join("\n", TenantMove.of(snapshot, tenant, channel.get()).lines()), channel);
        canMove = Bindings.createBooleanBinding(() -> channel.get() != null && !reason.get().isBlank()
                        && tenant.channel().map(c -> c != channel.get()).orElse(true), channel, reason)
                .and(submission.runningProperty().not()).and(submission.doneProperty().not());
        channel.addListener((obs, old, now) -> sql.clear());
    }

    public String tenantName() {
        return tenant.name();
    }

    /** "Acme is on pilot." */
    public String currentWords() {
        return tenant.name() + " is on " + (tenant.releaseChannel() == null ? "no channel" : tenant.releaseChannel()) + ".";
    }

    public List<ReleaseChannel> channels() {
        return List.of(ReleaseChannel.values());
    }

    public ObjectProperty<ReleaseChannel> channelProperty() {
        return channel;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** What turns on and off for the tenant, with how many of its users the UI changes for. */
    public StringBinding previewProperty() {
        return preview;
    }

    public SqlPreview sql() {
        return sql;
    }

    public BooleanBinding canMoveProperty() {
        return canMove;
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

    /** Rehearses the move and shows its SQL; nothing is written. */
    public void showSql() {
        ReleaseChannel to = channel.get();
        String why = reason.get().isBlank() ? "preview" : reason.get().strip();
        sql.show(() -> session.dryRun(() -> write(to, why)));
    }

    public void move() {
        if (!canMove.get()) {
            return;
        }
        ReleaseChannel to = channel.get();
        String why = reason.get().strip();
        progress.set("Moving " + tenant.name() + " to " + to.dbValue() + "…");
        submission.submit(p -> write(to, why), (WriteOutcome outcome) -> {
            progress.set(outcome.changed() ? "Moved: change " + outcome.changeId() + "." : outcome.message());
            onFinished.accept(progress.get());
        }, () -> {
            progress.set("");
            onFinished.accept("");
        });
    }

    private WriteOutcome write(ReleaseChannel to, String why) {
        return session.tenantCommands().moveTenant(tenant.id(), Optional.ofNullable(tenant.releaseChannel()), to, why);
    }
}
