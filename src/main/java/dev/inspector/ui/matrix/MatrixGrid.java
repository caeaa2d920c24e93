package dev.inspector.ui.matrix;

import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

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
    private static final double CHANNEL_WIDTH = 76;

    private final Canvas canvas = new Canvas();
    private final ScrollBar horizontal = new ScrollBar();
    private final ScrollBar vertical = new ScrollBar();
    private final MatrixPalette palette = new MatrixPalette();
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
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.setFill(palette.surface());
        g.fillRect(0, 0, width, height);
        int rows = source == null ? 0 : source.rowCount();
        int columns = source == null ? 0 : source.columnCount();
        double offsetX = horizontal.getValue();
        double offsetY = vertical.getValue();
        int firstRow = (int) (offsetY / CELL);
        int lastRow = Math.min(rows - 1, (int) ((offsetY + height - COLUMN_HEADER_HEIGHT) / CELL));
        int firstColumn = (int) (offsetX / CELL);
        int lastColumn = Math.min(columns - 1, (int) ((offsetX + width - ROW_HEADER_WIDTH) / CELL));
        g.setFont(palette.font());

        paintCells(g, firstRow, lastRow, firstColumn, lastColumn, offsetX, offsetY, width, height);
        paintColumnHeader(g, firstColumn, lastColumn, offsetX, width);
        paintRowHeader(g, firstRow, lastRow, offsetY, height);
        // corner
        g.setFill(palette.header());
        g.fillRect(0, 0, ROW_HEADER_WIDTH, COLUMN_HEADER_HEIGHT);
        g.setFill(palette.mutedText());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("Tenant", 10, COLUMN_HEADER_HEIGHT - 6);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("Channel", ROW_HEADER_WIDTH - 8, COLUMN_HEADER_HEIGHT - 6);
        g.setStroke(palette.grid());
        g.setLineWidth(1);
        g.strokeLine(ROW_HEADER_WIDTH - 0.5, 0, ROW_HEADER_WIDTH - 0.5, height);
        g.strokeLine(0, COLUMN_HEADER_HEIGHT - 0.5, width, COLUMN_HEADER_HEIGHT - 0.5);
        paintCount++;
        lastPaintNanos = System.nanoTime() - start;
    }

    private void paintCells(GraphicsContext g, int firstRow, int lastRow, int firstColumn, int lastColumn,
                            double offsetX, double offsetY, double width, double height) {
        g.save();
        g.beginPath();
        g.rect(ROW_HEADER_WIDTH, COLUMN_HEADER_HEIGHT, width - ROW_HEADER_WIDTH, height - COLUMN_HEADER_HEIGHT);
        g.clip();
        Paint[] fills = new Paint[dev.inspector.domain.resolution.Decider.values().length];
        for (int d = 0; d < fills.length; d++) {
            fills[d] = palette.decider(d);
        }
        Paint selection = palette.selection();
        Paint selectionBorder = palette.selectionBorder();
        Paint gridLine = palette.grid();
        // the content may end before the viewport does: bands and guides stop where the cells stop
        double right = Math.min(width, ROW_HEADER_WIDTH + source.columnCount() * CELL - offsetX);
        double bottom = Math.min(height, COLUMN_HEADER_HEIGHT + source.rowCount() * CELL - offsetY);
        double inset = 4;
        double mark = CELL - 2 * inset;
        g.setLineWidth(1.5);
        for (int r = firstRow; r <= lastRow; r++) {
            double y = COLUMN_HEADER_HEIGHT + r * CELL - offsetY;
            if (source.focusedRow(r)) {
                g.setFill(palette.header());
                g.fillRect(ROW_HEADER_WIDTH, y, right - ROW_HEADER_WIDTH, CELL);
            }
            for (int c = firstColumn; c <= lastColumn; c++) {
                double x = ROW_HEADER_WIDTH + c * CELL - offsetX;
                if (source.selected(r, c)) {
                    g.setFill(selection);
                    g.fillRect(x, y, CELL, CELL);
                }
                int kind = source.cellKind(r, c);
                Paint paint = fills[kind >>> 1];
                if ((kind & 1) != 0) {
                    g.setFill(paint);
                    g.fillRect(x + inset, y + inset, mark, mark);
                } else {
                    g.setStroke(paint);
                    g.strokeRect(x + inset + 0.75, y + inset + 0.75, mark - 1.5, mark - 1.5);
                }
            }
        }
        // light guides every five rows and columns help the eye across a wide grid
        g.setStroke(gridLine);
        g.setLineWidth(1);
        for (int r = firstRow - firstRow % 5; r <= lastRow + 1 && lastRow >= 0; r += 5) {
            double y = Math.floor(COLUMN_HEADER_HEIGHT + r * CELL - offsetY) + 0.5;
            g.strokeLine(ROW_HEADER_WIDTH, y, right, y);
        }
        for (int c = firstColumn - firstColumn % 5; c <= lastColumn + 1 && lastColumn >= 0; c += 5) {
            double x = Math.floor(ROW_HEADER_WIDTH + c * CELL - offsetX) + 0.5;
            g.strokeLine(x, COLUMN_HEADER_HEIGHT, x, bottom);
        }
        // selection edges and the focused cell on top
        g.setStroke(selectionBorder);
        for (int r = firstRow; r <= lastRow; r++) {
            double y = COLUMN_HEADER_HEIGHT + r * CELL - offsetY;
            for (int c = firstColumn; c <= lastColumn; c++) {
                if (source.selected(r, c)) {
                    double x = ROW_HEADER_WIDTH + c * CELL - offsetX;
                    if (r == 0 || !source.selected(r - 1, c)) {
                        g.strokeLine(x, y + 0.5, x + CELL, y + 0.5);
                    }
                    if (r == source.rowCount() - 1 || !source.selected(r + 1, c)) {
                        g.strokeLine(x, y + CELL - 0.5, x + CELL, y + CELL - 0.5);
                    }
                    if (c == 0 || !source.selected(r, c - 1)) {
                        g.strokeLine(x + 0.5, y, x + 0.5, y + CELL);
                    }
                    if (c == source.columnCount() - 1 || !source.selected(r, c + 1)) {
                        g.strokeLine(x + CELL - 0.5, y, x + CELL - 0.5, y + CELL);
                    }
                }
            }
        }
        g.setStroke(palette.focus());
        g.setLineWidth(2);
        for (int r = firstRow; r <= lastRow; r++) {
            if (source.focusedRow(r)) {
                for (int c = firstColumn; c <= lastColumn; c++) {
                    if (source.focusedColumn(c)) {
                        g.strokeRect(ROW_HEADER_WIDTH + c * CELL - offsetX + 1, COLUMN_HEADER_HEIGHT + r * CELL - offsetY + 1,
                                CELL - 2, CELL - 2);
                    }
                }
            }
        }
        g.restore();
    }

    private void paintColumnHeader(GraphicsContext g, int firstColumn, int lastColumn, double offsetX, double width) {
        g.save();
        g.beginPath();
        g.rect(ROW_HEADER_WIDTH, 0, width - ROW_HEADER_WIDTH, COLUMN_HEADER_HEIGHT);
        g.clip();
        g.setFill(palette.header());
        g.fillRect(ROW_HEADER_WIDTH, 0, width - ROW_HEADER_WIDTH, COLUMN_HEADER_HEIGHT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int c = firstColumn; c <= lastColumn; c++) {
            double x = ROW_HEADER_WIDTH + c * CELL - offsetX;
            boolean focused = source.focusedColumn(c);
            if (focused) {
                g.setFill(palette.selection());
                g.fillRect(x, 0, CELL, COLUMN_HEADER_HEIGHT);
            }
            g.save();
            g.translate(x + CELL / 2, COLUMN_HEADER_HEIGHT - 6);
            g.rotate(-90);
            g.setFill(focused ? palette.text() : palette.mutedText());
            g.fillText(source.columnLabel(c), 0, 0);
            g.restore();
        }
        g.restore();
    }

    private void paintRowHeader(GraphicsContext g, int firstRow, int lastRow, double offsetY, double height) {
        g.save();
        g.beginPath();
        g.rect(0, COLUMN_HEADER_HEIGHT, ROW_HEADER_WIDTH, height - COLUMN_HEADER_HEIGHT);
        g.clip();
        g.setFill(palette.header());
        g.fillRect(0, COLUMN_HEADER_HEIGHT, ROW_HEADER_WIDTH, height - COLUMN_HEADER_HEIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int r = firstRow; r <= lastRow; r++) {
            double y = COLUMN_HEADER_HEIGHT + r * CELL - offsetY;
            boolean focused = source.focusedRow(r);
            if (focused) {
                g.setFill(palette.selection());
                g.fillRect(0, y, ROW_HEADER_WIDTH, CELL);
            }
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(palette.mutedText());
            g.fillText(source.rowDetail(r), ROW_HEADER_WIDTH - 8, y + CELL / 2);
        }
        // names clipped short of the channel column, so a long name never runs into it
        g.beginPath();
        g.rect(0, COLUMN_HEADER_HEIGHT, ROW_HEADER_WIDTH - CHANNEL_WIDTH - 8, height - COLUMN_HEADER_HEIGHT);
        g.clip();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(palette.text());
        for (int r = firstRow; r <= lastRow; r++) {
            double y = COLUMN_HEADER_HEIGHT + r * CELL - offsetY;
            g.fillText(source.rowLabel(r), 10, y + CELL / 2);
        }
        g.restore();
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
