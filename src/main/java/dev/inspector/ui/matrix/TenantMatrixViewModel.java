package dev.inspector.ui.matrix;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.resolution.Decider;
import dev.inspector.domain.resolution.Decision;
import dev.inspector.domain.resolution.MatrixResult;
import dev.inspector.domain.resolution.TraceStep;
import dev.inspector.service.Session;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.GateData;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.ui.support.DialogService;
import dev.inspector.ui.support.TaskRunner;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Tenants × flags matrix: loads one snapshot in the background, filters it into index arrays,
 * keeps a selection of cells, explains the focused cell, charts the focused flag's rollout and
 * changes the overrides of the selected cells.
 *
 * <p>Rows and columns are visible positions; {@link #tenantAt(int)} and {@link #flagAt(int)} map
 * them to the snapshot's indexes.
 */
public final class TenantMatrixViewModel implements GridSource, GridActions {

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObjectProperty<ChannelChoice> channelFilter = new SimpleObjectProperty<>(this, "channelFilter", ChannelChoice.ALL);
    private final StringProperty tenantText = new SimpleStringProperty(this, "tenantText", "");
    private final StringProperty flagText = new SimpleStringProperty(this, "flagText", "");
    private final ReadOnlyIntegerWrapper layoutVersion = new ReadOnlyIntegerWrapper(this, "layoutVersion");
    private final ReadOnlyIntegerWrapper paintVersion = new ReadOnlyIntegerWrapper(this, "paintVersion");
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper(this, "selectedCount");
    private final ReadOnlyStringWrapper selectionSummary = new ReadOnlyStringWrapper(this, "selectionSummary", "");
    private final ReadOnlyBooleanWrapper canOverride = new ReadOnlyBooleanWrapper(this, "canOverride");
    private final ReadOnlyStringWrapper traceTitle = new ReadOnlyStringWrapper(this, "traceTitle", "");
    private final ObservableList<TraceStep> trace = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper rolloutTitle = new ReadOnlyStringWrapper(this, "rolloutTitle", "");
    private final ObservableList<ChannelShare> rollout = FXCollections.observableArrayList();

    private final TaskRunner tasks;
    private final SessionState sessionState;
    private final LiveGateData live;
    private final MatrixOverrides overrides;

    private MatrixData data;
    private int[] rows = new int[0];
    private int[] cols = new int[0];
    private CellSelection selection = new CellSelection(0);
    private BitSet dragBase;
    private int anchorRow = -1;
    private int anchorCol = -1;
    private int focusTenant = -1;
    private int focusFlag = -1;
    private long generation;

    public TenantMatrixViewModel(TaskRunner tasks, SessionState sessionState, DialogService dialogs, LiveGateData live) {
        this.tasks = tasks;
        this.sessionState = sessionState;
        this.live = live;
        this.overrides = new MatrixOverrides(tasks, sessionState, dialogs, live::refresh);
        channelFilter.addListener((obs, old, value) -> applyFilters());
        tenantText.addListener((obs, old, value) -> applyFilters());
        flagText.addListener((obs, old, value) -> applyFilters());
        overrides.writingProperty().addListener((obs, old, value) -> updateSelectionState());
        // A new session empties the live data first, then fills it: reset, then show.
        live.dataProperty().addListener((obs, old, data) -> {
            if (data == null) {
                reset();
            } else {
                show(data);
            }
        });
        reset();
        show(live.current());
    }

    // --- properties -------------------------------------------------------------------------

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

    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionSummaryProperty() {
        return selectionSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canOverrideProperty() {
        return canOverride.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty traceTitleProperty() {
        return traceTitle.getReadOnlyProperty();
    }

    /** The server-gate trace of the focused cell; the deciding step is the one with {@code decided()}. */
    public ObservableList<TraceStep> trace() {
        return trace;
    }

    public ReadOnlyStringProperty rolloutTitleProperty() {
        return rolloutTitle.getReadOnlyProperty();
    }

    /** The focused flag's share of tenants on, per channel (all tenants, whatever the filters). */
    public ObservableList<ChannelShare> rollout() {
        return rollout;
    }

    /** The loaded matrix, or null; for the benchmark and tests. */
    public MatrixData data() {
        return data;
    }

    // --- grid source ------------------------------------------------------------------------

    @Override
    public int rowCount() {
        return rows.length;
    }

    @Override
    public int columnCount() {
        return cols.length;
    }

    public int tenantAt(int row) {
        return rows[row];
    }

    public int flagAt(int column) {
        return cols[column];
    }

    /** The visible tenant indexes, in order (a copy). */
    public int[] visibleTenants() {
        return rows.clone();
    }

    /** The visible flag indexes, in order (a copy). */
    public int[] visibleFlags() {
        return cols.clone();
    }

    @Override
    public String rowLabel(int row) {
        return data.matrix().tenant(rows[row]).name();
    }

    @Override
    public String rowDetail(int row) {
        return data.channelOf(rows[row]).label();
    }

    @Override
    public String columnLabel(int column) {
        return data.matrix().flag(cols[column]).key();
    }

    @Override
    public int cellKind(int row, int column) {
        MatrixResult matrix = data.matrix();
        int t = rows[row];
        int f = cols[column];
        return matrix.decider(t, f).ordinal() << 1 | (matrix.enabled(t, f) ? 1 : 0);
    }

    @Override
    public boolean selected(int row, int column) {
        return selection.contains(rows[row], cols[column]);
    }

    @Override
    public boolean focusedRow(int row) {
        return rows[row] == focusTenant;
    }

    @Override
    public boolean focusedColumn(int column) {
        return cols[column] == focusFlag;
    }

    public Decider decider(int row, int column) {
        return data.matrix().decider(rows[row], cols[column]);
    }

    public boolean enabled(int row, int column) {
        return data.matrix().enabled(rows[row], cols[column]);
    }

    /** The style class the cell is painted with. */
    public String cellStyleClass(int row, int column) {
        return DeciderStyle.styleClass(decider(row, column));
    }

    public int rowOf(String tenantName) {
        for (int r = 0; r < rows.length; r++) {
            if (rowLabel(r).equals(tenantName)) {
                return r;
            }
        }
        return -1;
    }

    public int columnOf(String flagKey) {
        for (int c = 0; c < cols.length; c++) {
            if (columnLabel(c).equals(flagKey)) {
                return c;
            }
        }
        return -1;
    }

    // --- selection commands -----------------------------------------------------------------

    /** A press on a cell: alone, with shift the rectangle from the anchor, with ctrl toggled in or out. */
    public void pressCell(int row, int column, boolean extend, boolean toggle) {
        if (!inside(row, column)) {
            return;
        }
        if (extend && anchorRow >= 0) {
            selection.clear();
            selection.addRectangle(rows, cols, clampRow(anchorRow), clampCol(anchorCol), row, column);
            dragBase = null;
        } else {
            if (toggle) {
                selection.toggle(rows[row], cols[column]);
            } else {
                selection.clear();
                selection.add(rows[row], cols[column]);
            }
            dragBase = selection.copyBits();
            anchorRow = row;
            anchorCol = column;
        }
        focus(rows[row], cols[column]);
        selectionChanged();
    }

    /** A drag from the pressed cell: the rectangle from the anchor, added to what was selected before the press. */
    public void dragTo(int row, int column) {
        if (anchorRow < 0 || rows.length == 0 || cols.length == 0) {
            return;
        }
        int r = Math.max(0, Math.min(row, rows.length - 1));
        int c = Math.max(0, Math.min(column, cols.length - 1));
        if (dragBase != null) {
            selection.replaceBits(dragBase);
            // the pressed cell is in dragBase already (or was toggled out on purpose with ctrl)
        } else {
            selection.clear();
        }
        selection.addRectangle(rows, cols, clampRow(anchorRow), clampCol(anchorCol), r, c);
        selectionChanged();
    }

    /** A press on a tenant's name: the whole visible row (rows from the anchor with shift, added with ctrl). */
    public void pressRowHeader(int row, boolean extend, boolean toggle) {
        if (row < 0 || row >= rows.length || cols.length == 0) {
            return;
        }
        int from = extend && anchorRow >= 0 ? clampRow(anchorRow) : row;
        if (!toggle) {
            selection.clear();
        }
        selection.addRectangle(rows, cols, from, 0, row, cols.length - 1);
        if (!extend) {
            anchorRow = row;
            anchorCol = 0;
        }
        focus(rows[row], focusFlag >= 0 && indexOf(cols, focusFlag) >= 0 ? focusFlag : cols[0]);
        selectionChanged();
    }

    /** A press on a flag's key: the whole visible column (columns from the anchor with shift, added with ctrl). */
    public void pressColumnHeader(int column, boolean extend, boolean toggle) {
        if (column < 0 || column >= cols.length || rows.length == 0) {
            return;
        }
        int from = extend && anchorCol >= 0 ? clampCol(anchorCol) : column;
        if (!toggle) {
            selection.clear();
        }
        selection.addRectangle(rows, cols, 0, from, rows.length - 1, column);
        if (!extend) {
            anchorRow = 0;
            anchorCol = column;
        }
        focus(focusTenant >= 0 && indexOf(rows, focusTenant) >= 0 ? focusTenant : rows[0], cols[column]);
        selectionChanged();
    }

    public void clearSelection() {
        selection.clear();
        dragBase = null;
        selectionChanged();
    }

    // --- commands ---------------------------------------------------------------------------

    /** Reads the gate tables again (for every screen: the data is shared). */
    public void refresh() {
        live.refresh();
    }

    /**
     * "Override on" / "Override off" (a value) or "Clear override" (empty) for every selected cell:
     * previewed, confirmed with a reason, written all at once.
     */
    public void applyOverride(Optional<Boolean> value) {
        if (data == null || selection.isEmpty()) {
            return;
        }
        overrides.apply(data.snapshot(), selection.cells(), value);
    }

    // --- loading ----------------------------------------------------------------------------

    private void reset() {
        Session session = sessionState.current();
        generation++;
        data = null;
        rows = new int[0];
        cols = new int[0];
        selection = new CellSelection(0);
        focusTenant = -1;
        focusFlag = -1;
        anchorRow = -1;
        anchorCol = -1;
        trace.clear();
        rollout.clear();
        traceTitle.set("");
        rolloutTitle.set("");
        error.set("");
        loading.set(false);
        summary.set(session == null ? "Not connected." : "");
        selectionChanged();
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
        tasks.run(progress -> MatrixData.of(fresh.snapshot().get(), fresh.matrix().get()), loaded -> {
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
        MatrixData previous = data;
        CellSelection previousSelection = selection;
        data = loaded;
        loading.set(false);
        error.set("");
        selection = remap(previous, previousSelection, loaded);
        if (previous != null) {
            focusTenant = focusTenant < 0 ? -1 : loaded.snapshot().tenantIndex(previous.matrix().tenant(focusTenant).id());
            focusFlag = focusFlag < 0 ? -1 : loaded.snapshot().flagIndex(previous.matrix().flag(focusFlag).key());
        }
        computeVisible();
        if (focusTenant < 0 || focusFlag < 0) {
            focusTenant = -1;
            focusFlag = -1;
        }
        showFocus();
        selectionChanged();
    }

    /** Keeps the selection across a reload by tenant id and flag key; indexes may have moved. */
    private static CellSelection remap(MatrixData previous, CellSelection old, MatrixData loaded) {
        CellSelection next = new CellSelection(loaded.matrix().flagCount());
        if (previous == null || old.isEmpty()) {
            return next;
        }
        int[] tenantMap = new int[previous.matrix().tenantCount()];
        for (int t = 0; t < tenantMap.length; t++) {
            tenantMap[t] = loaded.snapshot().tenantIndex(previous.matrix().tenant(t).id());
        }
        int[] flagMap = new int[previous.matrix().flagCount()];
        for (int f = 0; f < flagMap.length; f++) {
            flagMap[f] = loaded.snapshot().flagIndex(previous.matrix().flag(f).key());
        }
        int oldFlags = old.flagCount();
        old.forEach(cell -> {
            int t = tenantMap[cell / oldFlags];
            int f = flagMap[cell % oldFlags];
            if (t >= 0 && f >= 0) {
                next.add(t, f);
            }
        });
        return next;
    }

    // --- filtering --------------------------------------------------------------------------

    private void applyFilters() {
        if (data == null) {
            return;
        }
        // a hidden cell must not be changed by a click on "Override off"
        selection.clear();
        dragBase = null;
        computeVisible();
        selectionChanged();
    }

    private void computeVisible() {
        rows = data.tenants(channelFilter.get() == null ? ChannelChoice.ALL : channelFilter.get(), tenantText.get());
        cols = data.flags(flagText.get());
        anchorRow = -1;
        anchorCol = -1;
        int tenants = data.matrix().tenantCount();
        int flags = data.matrix().flagCount();
        String shown = rows.length == tenants ? tenants + " tenants" : rows.length + " of " + tenants + " tenants";
        shown += " × " + (cols.length == flags ? flags + " flags" : cols.length + " of " + flags + " flags");
        summary.set(shown);
        layoutVersion.set(layoutVersion.get() + 1);
    }

    // --- focus: trace and rollout -----------------------------------------------------------

    private void focus(int tenant, int flag) {
        focusTenant = tenant;
        focusFlag = flag;
        showFocus();
    }

    private void showFocus() {
        if (data == null || focusTenant < 0 || focusFlag < 0) {
            trace.clear();
            traceTitle.set(data == null ? "" : "Select a cell to see how the server gate decides it.");
            rollout.clear();
            rolloutTitle.set(data == null ? "" : "Select a cell to chart its flag's rollout.");
            return;
        }
        Tenant tenant = data.matrix().tenant(focusTenant);
        FeatureFlag flag = data.matrix().flag(focusFlag);
        Decision decision = data.gate().explainServer(tenant.id(), flag.key());
        trace.setAll(decision.trace());
        traceTitle.set(tenant.name() + " × " + flag.key() + ": " + (decision.enabled() ? "on" : "off")
                + ", decided by " + DeciderStyle.label(data.matrix().decider(focusTenant, focusFlag)).toLowerCase(java.util.Locale.ROOT));
        rollout.setAll(shares(focusFlag));
        int on = data.matrix().enabledTenantCount(focusFlag);
        rolloutTitle.set("Rollout of " + flag.key() + ": on for " + on + " of " + data.matrix().tenantCount() + " tenants");
    }

    private List<ChannelShare> shares(int flag) {
        ChannelChoice[] channels = {ChannelChoice.INTERNAL, ChannelChoice.PILOT, ChannelChoice.GENERAL, ChannelChoice.NONE};
        int[] on = new int[channels.length];
        int[] total = new int[channels.length];
        MatrixResult matrix = data.matrix();
        for (int t = 0; t < matrix.tenantCount(); t++) {
            int c = data.channelOf(t).ordinal() - 1; // ALL is ordinal 0
            total[c]++;
            if (matrix.enabled(t, flag)) {
                on[c]++;
            }
        }
        List<ChannelShare> shares = new ArrayList<>();
        for (int c = 0; c < channels.length; c++) {
            shares.add(new ChannelShare(channels[c].label(), on[c], total[c]));
        }
        return shares;
    }

    // --- helpers ----------------------------------------------------------------------------

    private void selectionChanged() {
        updateSelectionState();
        paintVersion.set(paintVersion.get() + 1);
    }

    private void updateSelectionState() {
        int count = selection.size();
        selectedCount.set(count);
        selectionSummary.set(count == 0 ? "No cells selected. Click a cell, drag, or click a tenant or flag name."
                : count == 1 ? "1 cell selected" : count + " cells selected");
        canOverride.set(count > 0 && !overrides.writingProperty().get());
    }

    private boolean inside(int row, int column) {
        return row >= 0 && row < rows.length && column >= 0 && column < cols.length;
    }

    private int clampRow(int row) {
        return Math.min(row, rows.length - 1);
    }

    private int clampCol(int column) {
        return Math.min(column, cols.length - 1);
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
