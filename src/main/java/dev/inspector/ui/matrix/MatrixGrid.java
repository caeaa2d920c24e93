package dev.inspector.ui.matrix;

import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * A virtualised grid for the tenant matrix: one canvas the size of the viewport, on which each
 * repaint draws only the cells in view, with a frozen header row (flag keys, rotated) and a frozen
 * first column (tenant and channel). No node exists per cell, so 10,000 × 500 costs what 40 × 60
 * does. Colours and font come from CSS through {@link MatrixPalette}.
 */
public final class MatrixGrid extends Region {

    static final double CELL = 20;
    static final double ROW_HEADER_WIDTH = 280;
    static final double COLUMN_HEADER_HEIGHT = 150;

    private final Canvas canvas = new Canvas();
    private final ScrollBar horizontal = new ScrollBar();
    private final ScrollBar vertical = new ScrollBar();
    private final MatrixPalette palette = new MatrixPalette();
    private final GridPainter painter = new GridPainter(palette);
    private GridSource source;
    private GridActions actions;
    private long lastPaintNanos;
    private long paintCount;

    public MatrixGrid() {
        getStyleClass().add("matrix-grid");
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.setUnitIncrement(CELL);
        vertical.setUnitIncrement(CELL);
        getChildren().addAll(canvas, horizontal, vertical);
        getChildren().addAll(palette.swatches());
        getChildren().add(palette.fontSwatch());
        palette.onChange(this::repaint);
        horizontal.valueProperty().addListener((obs, old, value) -> repaint());
        vertical.valueProperty().addListener((obs, old, value) -> repaint());
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnScroll(this::scrolled);
        setFocusTraversable(true);
        // Arrows would otherwise move the focus out of the grid (to the tabs); here they move the cell.
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    private void keyPressed(KeyEvent e) {
        if (source == null || actions == null) {
            return;
        }
        int[] moved = switch (e.getCode()) {
            case UP -> actions.moveFocus(-1, 0, e.isShiftDown());
            case DOWN -> actions.moveFocus(1, 0, e.isShiftDown());
            case LEFT -> actions.moveFocus(0, -1, e.isShiftDown());
            case RIGHT -> actions.moveFocus(0, 1, e.isShiftDown());
            case SPACE -> {
                actions.toggleFocused();
                yield null;
            }
            default -> null;
        };
        if (moved != null) {
            reveal(moved[0], moved[1]);
        }
        if (e.getCode().isArrowKey() || e.getCode() == KeyCode.SPACE) {
            e.consume();
        }
    }

    public void setSource(GridSource source, GridActions actions) {
        this.source = source;
        this.actions = actions;
        requestLayout();
    }

    /** Rows or columns changed: new scroll ranges, back to the top left if now out of range. */
    public void relayout() {
        updateScrollBars();
        repaint();
    }

    /** Time the last repaint took on the UI thread, for the benchmark. */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    public long paintCount() {
        return paintCount;
    }

    public ScrollBar horizontalBar() {
        return horizontal;
    }

    public ScrollBar verticalBar() {
        return vertical;
    }

    /** The centre of a visible cell in this region's coordinates, for robots and tests. */
    public javafx.geometry.Point2D cellCentre(int row, int column) {
        return new javafx.geometry.Point2D(ROW_HEADER_WIDTH + column * CELL - horizontal.getValue() + CELL / 2,
                COLUMN_HEADER_HEIGHT + row * CELL - vertical.getValue() + CELL / 2);
    }

    /** Scrolls so the cell is in view. */
    public void reveal(int row, int column) {
        double viewWidth = canvas.getWidth() - ROW_HEADER_WIDTH;
        double viewHeight = canvas.getHeight() - COLUMN_HEADER_HEIGHT;
        double x = column * CELL;
        double y = row * CELL;
        if (x < horizontal.getValue() || x + CELL > horizontal.getValue() + viewWidth) {
            horizontal.setValue(clamp(x - viewWidth / 2, horizontal.getMax()));
        }
        if (y < vertical.getValue() || y + CELL > vertical.getValue() + viewHeight) {
            vertical.setValue(clamp(y - viewHeight / 2, vertical.getMax()));
        }
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double barWidth = vertical.prefWidth(-1);
        double barHeight = horizontal.prefHeight(-1);
        canvas.setWidth(Math.max(0, width - barWidth));
        canvas.setHeight(Math.max(0, height - barHeight));
        vertical.resizeRelocate(width - barWidth, 0, barWidth, Math.max(0, height - barHeight));
        horizontal.resizeRelocate(0, height - barHeight, Math.max(0, width - barWidth), barHeight);
        updateScrollBars();
        repaint();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 500;
    }

    private void updateScrollBars() {
        int rows = source == null ? 0 : source.rowCount();
        int columns = source == null ? 0 : source.columnCount();
        fit(horizontal, columns * CELL, canvas.getWidth() - ROW_HEADER_WIDTH);
        fit(vertical, rows * CELL, canvas.getHeight() - COLUMN_HEADER_HEIGHT);
    }

    private static void fit(ScrollBar bar, double content, double view) {
        double max = Math.max(0, content - view);
        bar.setMin(0);
        bar.setMax(max);
        bar.setVisibleAmount(content <= 0 ? 0 : max * Math.max(0, view) / content);
        bar.setBlockIncrement(Math.max(CELL, view - CELL));
        bar.setValue(clamp(bar.getValue(), max));
        bar.setDisable(max == 0);
    }

    private static double clamp(double value, double max) {
        return Math.max(0, Math.min(value, max));
    }

    // --- painting ---------------------------------------------------------------------------

    void repaint() {
        long start = System.nanoTime();
        painter.paint(canvas.getGraphicsContext2D(), source, canvas.getWidth(), canvas.getHeight(),
                horizontal.getValue(), vertical.getValue());
        paintCount++;
        lastPaintNanos = System.nanoTime() - start;
    }

    // --- input ------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        requestFocus();
        if (source == null || actions == null) {
            return;
        }
        boolean extend = e.isShiftDown();
        boolean toggle = e.isShortcutDown();
        int row = rowAt(e.getY());
        int column = columnAt(e.getX());
        if (e.getX() < ROW_HEADER_WIDTH && e.getY() >= COLUMN_HEADER_HEIGHT) {
            actions.pressRowHeader(row, extend, toggle);
        } else if (e.getY() < COLUMN_HEADER_HEIGHT && e.getX() >= ROW_HEADER_WIDTH) {
            actions.pressColumnHeader(column, extend, toggle);
        } else if (e.getX() >= ROW_HEADER_WIDTH && e.getY() >= COLUMN_HEADER_HEIGHT) {
            actions.pressCell(row, column, extend, toggle);
        }
    }

