package dev.inspector.ui.release;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.change.ChangeWords;
import dev.inspector.service.report.HistoryCsv;
import dev.inspector.service.Session;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The change history under the flag table: the newest change sets, for every flag or only the
 * selected one, filtered by text, the selected change's rows, and the visible changes as CSV.
 */
public final class ChangeHistoryViewModel {

    static final int LIMIT = 500;

    private final ObservableList<ChangeRecord> changes = FXCollections.observableArrayList();
    private final FilteredList<ChangeRecord> visibleChanges = new FilteredList<>(changes);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final BooleanProperty onlySelectedFlag = new SimpleBooleanProperty(this, "onlySelectedFlag");
    private final StringProperty flagKey = new SimpleStringProperty(this, "flagKey");
    private final ObjectProperty<ChangeRecord> selectedChange = new SimpleObjectProperty<>(this, "selectedChange");
    private final ObservableList<ChangeRecord.RowChange> selectedRows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    private final TaskRunner tasks;
    private final SessionState sessionState;
    private final DialogService dialogs;
    private final LiveGateData live;
    private final ReadOnlyBooleanWrapper undoing = new ReadOnlyBooleanWrapper(this, "undoing");
    private boolean reloadAgain;

    public ChangeHistoryViewModel(TaskRunner tasks, SessionState sessionState, DialogService dialogs, LiveGateData live) {
        this.tasks = tasks;
        this.sessionState = sessionState;
        this.dialogs = dialogs;
        this.live = live;
        filterText.addListener((obs, old, text) -> applyFilter());
        visibleChanges.addListener((ListChangeListener<ChangeRecord>) c -> updateSummary());
        onlySelectedFlag.addListener((obs, old, only) -> refresh());
        flagKey.addListener((obs, old, key) -> {
            if (onlySelectedFlag.get()) {
                refresh();
            }
        });
        selectedChange.addListener((obs, old, change) ->
                selectedRows.setAll(change == null ? List.of() : change.rows()));
        // Every committed change (of any console) reloads the live data, and the history follows it;
        // a new session empties the live data first.
        live.dataProperty().addListener((obs, old, data) -> {
            if (data == null) {
                changes.clear();
                status.set("");
            } else {
                refresh();
            }
        });
    }

    // --- properties -------------------------------------------------------------------------

    public ObservableList<ChangeRecord> visibleChanges() {
        return visibleChanges;
    }

    /** Matches id, action, flag, reason, database role and operating-system user. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty onlySelectedFlagProperty() {
        return onlySelectedFlag;
    }

    /** The flag selected in the flag table; the composition root binds it. */
    public StringProperty flagKeyProperty() {
        return flagKey;
    }

    public ObjectProperty<ChangeRecord> selectedChangeProperty() {
        return selectedChange;
    }

