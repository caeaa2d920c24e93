package dev.inspector.ui.matrix;

/** What a press or drag on the matrix grid means, by visible position; the grid only forwards. */
public interface GridActions {

    void pressCell(int row, int column, boolean extend, boolean toggle);

    void dragTo(int row, int column);

    void pressRowHeader(int row, boolean extend, boolean toggle);

    void pressColumnHeader(int column, boolean extend, boolean toggle);
}
