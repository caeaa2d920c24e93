package dev.inspector.ui.matrix;

import java.util.BitSet;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The spreadsheet gestures on the grid: a press selects a cell, shift extends the rectangle from
 * the anchor, ctrl toggles, a drag adds a rectangle to what was selected before the press, and a
 * press on a tenant or flag name takes the whole visible row or column. Each gesture moves the focus.
 */
public final class MatrixSelection implements GridActions {

    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper(this, "selectedCount");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "selectionSummary", "");
    private final VisibleCells cells;
    private final CellFocus focus;
    private final Runnable repaint;
    private BitSet dragBase;
    private int anchorRow = -1;
    private int anchorCol = -1;

    /**
     * @param repaint told after every change of the selection
     */
    MatrixSelection(VisibleCells cells, CellFocus focus, Runnable repaint) {
        this.cells = cells;
        this.focus = focus;
        this.repaint = repaint;
    }

    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionSummaryProperty() {
        return summary.getReadOnlyProperty();
    }

    @Override
    public void pressCell(int row, int column, boolean extend, boolean toggle) {
        int[] rows = cells.rows();
        int[] cols = cells.cols();
        if (row < 0 || row >= rows.length || column < 0 || column >= cols.length) {
            return;
        }
        CellSelection selection = cells.selection();
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
        focus.focus(cells.data(), rows[row], cols[column]);
        changed();
    }

    @Override
    public void dragTo(int row, int column) {
        int[] rows = cells.rows();
        int[] cols = cells.cols();
        if (anchorRow < 0 || rows.length == 0 || cols.length == 0) {
            return;
        }
        int r = Math.max(0, Math.min(row, rows.length - 1));
        int c = Math.max(0, Math.min(column, cols.length - 1));
        CellSelection selection = cells.selection();
        if (dragBase != null) {
            // the pressed cell is in dragBase already (or was toggled out on purpose with ctrl)
            selection.replaceBits(dragBase);
        } else {
            selection.clear();
        }
        selection.addRectangle(rows, cols, clampRow(anchorRow), clampCol(anchorCol), r, c);
        changed();
    }

    @Override
    public void pressRowHeader(int row, boolean extend, boolean toggle) {
        int[] rows = cells.rows();
        int[] cols = cells.cols();
        if (row < 0 || row >= rows.length || cols.length == 0) {
            return;
        }
        int from = extend && anchorRow >= 0 ? clampRow(anchorRow) : row;
        if (!toggle) {
            cells.selection().clear();
        }
        cells.selection().addRectangle(rows, cols, from, 0, row, cols.length - 1);
        if (!extend) {
            anchorRow = row;
            anchorCol = 0;
        }
        focus.focus(cells.data(), rows[row], focus.flag() >= 0 && indexOf(cols, focus.flag()) >= 0 ? focus.flag() : cols[0]);
        changed();
    }

    @Override
    public void pressColumnHeader(int column, boolean extend, boolean toggle) {
        int[] rows = cells.rows();
        int[] cols = cells.cols();
        if (column < 0 || column >= cols.length || rows.length == 0) {
            return;
        }
        int from = extend && anchorCol >= 0 ? clampCol(anchorCol) : column;
        if (!toggle) {
            cells.selection().clear();
        }
        cells.selection().addRectangle(rows, cols, 0, from, rows.length - 1, column);
        if (!extend) {
            anchorRow = 0;
            anchorCol = column;
        }
        focus.focus(cells.data(), focus.tenant() >= 0 && indexOf(rows, focus.tenant()) >= 0 ? focus.tenant() : rows[0],
                cols[column]);
        changed();
    }

    @Override
    public int[] moveFocus(int dRows, int dColumns, boolean extend) {
        int[] rows = cells.rows();
        int[] cols = cells.cols();
        if (rows.length == 0 || cols.length == 0) {
            return null;
        }
        int row = focus.tenant() >= 0 ? indexOf(rows, focus.tenant()) : -1;
        int column = focus.flag() >= 0 ? indexOf(cols, focus.flag()) : -1;
        // no focus in view yet: the first arrow lands on the top-left cell
        int r = row < 0 || column < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, row + dRows));
        int c = row < 0 || column < 0 ? 0 : Math.max(0, Math.min(cols.length - 1, column + dColumns));
        pressCell(r, c, extend, false);
        return new int[] {r, c};
    }

    @Override
    public void toggleFocused() {
        int row = focus.tenant() >= 0 ? indexOf(cells.rows(), focus.tenant()) : -1;
        int column = focus.flag() >= 0 ? indexOf(cells.cols(), focus.flag()) : -1;
        if (row >= 0 && column >= 0) {
            pressCell(row, column, false, true);
        }
    }

    public void clearSelection() {
        cells.selection().clear();
        dragBase = null;
        changed();
    }

    /** The rows or columns moved (filters, reload): anchors point nowhere now. */
    void forgetAnchor() {
        anchorRow = -1;
        anchorCol = -1;
        dragBase = null;
    }

    /** Recounts after the selection changed underneath (reload, filters, reset). */
    void changed() {
        int count = cells.selection().size();
        selectedCount.set(count);
        summary.set(count == 0 ? "No cells selected. Click a cell, drag, or click a tenant or flag name."
                : count == 1 ? "1 cell selected" : count + " cells selected");
        repaint.run();
    }

    private int clampRow(int row) {
        return Math.min(row, cells.rows().length - 1);
    }

    private int clampCol(int column) {
        return Math.min(column, cells.cols().length - 1);
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