    /** The rows the selected change wrote, before and after. */
    public ObservableList<ChangeRecord.RowChange> selectedRows() {
        return selectedRows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** "12 changes" or "3 of 12 changes". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the last export did. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // --- commands ---------------------------------------------------------------------------

    public void refresh() {
        Session session = sessionState.current();
        if (session == null) {
            return;
        }
        if (loading.get()) {
            reloadAgain = true;
            return;
        }
        Optional<String> only = onlySelectedFlag.get() && flagKey.get() != null
                ? Optional.of(flagKey.get()) : Optional.empty();
        if (onlySelectedFlag.get() && only.isEmpty()) {
            changes.clear();
            return;
        }
        loading.set(true);
        tasks.run(progress -> session.history().recent(only, LIMIT), loaded -> {
            loading.set(false);
            Long selectedId = selectedChange.get() == null ? null : selectedChange.get().id();
            changes.setAll(loaded);
            selectedChange.set(selectedId == null ? null
                    : changes.stream().filter(c -> c.id() == selectedId).findFirst().orElse(null));
            if (reloadAgain) {
                reloadAgain = false;
                refresh();
            }
        }, failure -> {
            loading.set(false);
            reloadAgain = false;
            status.set("The history could not be loaded: " + DialogService.plainMessage(failure));
        });
    }

    /** True while an undo runs. */
    public ReadOnlyBooleanProperty undoingProperty() {
        return undoing.getReadOnlyProperty();
    }

    /** Whether the selected change can be undone: it stands, and is of a kind that can be put back. */
    public boolean canUndo(ChangeRecord change) {
        return change != null && change.restoredBy().isEmpty() && change.kind().undoable();
    }

    /** Puts back exactly what the selected change changed, after asking for a reason. */
    public void undoSelected() {
        ChangeRecord change = selectedChange.get();
        Session session = sessionState.current();
        if (!canUndo(change) || session == null || undoing.get()) {
            return;
        }
        dev.inspector.ui.support.SqlPreview sql = new dev.inspector.ui.support.SqlPreview(tasks).prepare(() ->
                session.dryRun(() -> session.restores().undo(change.id(), "(the reason you give)")));
        dialogs.askReason("Undo change " + change.id(), "Undo " + FlagChanges.describe(change)
                        + "\nThe rows it wrote go back to what they were before it, if nothing changed them since.", false, sql)
                .ifPresent(reason -> {
                    undoing.set(true);
                    tasks.run(progress -> session.restores().undo(change.id(), reason), outcome -> {
                        undoing.set(false);
                        status.set("Change " + change.id() + " undone (change " + outcome.changeId() + ").");
                        live.refresh();
                    }, failure -> {
                        undoing.set(false);
                        dialogs.showError("Nothing was undone", failure);
                    });
                });
    }

    /** Asks where to save, then writes the changes the filter shows as CSV in the background. */
    public void export() {
        dialogs.chooseSaveFile("Export the change history", "change-history.csv", "CSV", "csv").ifPresent(this::exportCsv);
    }

    /** Writes the changes the filter shows to {@code file} in the background. */
    public void exportCsv(Path file) {
        if (file == null || exporting.get()) {
            return;
        }
        List<ChangeRecord> snapshot = List.copyOf(visibleChanges);
        exporting.set(true);
        tasks.run(progress -> {
            HistoryCsv.write(snapshot, file);
            return snapshot.size();
        }, count -> {
            exporting.set(false);
            status.set(count + (count == 1 ? " change" : " changes") + " exported to " + file.getFileName() + ".");
        }, failure -> {
            exporting.set(false);
            status.set("");
            dialogs.showError("Export failed", failure);
        });
    }

    private void applyFilter() {
        String needle = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        visibleChanges.setPredicate(needle.isEmpty() ? null : change -> matches(change, needle));
        updateSummary();
    }

    static boolean matches(ChangeRecord change, String needle) {
        return Long.toString(change.id()).equals(needle)
                || contains(change.action(), needle) || contains(change.kind().label(), needle)
                || change.flagKeys().stream().anyMatch(key -> contains(key, needle))
                || contains(change.reason(), needle) || contains(change.osUser(), needle)
                || contains(change.dbRole(), needle);
    }

    /** "Rollback", or "Rollback, undone by 42". */
    static String kind(ChangeRecord change) {
        return change.kind().label() + change.restoredBy().map(by -> ", undone by " + by).orElse("");
    }

    /** "Tripped the killswitch of fuel_card_sync · 10 rows". */
    static String what(ChangeRecord change) {
        String did = ChangeWords.did(change);
        return Character.toUpperCase(did.charAt(0)) + did.substring(1) + " \u00b7 " + change.rows().size()
                + (change.rows().size() == 1 ? " row" : " rows");
    }

    /** "alice as postgres": the operating-system user and the database role. */
    static String by(ChangeRecord change) {
        return change.osUser() + " as " + change.dbRole();
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    private void updateSummary() {
        summary.set(visibleChanges.size() == changes.size()
                ? changes.size() + (changes.size() == 1 ? " change" : " changes")
                : visibleChanges.size() + " of " + changes.size() + " changes");
    }
}
