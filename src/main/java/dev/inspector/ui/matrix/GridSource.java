package dev.inspector.ui.matrix;

/**
 * What the matrix grid paints, by visible position. Answered from primitive arrays without
 * allocation: the grid asks for every visible cell on every repaint.
 */
public interface GridSource {

    int rowCount();

    int columnCount();

    String rowLabel(int row);

    /** The row's channel, shown beside its name. */
    String rowDetail(int row);

    String columnLabel(int column);

    /** {@code Decider.ordinal() << 1 | (on ? 1 : 0)}. */
    int cellKind(int row, int column);

    boolean selected(int row, int column);

    boolean focusedRow(int row);

    boolean focusedColumn(int column);
}
