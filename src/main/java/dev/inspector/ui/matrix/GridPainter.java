package dev.inspector.ui.matrix;

import static dev.inspector.ui.matrix.MatrixGrid.CELL;
import static dev.inspector.ui.matrix.MatrixGrid.COLUMN_HEADER_HEIGHT;
import static dev.inspector.ui.matrix.MatrixGrid.ROW_HEADER_WIDTH;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/**
 * Draws the matrix grid's viewport on its canvas: only the cells in view, light guides every five
 * rows and columns, selection edges and the focused cell, then the frozen headers. Colours and font
 * come from CSS through {@link MatrixPalette}.
 */
final class GridPainter {

    private static final double CHANNEL_WIDTH = 76;

    private final MatrixPalette palette;

    GridPainter(MatrixPalette palette) {
        this.palette = palette;
    }

    /** Paints the cells in view, then the frozen headers and the corner over them. */
    void paint(GraphicsContext g, GridSource source, double width, double height, double offsetX, double offsetY) {
        g.setFill(palette.surface());
        g.fillRect(0, 0, width, height);
        int rows = source == null ? 0 : source.rowCount();
        int columns = source == null ? 0 : source.columnCount();
        int firstRow = (int) (offsetY / CELL);
        int lastRow = Math.min(rows - 1, (int) ((offsetY + height - COLUMN_HEADER_HEIGHT) / CELL));
        int firstColumn = (int) (offsetX / CELL);
        int lastColumn = Math.min(columns - 1, (int) ((offsetX + width - ROW_HEADER_WIDTH) / CELL));
        g.setFont(palette.font());

        paintCells(g, source, firstRow, lastRow, firstColumn, lastColumn, offsetX, offsetY, width, height);
        paintColumnHeader(g, source, firstColumn, lastColumn, offsetX, width);
        paintRowHeader(g, source, firstRow, lastRow, offsetY, height);
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
    }

    private void paintCells(GraphicsContext g, GridSource source, int firstRow, int lastRow, int firstColumn, int lastColumn,
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

    private void paintColumnHeader(GraphicsContext g, GridSource source, int firstColumn, int lastColumn, double offsetX, double width) {
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

    private void paintRowHeader(GraphicsContext g, GridSource source, int firstRow, int lastRow, double offsetY, double height) {
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
}