    private void dragged(MouseEvent e) {
        if (source == null || actions == null || e.getX() < ROW_HEADER_WIDTH && e.getY() < COLUMN_HEADER_HEIGHT) {
            return;
        }
        // dragging past an edge scrolls, so a rectangle can grow beyond the viewport
        if (e.getY() > canvas.getHeight()) {
            vertical.setValue(clamp(vertical.getValue() + CELL, vertical.getMax()));
        } else if (e.getY() < COLUMN_HEADER_HEIGHT) {
            vertical.setValue(clamp(vertical.getValue() - CELL, vertical.getMax()));
        }
        if (e.getX() > canvas.getWidth()) {
            horizontal.setValue(clamp(horizontal.getValue() + CELL, horizontal.getMax()));
        } else if (e.getX() < ROW_HEADER_WIDTH) {
            horizontal.setValue(clamp(horizontal.getValue() - CELL, horizontal.getMax()));
        }
        actions.dragTo(rowAt(Math.max(COLUMN_HEADER_HEIGHT, e.getY())), columnAt(Math.max(ROW_HEADER_WIDTH, e.getX())));
    }

    private void scrolled(ScrollEvent e) {
        double dx = e.getDeltaX();
        double dy = e.getDeltaY();
        if (e.isShiftDown() && dx == 0) {
            dx = dy;
            dy = 0;
        }
        horizontal.setValue(clamp(horizontal.getValue() - dx, horizontal.getMax()));
        vertical.setValue(clamp(vertical.getValue() - dy, vertical.getMax()));
        e.consume();
    }

    private int rowAt(double y) {
        return (int) Math.floor((y - COLUMN_HEADER_HEIGHT + vertical.getValue()) / CELL);
    }

    private int columnAt(double x) {
        return (int) Math.floor((x - ROW_HEADER_WIDTH + horizontal.getValue()) / CELL);
    }
}
