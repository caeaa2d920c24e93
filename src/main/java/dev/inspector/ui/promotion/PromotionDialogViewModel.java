package dev.inspector.ui.promotion;

import dev.inspector.domain.promotion.GateCheck;
import dev.inspector.domain.promotion.GeneralWay;
import dev.inspector.domain.promotion.PromotionReview;
import dev.inspector.domain.promotion.PromotionTarget;
import dev.inspector.domain.promotion.WayReach;
import dev.inspector.domain.failure.StateChangedException;
import dev.inspector.service.PromotionService;
import dev.inspector.service.Session;
import dev.inspector.service.WriteOutcome;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 * The promotion checklist: automatic checks as the console decided them, manual ones to tick, for
 * general the two ways with their reach, and an override reason when a gate failed. Promote is
 * enabled only when the review allows it or a typed reason overrides the failed gates.
 */
public final class PromotionDialogViewModel {

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper change = new ReadOnlyStringWrapper(this, "change", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<GateCheck> automaticChecks = FXCollections.observableArrayList();
    private final ObservableList<ManualCheck> manualChecks = FXCollections.observableArrayList();
    private final ObservableList<WayReach> ways = FXCollections.observableArrayList();
    // One read-only view of each list, kept here: a view made per call listens to its list only
    // weakly, so the garbage collector could take it, and with it the window's listener.
    private final ObservableList<GateCheck> automaticChecksView = FXCollections.unmodifiableObservableList(automaticChecks);
    private final ObservableList<ManualCheck> manualChecksView = FXCollections.unmodifiableObservableList(manualChecks);
    private final ObservableList<WayReach> waysView = FXCollections.unmodifiableObservableList(ways);
    private final ObjectProperty<GeneralWay> way = new SimpleObjectProperty<>(this, "way");
    private final StringProperty overrideReason = new SimpleStringProperty(this, "overrideReason", "");
    private final ReadOnlyBooleanWrapper overrideNeeded = new ReadOnlyBooleanWrapper(this, "overrideNeeded");
    private final ReadOnlyStringWrapper overrideRequirement = new ReadOnlyStringWrapper(this, "overrideRequirement", "");
    private final ReadOnlyBooleanWrapper promoteEnabled = new ReadOnlyBooleanWrapper(this, "promoteEnabled");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper promoted = new ReadOnlyBooleanWrapper(this, "promoted");

    private final TaskRunner tasks;
    private final dev.inspector.ui.support.SqlPreview sql;
    private final SessionState sessionState;
    private final Function<Session, PromotionService> services;
    private final Runnable afterPromotion;
    private PromotionReview review;
    private String flagKey;
    private PromotionTarget target;
    private Optional<GeneralWay> preferredWay = Optional.empty();

    /** With the process's defaults: {@code soakDays} of pilot before general, no audit until issue #5. */
    public PromotionDialogViewModel(TaskRunner tasks, SessionState sessionState, int soakDays, Runnable afterPromotion) {
        this(tasks, sessionState, session -> new PromotionService(session, soakDays, Clock.systemUTC()), afterPromotion);
    }

    public PromotionDialogViewModel(TaskRunner tasks, SessionState sessionState,
                                    Function<Session, PromotionService> services, Runnable afterPromotion) {
        this.tasks = tasks;
        this.sql = new dev.inspector.ui.support.SqlPreview(tasks);
        this.sessionState = sessionState;
        this.services = services;
        this.afterPromotion = afterPromotion;
        overrideReason.addListener((obs, old, text) -> updateVerdict());
        way.addListener((obs, old, chosen) -> updateVerdict());
    }

    // --- properties -------------------------------------------------------------------------

    /** "Promote ai_load_matching to general". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What the promotion writes, e.g. "pilot → general: the general channel row (now off) or the global default". */
    public ReadOnlyStringProperty changeProperty() {
        return change.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<GateCheck> automaticChecks() {
        return automaticChecksView;
    }

    public ObservableList<ManualCheck> manualChecks() {
        return manualChecksView;
    }

    /** The two ways to general with their reach; empty for a promotion to pilot. */
    public ObservableList<WayReach> ways() {
        return waysView;
    }

    public ObjectProperty<GeneralWay> wayProperty() {
        return way;
    }

    public StringProperty overrideReasonProperty() {
        return overrideReason;
    }

    /** An automatic gate failed: only a typed reason lets the promotion through. */
    public ReadOnlyBooleanProperty overrideNeededProperty() {
        return overrideNeeded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty overrideRequirementProperty() {
        return overrideRequirement.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty promoteEnabledProperty() {
        return promoteEnabled.getReadOnlyProperty();
    }

    /** Why Promote is disabled, that it is ready, or what was recorded. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty promotedProperty() {
        return promoted.getReadOnlyProperty();
    }

    // --- commands ---------------------------------------------------------------------------

    /** Loads the checklist for a flag in the background; forgets any earlier one. */
    public void open(String flagKey, PromotionTarget target) {
        open(flagKey, target, Optional.empty());
    }

    /** As {@link #open(String, PromotionTarget)}, for general with one way chosen up front (the admin switched that way on). */
    public void open(String flagKey, PromotionTarget target, Optional<GeneralWay> preferredWay) {
        this.flagKey = flagKey;
        this.target = target;
        this.preferredWay = preferredWay;
        review = null;
        title.set("Promote " + flagKey + " to " + target.to().dbValue());
        change.set("");
        automaticChecks.clear();
        manualChecks.clear();
        ways.clear();
        way.set(null);
        overrideReason.set("");
        promoted.set(false);
        error.set("");
        sql.clear();
        reload();
    }

    /** The SQL the promotion would run and its undo, on request. */
    public dev.inspector.ui.support.SqlPreview sql() {
        return sql;
    }

    /**
     * Rehearses the promotion as if every manual check were ticked (and, with failed gates, an
     * override reason given): the statements do not depend on the ticks. Nothing is written.
     */
    public void showSql() {
        Session session = sessionState.current();
        if (session == null || review == null) {
            return;
        }
        PromotionReview reviewed = review;
        Optional<GeneralWay> chosen = Optional.ofNullable(way.get());
        Set<String> all = manualChecks.stream().map(ManualCheck::id).collect(Collectors.toSet());
        sql.show(() -> session.dryRun(() -> services.apply(session).promote(reviewed, chosen, all, "(the reason you give)")));
    }

    public void promote() {
        Session session = sessionState.current();
        if (session == null || review == null || !promoteEnabled.get()) {
            return;
        }
        PromotionReview reviewed = review;
        Optional<GeneralWay> chosen = Optional.ofNullable(way.get());
        Set<String> ticks = ticks();
        String reason = overrideReason.get();
        startBusy("Promoting…");
        tasks.run(progress -> services.apply(session).promote(reviewed, chosen, ticks, reason),
                this::onPromoted, this::onPromoteFailed);
    }

    private void reload() {
        Session session = sessionState.current();
        if (session == null) {
            error.set("Not connected to a database.");
            return;
        }
        String key = flagKey;
        PromotionTarget to = target;
        startBusy("Checking the gates…");
        tasks.run(progress -> services.apply(session).review(key, to), this::onReviewed, this::onFailed);
    }

    private void onReviewed(PromotionReview loaded) {
        busy.set(false);
        review = loaded;
        change.set(describeChange(loaded));
        automaticChecks.setAll(loaded.checks().stream().filter(c -> c.kind() == GateCheck.Kind.AUTOMATIC).toList());
        manualChecks.setAll(loaded.checks().stream().filter(c -> c.kind() == GateCheck.Kind.MANUAL)
                .map(c -> {
                    ManualCheck check = new ManualCheck(c.id(), c.title(), c.detail());
                    check.tickedProperty().addListener((obs, old, ticked) -> updateVerdict());
                    return check;
                }).toList());
        // the way the admin switched on, else the document's first way
        way.set(loaded.ways().isEmpty() ? null : preferredWay.orElse(GeneralWay.GENERAL_ROW));
        ways.setAll(loaded.ways());
        overrideNeeded.set(loaded.overrideNeeded());
        overrideRequirement.set(loaded.overrideRequirement());
        updateVerdict();
    }

    private void onPromoted(WriteOutcome outcome) {
        busy.set(false);
        promoted.set(true);
        promoteEnabled.set(false);
        status.set(outcome.changed()
                ? "Promoted. Recorded in the change history as change " + outcome.changeId() + "."
                : outcome.message());
        afterPromotion.run();
    }

    private void onPromoteFailed(Throwable failure) {
        onFailed(failure);
        if (failure instanceof StateChangedException) {
            reload(); // show the checklist for the state as it is now; the error stays
        }
    }

    private void onFailed(Throwable failure) {
        busy.set(false);
        error.set(DialogService.plainMessage(failure));
        updateVerdict();
    }

    private void startBusy(String message) {
        busy.set(true);
        promoteEnabled.set(false);
        status.set(message);
    }

    private void updateVerdict() {
        if (review == null || busy.get() || promoted.get()) {
            promoteEnabled.set(false);
            if (review == null && !busy.get()) {
                status.set("");
            }
            return;
        }
        Optional<String> problem = review.withTicks(ticks()).problem(overrideReason.get());
        if (problem.isEmpty() && !ways.isEmpty() && way.get() == null) {
            problem = Optional.of("Choose how to promote to general.");
        }
        promoteEnabled.set(problem.isEmpty());
        status.set(problem.orElse(review.overrideNeeded()
                ? "Ready to promote, overriding the failed gates with your reason."
                : "All gates passed: ready to promote."));
    }

    private Set<String> ticks() {
        return manualChecks.stream().filter(c -> c.tickedProperty().get()).map(ManualCheck::id).collect(Collectors.toSet());
    }

    private static String describeChange(PromotionReview review) {
        String from = review.target().from().dbValue();
        String to = review.target().to().dbValue();
        String row = review.targetRow().map(on -> on ? "on already" : "now off").orElse("no row yet");
        if (review.target() == PromotionTarget.PILOT) {
            return from + " → " + to + ": switches the pilot channel row on (" + row + ").";
        }
        return from + " → " + to + ": the general channel row (" + row + ") or the global default ("
                + (review.flag().defaultEnabled() ? "on already" : "now off") + ").";
    }
}
