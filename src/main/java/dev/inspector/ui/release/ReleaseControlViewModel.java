package dev.inspector.ui.release;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.service.Session;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.GateData;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.ui.promotion.PromotionOpener;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * Release Control: the flag list with its numbers, filters and sorting, the selected flag and what
 * can be restored for it. The rows come from the window's one live gate snapshot; the switches,
 * restores and killswitch actions are {@link FlagChanges}.
 */
public final class ReleaseControlViewModel {

    private final ObservableList<FlagRow> allRows = FXCollections.observableArrayList();
    private final FilteredList<FlagRow> filteredRows = new FilteredList<>(allRows);
    private final SortedList<FlagRow> visibleRows = new SortedList<>(filteredRows);
    private final FlagFilters filters;
    private final ObjectProperty<FlagRow> selectedFlag = new SimpleObjectProperty<>(this, "selectedFlag");
    private final ReadOnlyStringWrapper selectedKey = new ReadOnlyStringWrapper(this, "selectedKey");
    private final ReadOnlyObjectWrapper<ChangeRecord> restorable = new ReadOnlyObjectWrapper<>(this, "restorable");
    private final ReadOnlyObjectWrapper<List<ChangeRecord>> incident = new ReadOnlyObjectWrapper<>(this, "incident", List.of());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final StringBinding restoreIncidentLabel;

    private final TaskRunner tasks;
    private final SessionState sessionState;
    private final LiveGateData live;
    private final FlagChanges changes;
    /** While the rows are replaced the table drops its selection for a moment; that is not the admin's doing. */
    private boolean replacingRows;
    private long restoreLookup;

    public ReleaseControlViewModel(TaskRunner tasks, SessionState sessionState, DialogService dialogs, LiveGateData live,
                                   PromotionOpener promotions) {
        this.tasks = tasks;
        this.sessionState = sessionState;
        this.live = live;
        this.changes = new FlagChanges(tasks, sessionState, dialogs, promotions, this::snapshot, this::afterWrite);
        this.filters = new FlagFilters(java.time.Clock.systemDefaultZone(), this::applyFilter);
        filteredRows.setPredicate(filters.predicate());
        restoreIncidentLabel = Bindings.createStringBinding(() -> incident.get().size() > 1
                ? "Restore to before the incident (" + incident.get().size() + " rollbacks)…"
                : "Restore to before the incident…", incident);
        filteredRows.addListener((ListChangeListener<FlagRow>) c -> updateSummary());
        selectedFlag.addListener((obs, old, row) -> {
            if (!replacingRows) {
                String key = row == null ? null : row.key();
                if (!Objects.equals(key, selectedKey.get())) {
                    // what the last write did was about the flag selected then, not this one
                    if (selectedKey.get() != null) {
                        changes.clearStatus();
                    }
                    selectedKey.set(key);
                    lookUpRestorable();
                }
            }
        });
        live.dataProperty().addListener((obs, old, data) -> show(data));
        live.errorProperty().addListener((obs, old, message) -> showError());
        sessionState.sessionProperty().addListener((obs, old, session) -> changes.clearStatus());
        show(live.current());
    }

    // --- properties -------------------------------------------------------------------------

    /** The rows to show: filtered, and sorted by whatever comparator the table binds. */
    public SortedList<FlagRow> visibleFlags() {
        return visibleRows;
    }

    /** Search words, channel, killswitch and lifecycle filters. */
    public FlagFilters filters() {
        return filters;
    }

    public StringProperty searchTextProperty() {
        return filters.searchTextProperty();
    }

    public ObjectProperty<ChannelFilter> channelFilterProperty() {
        return filters.channelProperty();
    }

    public ObjectProperty<KillswitchFilter> killswitchFilterProperty() {
        return filters.killswitchProperty();
    }

    /** The flag the row actions act on; kept (by key) across reloads. */
    public ObjectProperty<FlagRow> selectedFlagProperty() {
        return selectedFlag;
    }

    /** The key of the selected flag; unlike the row it does not change when the list reloads. */
    public ReadOnlyStringProperty selectedKeyProperty() {
        return selectedKey.getReadOnlyProperty();
    }

    /** The rollback the next Restore of the selected flag undoes; null if none stands. */
    public ReadOnlyObjectProperty<ChangeRecord> restorableProperty() {
        return restorable.getReadOnlyProperty();
    }

    /** The standing rollbacks "to before the incident" would undo, newest first; empty if none. */
    public ReadOnlyObjectProperty<List<ChangeRecord>> incidentProperty() {
        return incident.getReadOnlyProperty();
    }

    public StringBinding restoreIncidentLabel() {
        return restoreIncidentLabel;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return live.loadingProperty();
    }

