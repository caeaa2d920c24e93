package dev.inspector.ui.matrix;

import dev.inspector.service.Session;
import dev.inspector.ui.SessionState;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.ui.live.AsOfChoice;
import dev.inspector.ui.live.GateData;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.FirstShow;
import dev.inspector.ui.support.TaskRunner;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Tenants × flags matrix: builds the filter keys of the shared snapshot in the background,
 * filters it into {@link VisibleCells}, and hands the grid's gestures to {@link MatrixSelection},
 * the focused cell to {@link CellFocus} and override changes to {@link MatrixOverrides}. It
 * computes nothing until the tab is first shown.
 */
public final class TenantMatrixViewModel {

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObjectProperty<ChannelChoice> channelFilter = new SimpleObjectProperty<>(this, "channelFilter", ChannelChoice.ALL);
    private final StringProperty tenantText = new SimpleStringProperty(this, "tenantText", "");
    private final StringProperty flagText = new SimpleStringProperty(this, "flagText", "");
    private final ReadOnlyIntegerWrapper layoutVersion = new ReadOnlyIntegerWrapper(this, "layoutVersion");
    private final ReadOnlyIntegerWrapper paintVersion = new ReadOnlyIntegerWrapper(this, "paintVersion");
    private final ReadOnlyBooleanWrapper canOverride = new ReadOnlyBooleanWrapper(this, "canOverride");

    private final TaskRunner tasks;
    private final SessionState sessionState;
    private final LiveGateData live;
    private final MatrixOverrides overrides;
    private final CellFocus focus = new CellFocus();
    private final VisibleCells cells = new VisibleCells(focus);
    private final MatrixSelection selection = new MatrixSelection(cells, focus, this::repaint);
    private final FirstShow firstShow;
    private final AsOfChoice asOf;
    /** The gate tables of a past moment while "as of" is set; the matrix shows them and takes no override. */
    private GateSnapshot pastSnapshot;
    private long generation;

    public TenantMatrixViewModel(TaskRunner tasks, SessionState sessionState, DialogService dialogs, LiveGateData live) {
        this.tasks = tasks;
        this.sessionState = sessionState;
        this.live = live;
        this.overrides = new MatrixOverrides(tasks, sessionState, dialogs, live::refresh);
        channelFilter.addListener((obs, old, value) -> applyFilters());
        tenantText.addListener((obs, old, value) -> applyFilters());
        flagText.addListener((obs, old, value) -> applyFilters());
        overrides.writingProperty().addListener((obs, old, value) -> updateCanOverride());
        selection.selectedCountProperty().addListener((obs, old, value) -> updateCanOverride());
        this.firstShow = new FirstShow(() -> show(live.current()));
        this.asOf = new AsOfChoice(tasks, java.time.Clock.systemDefaultZone(), past -> {
            pastSnapshot = past.orElse(null);
            cells.selection().clear();
            updateCanOverride();
            show(live.current());
        });
        // A new session empties the live data first, then fills it: reset, then show (once the tab was shown).
        live.dataProperty().addListener((obs, old, data) -> {
            if (data == null) {
                reset();
            } else {
                firstShow.reload();
            }
        });
        reset();
    }

    /** The moment shown: now, or a past one from the change history. */
    public AsOfChoice asOf() {
        return asOf;
    }

    /** Shows the matrix as of the moment typed (now when empty). */
    public void applyAsOf() {
        asOf.apply(sessionState.current());
    }

