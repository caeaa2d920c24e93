package dev.inspector.ui.matrix;

import dev.inspector.domain.resolution.Decider;
import dev.inspector.domain.resolution.MatrixResult;

/**
 * The loaded matrix through the filters: visible rows and columns map to snapshot indexes, and the
 * grid reads its labels, cells, selection and focus from here.
 */
public final class VisibleCells implements GridSource {

    private final CellFocus focus;
    private MatrixData data;
    private int[] rows = new int[0];
    private int[] cols = new int[0];
    private CellSelection selection = new CellSelection(0);

    VisibleCells(CellFocus focus) {
        this.focus = focus;
    }

    /** The loaded matrix, or null. */
    public MatrixData data() {
        return data;
    }

    void load(MatrixData loaded) {
        data = loaded;
    }

    void clear() {
        data = null;
        rows = new int[0];
        cols = new int[0];
        selection = new CellSelection(0);
    }

    /** Recomputes what the filters let through. */
    void filter(ChannelChoice channel, String tenantText, String flagText) {
        rows = data.tenants(channel == null ? ChannelChoice.ALL : channel, tenantText);
        cols = data.flags(flagText);
    }

    CellSelection selection() {
        return selection;
    }

    void selection(CellSelection next) {
        selection = next;
    }

    int[] rows() {
        return rows;
    }

    int[] cols() {
        return cols;
    }

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
        return rows[row] == focus.tenant();
    }

    @Override
    public boolean focusedColumn(int column) {
        return cols[column] == focus.flag();
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

    /** The visible row of a tenant, or -1. */
    public int rowOf(String tenantName) {
        for (int r = 0; r < rows.length; r++) {
            if (rowLabel(r).equals(tenantName)) {
                return r;
            }
        }
        return -1;
    }

    /** The visible column of a flag, or -1. */
    public int columnOf(String flagKey) {
        for (int c = 0; c < cols.length; c++) {
            if (columnLabel(c).equals(flagKey)) {
                return c;
            }
        }
        return -1;
    }
}