    /** "12 of 15 flags"; empty before anything loaded. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the list could not be loaded, or why its numbers are missing; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "As of 14:02:33 · live". */
    public ReadOnlyStringProperty freshnessProperty() {
        return live.freshnessProperty();
    }

    public FlagChanges changes() {
        return changes;
    }

    // --- loading ----------------------------------------------------------------------------

    public void refresh() {
        live.refresh();
    }

    private void afterWrite() {
        live.refresh();
        lookUpRestorable();
    }

    private Optional<GateSnapshot> snapshot() {
        GateData data = live.current();
        return data == null ? Optional.empty() : data.snapshot();
    }

    private void show(GateData data) {
        String keep = selectedKey.get();
        replacingRows = true;
        try {
            allRows.setAll(data == null ? List.of() : ReleaseData.rows(data));
            filteredRows.setPredicate(filters.predicate()); // "the last 48 h" moves on with every reload
            selectedFlag.set(keep == null ? null
                    : allRows.stream().filter(r -> r.key().equals(keep)).findFirst().orElse(null));
        } finally {
            replacingRows = false;
        }
        selectedKey.set(selectedFlag.get() == null ? keep : selectedFlag.get().key());
        showError();
        lookUpRestorable();
        updateSummary();
    }

    private void showError() {
        GateData data = live.current();
        String failure = live.errorProperty().get();
        error.set(!failure.isEmpty() ? failure
                : data != null && !data.snapshotProblem().isEmpty() ? "Tenant numbers unavailable: " + data.snapshotProblem()
                : "");
    }

    private void lookUpRestorable() {
        long lookup = ++restoreLookup;
        String key = selectedKey.get();
        Session session = sessionState.current();
        if (key == null || session == null) {
            restorable.set(null);
            incident.set(List.of());
            return;
        }
        tasks.run(progress -> new Restorable(session.restores().next(key), session.restores().incident(key)), found -> {
            if (lookup == restoreLookup) {
                restorable.set(found.next().orElse(null));
                incident.set(found.incident());
            }
        }, failure -> {
            if (lookup == restoreLookup) {
                restorable.set(null);
                incident.set(List.of());
            }
        });
    }

    private record Restorable(Optional<ChangeRecord> next, List<ChangeRecord> incident) {
    }

    // --- filtering --------------------------------------------------------------------------

    private void applyFilter() {
        filteredRows.setPredicate(filters.predicate());
        updateSummary();
    }

    private void updateSummary() {
        summary.set(filteredRows.size() == allRows.size()
                ? allRows.size() + " flags"
                : filteredRows.size() + " of " + allRows.size() + " flags");
    }

    /** Sorts channel and default cells: no row, off, on. */
    public static Comparator<Optional<Boolean>> stateOrder() {
        return Comparator.comparingInt(state -> state.map(on -> on ? 2 : 1).orElse(0));
    }

    /** Selects a flag by key, widening the filters if they hide it (an archived flag shows among the archived). */
    public void select(String key) {
        Optional<FlagRow> row = allRows.stream().filter(r -> r.key().equals(key)).findFirst();
        if (row.isEmpty()) {
            return;
        }
        if (!filteredRows.contains(row.get())) {
            filters.searchTextProperty().set("");
            filters.channelProperty().set(ChannelFilter.ANY);
            filters.killswitchProperty().set(KillswitchFilter.ANY);
            filters.lifecycleProperty().set(row.get().lifecycle().stage()
                    == dev.inspector.domain.lifecycle.LifecycleStage.ARCHIVED ? LifecycleFilter.ARCHIVED : LifecycleFilter.ACTIVE);
        }
        selectedFlag.set(row.get());
    }

    // --- dialogs ----------------------------------------------------------------------------

    /** A fresh "New flag" form; null without a session. The new flag is selected once it exists. */
    public CreateFlagDialogViewModel newFlagForm() {
        Session session = sessionState.current();
        if (session == null) {
            return null;
        }
        java.util.Set<String> keys = allRows.stream().map(FlagRow::key).collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new CreateFlagDialogViewModel(tasks, session, keys, flag -> {
            selectedKey.set(flag.key());
            live.refresh();
        });
    }

    public EditFlagDialogViewModel editForm(FlagRow row) {
        Session session = sessionState.current();
        if (session == null || row == null) {
            return null;
        }
        return new EditFlagDialogViewModel(tasks, session, row.flag(), live::refresh);
    }

    /** The kill dialog for a flag, its numbers from the live snapshot (none where the server gate is unavailable). */
    public KillDialogViewModel killForm(FlagRow row) {
        Session session = sessionState.current();
        if (session == null || row == null) {
            return null;
        }
        return new KillDialogViewModel(tasks, session, row.flag(), snapshot(), this::afterWrite);
    }
}