    /** The tab became visible: the first time, compute the matrix of the data loaded so far. */
    public void shown() {
        firstShow.shown();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty writingProperty() {
        return overrides.writingProperty();
    }

    /** The override changes of the selected cells, their preview and undo. */
    public MatrixOverrides overrides() {
        return overrides;
    }

    /** What the grid shows. */
    public VisibleCells cells() {
        return cells;
    }

    /** The selected cells and the gestures that change them. */
    public MatrixSelection selection() {
        return selection;
    }

    /** The focused cell's trace and its flag's rollout. */
    public CellFocus focus() {
        return focus;
    }

    /** "10 tenants × 15 flags"; says how many are shown when a filter hides some. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the matrix could not be loaded; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last action did, or what is going on. */
    public ReadOnlyStringProperty statusProperty() {
        return overrides.statusProperty();
    }

    public ObjectProperty<ChannelChoice> channelFilterProperty() {
        return channelFilter;
    }

    public StringProperty tenantTextProperty() {
        return tenantText;
    }

    public StringProperty flagTextProperty() {
        return flagText;
    }

    /** Changes when rows or columns change: the grid recomputes its scroll ranges. */
    public ReadOnlyIntegerProperty layoutVersionProperty() {
        return layoutVersion.getReadOnlyProperty();
    }

    /** Changes when anything painted changes (cells, selection, focus). */
    public ReadOnlyIntegerProperty paintVersionProperty() {
        return paintVersion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canOverrideProperty() {
        return canOverride.getReadOnlyProperty();
    }

    /** The loaded matrix, or null; for the benchmark and tests. */
    public MatrixData data() {
        return cells.data();
    }

    /** Reads the gate tables again (for every screen: the data is shared). */
    public void refresh() {
        live.refresh();
    }

    /**
     * "Override on" / "Override off" (a value) or "Clear override" (empty) for every selected cell:
     * previewed, confirmed with a reason, written all at once.
     */
    public void applyOverride(Optional<Boolean> value) {
        if (cells.data() == null || cells.selection().isEmpty()) {
            return;
        }
        overrides.apply(cells.data().snapshot(), cells.selection().cells(), value);
    }

    private void reset() {
        Session session = sessionState.current();
        generation++;
        pastSnapshot = null;
        if (asOf != null) {
            asOf.reset();
        }
        cells.clear();
        focus.clear();
        selection.forgetAnchor();
        error.set("");
        loading.set(false);
        summary.set(session == null ? "Not connected." : "");
        selection.changed();
        layoutVersion.set(layoutVersion.get() + 1);
    }

    /** New gate data for the current session: the filter keys are built off the UI thread. */
    private void show(GateData fresh) {
        if (fresh == null || fresh.session() != sessionState.current()) {
            return;
        }
        if (fresh.snapshot().isEmpty() || fresh.matrix().isEmpty()) {
            error.set(fresh.snapshotProblem());
            return;
        }
        long run = ++generation;
        loading.set(true);
        GateSnapshot past = pastSnapshot;
        tasks.run(progress -> past != null ? MatrixData.of(past) : MatrixData.of(fresh.snapshot().get(), fresh.matrix().get()), loaded -> {
            if (run == generation) {
                onLoaded(loaded);
            }
        }, failure -> {
            if (run == generation) {
                loading.set(false);
                error.set(DialogService.plainMessage(failure));
            }
        });
    }

    private void onLoaded(MatrixData loaded) {
        MatrixData previous = cells.data();
        cells.selection(SelectionRemap.keep(previous, cells.selection(), loaded));
        cells.load(loaded);
        loading.set(false);
        error.set("");
        computeVisible();
        focus.remap(previous, loaded);
        selection.changed();
    }

    private void applyFilters() {
        if (cells.data() == null) {
            return;
        }
        // a hidden cell must not be changed by a click on "Override off"
        cells.selection().clear();
        computeVisible();
        selection.changed();
    }

    private void computeVisible() {
        MatrixData data = cells.data();
        cells.filter(channelFilter.get(), tenantText.get(), flagText.get());
        selection.forgetAnchor();
        int tenants = data.matrix().tenantCount();
        int flags = data.matrix().flagCount();
        int rows = cells.rowCount();
        int cols = cells.columnCount();
        String shown = rows == tenants ? tenants + " tenants" : rows + " of " + tenants + " tenants";
        shown += " × " + (cols == flags ? flags + " flags" : cols + " of " + flags + " flags");
        summary.set(shown);
        layoutVersion.set(layoutVersion.get() + 1);
    }

    private void repaint() {
        paintVersion.set(paintVersion.get() + 1);
    }

    private void updateCanOverride() {
        // the past cannot be changed: overrides act on the live data only
        canOverride.set(selection.selectedCountProperty().get() > 0 && !overrides.writingProperty().get()
                && pastSnapshot == null);
    }
}
