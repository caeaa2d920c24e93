package dev.inspector.ui.matrix;

/** What a press or drag on the matrix grid means, by visible position; the grid only forwards. */
public interface GridActions {

    void pressCell(int row, int column, boolean extend, boolean toggle);

    void dragTo(int row, int column);

    void pressRowHeader(int row, boolean extend, boolean toggle);

    void pressColumnHeader(int column, boolean extend, boolean toggle);

    /**
     * Moves the focused cell by rows and columns (an arrow key), selecting it, or extending the
     * selection from the anchor; returns the new visible position {row, column}, or null if none.
     */
    int[] moveFocus(int rows, int columns, boolean extend);

    /** Adds the focused cell to the selection or takes it out (the space bar). */
    void toggleFocused();
}
