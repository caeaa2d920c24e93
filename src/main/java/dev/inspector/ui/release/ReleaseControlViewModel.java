package dev.inspector.ui.release;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.FlagOverview;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.service.Session;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.support.CoalescingSignal;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import dev.inspector.ui.support.UiExecutor;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * Release Control: the flag list with its numbers, filters and sorting, and every write the tab
 * offers. Each write carries the state the admin saw; a refusal because someone else changed it
 * meanwhile is said once through the dialog service and the list reloads.
 */
public final class ReleaseControlViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ObservableList<FlagRow> allRows = FXCollections.observableArrayList();
    private final FilteredList<FlagRow> filteredRows = new FilteredList<>(allRows);
    private final SortedList<FlagRow> visibleRows = new SortedList<>(filteredRows);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<ChannelFilter> channelFilter = new SimpleObjectProperty<>(this, "channelFilter", ChannelFilter.ANY);
    private final ObjectProperty<KillswitchFilter> killswitchFilter =
            new SimpleObjectProperty<>(this, "killswitchFilter", KillswitchFilter.ANY);
    private final ObjectProperty<FlagRow> selectedFlag = new SimpleObjectProperty<>(this, "selectedFlag");
    private final ReadOnlyStringWrapper selectedKey = new ReadOnlyStringWrapper(this, "selectedKey");
    private final ReadOnlyObjectWrapper<ChangeRecord> restorable = new ReadOnlyObjectWrapper<>(this, "restorable");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper writing = new ReadOnlyBooleanWrapper(this, "writing");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    private final TaskRunner tasks;
    private final SessionState sessionState;
    private final DialogService dialogs;
    private final UiExecutor ui;
    private GateSnapshot snapshot;
    /** A refresh asked for while one runs: run once more afterwards, so nothing committed meanwhile is missed. */
    private boolean reloadAgain;
    /** While the rows are replaced the table drops its selection for a moment; that is not the admin's doing. */
    private boolean replacingRows;
    private long restoreLookup;

    public ReleaseControlViewModel(TaskRunner tasks, SessionState sessionState, DialogService dialogs, UiExecutor ui) {
        this.tasks = tasks;
        this.sessionState = sessionState;
        this.dialogs = dialogs;
        this.ui = ui;
        searchText.addListener((obs, old, text) -> applyFilter());
        channelFilter.addListener((obs, old, filter) -> applyFilter());
        killswitchFilter.addListener((obs, old, filter) -> applyFilter());
        filteredRows.addListener((ListChangeListener<FlagRow>) c -> updateSummary());
        selectedFlag.addListener((obs, old, row) -> {
            if (!replacingRows) {
                String key = row == null ? null : row.key();
                if (!java.util.Objects.equals(key, selectedKey.get())) {
                    selectedKey.set(key);
                    lookUpRestorable();
                }
            }
        });
        sessionState.sessionProperty().addListener((obs, old, session) -> {
            if (session != null) {
                listenForChanges(session);
                refresh();
            } else {
                snapshot = null;
                allRows.clear();
            }
        });
    }

    // --- properties -------------------------------------------------------------------------

    /** The rows to show: filtered, and sorted by whatever comparator the table binds. */
    public SortedList<FlagRow> visibleFlags() {
        return visibleRows;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<ChannelFilter> channelFilterProperty() {
        return channelFilter;
    }

    public ObjectProperty<KillswitchFilter> killswitchFilterProperty() {
        return killswitchFilter;
    }

    /** The flag the row actions act on; kept (by key) across reloads. */
    public ObjectProperty<FlagRow> selectedFlagProperty() {
        return selectedFlag;
    }

    /** The key of the selected flag; unlike the row it does not change when the list reloads. */
    public ReadOnlyStringProperty selectedKeyProperty() {
        return selectedKey.getReadOnlyProperty();
    }

    /** The selected flag's latest rollback that no restore has undone yet; null if none. */
    public ReadOnlyObjectProperty<ChangeRecord> restorableProperty() {
        return restorable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True while a write runs. */
    public ReadOnlyBooleanProperty writingProperty() {
        return writing.getReadOnlyProperty();
    }

    /** "12 of 15 flags"; empty before anything loaded. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the list could not be loaded, or why its numbers are missing; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last write did, in one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // --- loading ----------------------------------------------------------------------------

    public void refresh() {
        Session session = sessionState.current();
        if (session == null) {
            return;
        }
        if (loading.get()) {
            reloadAgain = true;
            return;
        }
        loading.set(true);
        tasks.run(progress -> ReleaseData.load(session), data -> onLoaded(session, data), this::onFailed);
    }

    private void onLoaded(Session from, ReleaseData data) {
        loading.set(false);
        if (from != sessionState.current()) {
            return; // the admin connected elsewhere meanwhile
        }
        error.set(data.snapshotProblem().isEmpty() ? "" : "Tenant numbers unavailable: " + data.snapshotProblem());
        snapshot = data.snapshot().orElse(null);
        String keep = selectedKey.get();
        replacingRows = true;
        try {
            allRows.setAll(data.rows());
            selectedFlag.set(keep == null ? null
                    : allRows.stream().filter(r -> r.key().equals(keep)).findFirst().orElse(null));
        } finally {
            replacingRows = false;
        }
        selectedKey.set(selectedFlag.get() == null ? null : selectedFlag.get().key());
        lookUpRestorable();
        updateSummary();
        if (reloadAgain) {
            reloadAgain = false;
            refresh();
        }
    }

    private void onFailed(Throwable failure) {
        loading.set(false);
        reloadAgain = false;
        error.set(DialogService.plainMessage(failure));
    }

    /**
     * Changes committed by any console (this one too) reload the list; a burst of them reloads it
     * once. Subscribing waits for the LISTEN to be in place, so it happens off the UI thread.
     */
    private void listenForChanges(Session session) {
        CoalescingSignal reload = new CoalescingSignal(ui, () -> {
            if (session == sessionState.current()) {
                refresh();
            }
        });
        tasks.run(progress -> {
            session.onCommittedChange(key -> reload.signal());
            return null;
        }, ignored -> { }, failure -> status.set("Changes by other consoles will show after Refresh: "
                + DialogService.plainMessage(failure)));
    }

    private void lookUpRestorable() {
        long lookup = ++restoreLookup;
        FlagRow row = selectedFlag.get();
        Session session = sessionState.current();
        if (row == null || session == null) {
            restorable.set(null);
            return;
        }
        tasks.run(progress -> session.history().latestRollback(row.key()), change -> {
            if (lookup == restoreLookup) {
                restorable.set(change.orElse(null));
            }
        }, failure -> {
            if (lookup == restoreLookup) {
                restorable.set(null);
            }
        });
    }

    // --- filtering --------------------------------------------------------------------------

    private void applyFilter() {
        String needle = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        ChannelFilter channels = channelFilter.get() == null ? ChannelFilter.ANY : channelFilter.get();
        KillswitchFilter killswitch = killswitchFilter.get() == null ? KillswitchFilter.ANY : killswitchFilter.get();
        filteredRows.setPredicate(row -> (needle.isEmpty() || matches(row, needle))
                && channels.accepts(row) && killswitch.accepts(row));
        updateSummary();
    }

    static boolean matches(FlagRow row, String needle) {
        FeatureFlag flag = row.flag();
        return flag.key().toLowerCase(Locale.ROOT).contains(needle)
                || flag.name().toLowerCase(Locale.ROOT).contains(needle)
                || flag.description().toLowerCase(Locale.ROOT).contains(needle);
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

    // --- writes -----------------------------------------------------------------------------

    /** Sets (or, with an empty value, removes) a channel row, from the state the row shows. */
    public void setChannel(FlagRow seen, ReleaseChannel channel, Optional<Boolean> value, String reason) {
        String done = seen.key() + ": " + channel.dbValue() + " " + value.map(v -> v ? "on" : "off").orElse("row removed") + ".";
        write(done, session -> session.flagCommands().setChannel(seen.key(), channel, seen.channel(channel), value, reason));
    }

    public void setDefault(FlagRow seen, boolean value, String reason) {
        write(seen.key() + ": global default " + (value ? "on" : "off") + ".",
                session -> session.flagCommands().setDefault(seen.flag(), value, reason));
    }

    /** Puts back the state before a rollback, as the change history recorded it. */
    public void restore(ChangeRecord rollback, String reason) {
        write(rollback.flagKey() + ": change " + rollback.id() + " restored.",
                session -> session.flagCommands().restore(rollback.id(), reason));
    }

    /** One line naming a change: what, who, when, why. */
    public static String describe(ChangeRecord change) {
        String reason = change.reason() == null || change.reason().isBlank() ? "no reason given" : "\u201c" + change.reason() + "\u201d";
        return "Change " + change.id() + " (" + change.action() + ") of " + change.flagKey() + " by " + change.osUser()
                + " as " + change.dbRole() + " on " + WHEN.format(change.happenedAt()) + ": " + reason + ".";
    }

    @FunctionalInterface
    private interface Write {
        void run(Session session) throws Exception;
    }

    private void write(String doneMessage, Write work) {
        Session session = sessionState.current();
        if (session == null || writing.get()) {
            return;
        }
        writing.set(true);
        tasks.run(progress -> {
            work.run(session);
            return null;
        }, ignored -> {
            writing.set(false);
            status.set(doneMessage);
            refresh();
        }, failure -> {
            writing.set(false);
            status.set("");
            dialogs.showError("Nothing was changed", failure);
            refresh();
        });
    }

    // --- dialogs ----------------------------------------------------------------------------

    /** A fresh "New flag" form; null without a session. The new flag is selected once it exists. */
    public CreateFlagDialogViewModel newFlagForm() {
        Session session = sessionState.current();
        if (session == null) {
            return null;
        }
        return new CreateFlagDialogViewModel(tasks, session, flag -> {
            status.set(flag.key() + ": created (internal on, pilot off, general off).");
            selectedFlag.set(new FlagRow(new FlagOverview(flag, Map.of()), -1, -1, -1));
            refresh();
        });
    }

    public EditFlagDialogViewModel editForm(FlagRow row) {
        Session session = sessionState.current();
        if (session == null || row == null) {
            return null;
        }
        return new EditFlagDialogViewModel(tasks, session, row.flag(), this::refresh);
    }

    /** The kill dialog for a flag, its numbers computed from the snapshot behind the list; null if there is none. */
    public KillDialogViewModel killForm(FlagRow row) {
        Session session = sessionState.current();
        if (session == null || row == null || snapshot == null) {
            return null;
        }
        return new KillDialogViewModel(tasks, session, row.flag(), snapshot, this::refresh);
    }
}
