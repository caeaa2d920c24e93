package dev.inspector.ui.release;

import dev.inspector.domain.FlagOverview;
import dev.inspector.service.Session;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The flag list of Release Control: loads from the session, filters by the search text. */
public final class ReleaseControlViewModel {

    private final ObservableList<FlagOverview> allFlags = FXCollections.observableArrayList();
    private final FilteredList<FlagOverview> visibleFlags = new FilteredList<>(allFlags);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private final TaskRunner tasks;
    private final SessionState sessionState;
    private final SelectedFlag selectedFlag;

    public ReleaseControlViewModel(TaskRunner tasks, SessionState sessionState) {
        this(tasks, sessionState, new SelectedFlag());
    }

    public ReleaseControlViewModel(TaskRunner tasks, SessionState sessionState, SelectedFlag selectedFlag) {
        this.tasks = tasks;
        this.sessionState = sessionState;
        this.selectedFlag = selectedFlag;
        searchText.addListener((obs, old, text) -> applyFilter());
        visibleFlags.addListener((javafx.collections.ListChangeListener<FlagOverview>) c -> updateSummary());
        sessionState.sessionProperty().addListener((obs, old, session) -> {
            if (session != null) {
                refresh();
            } else {
                allFlags.clear();
            }
        });
    }

    // --- properties -------------------------------------------------------------------------

    public ObservableList<FlagOverview> visibleFlags() {
        return visibleFlags;
    }

    /** The flag selected in the table, shared with the actions on it. */
    public SelectedFlag selectedFlag() {
        return selectedFlag;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "12 of 15 flags"; empty before anything loaded. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the list could not be loaded; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // --- commands ---------------------------------------------------------------------------

    public void refresh() {
        Session session = sessionState.current();
        if (session == null || loading.get()) {
            return;
        }
        loading.set(true);
        tasks.run(progress -> session.releaseControl().listFlags(), this::onLoaded, this::onFailed);
    }

    private void onLoaded(List<FlagOverview> flags) {
        loading.set(false);
        error.set("");
        allFlags.setAll(flags);
        updateSummary();
    }

    private void onFailed(Throwable failure) {
        loading.set(false);
        error.set(DialogService.plainMessage(failure));
    }

    private void applyFilter() {
        String needle = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        visibleFlags.setPredicate(needle.isEmpty() ? null : flag -> matches(flag, needle));
        updateSummary();
    }

    static boolean matches(FlagOverview overview, String needle) {
        return overview.flag().key().toLowerCase(Locale.ROOT).contains(needle)
                || overview.flag().name().toLowerCase(Locale.ROOT).contains(needle)
                || overview.flag().description().toLowerCase(Locale.ROOT).contains(needle);
    }

    private void updateSummary() {
        summary.set(visibleFlags.size() == allFlags.size()
                ? allFlags.size() + " flags"
                : visibleFlags.size() + " of " + allFlags.size() + " flags");
    }
}
