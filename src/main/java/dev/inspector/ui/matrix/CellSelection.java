package dev.inspector.ui.matrix;

import java.util.BitSet;
import java.util.function.IntConsumer;

/**
 * Selected cells as one bit per cell of the whole matrix ({@code tenant * flagCount + flag}):
 * 10,000 × 500 cells fit in 625 kB, and a whole column or a dragged rectangle is a loop of bit sets
 * rather than millions of objects.
 */
final class CellSelection {

    private final int flagCount;
    private BitSet bits = new BitSet();

    CellSelection(int flagCount) {
        this.flagCount = flagCount;
    }

    int flagCount() {
        return flagCount;
    }

    boolean contains(int tenant, int flag) {
        return bits.get(tenant * flagCount + flag);
    }

    void add(int tenant, int flag) {
        bits.set(tenant * flagCount + flag);
    }

    void toggle(int tenant, int flag) {
        bits.flip(tenant * flagCount + flag);
    }

    /** Adds every visible cell between two corners given as visible positions. */
    void addRectangle(int[] rows, int[] cols, int row0, int col0, int row1, int col1) {
        int top = Math.min(row0, row1);
        int bottom = Math.max(row0, row1);
        int left = Math.min(col0, col1);
        int right = Math.max(col0, col1);
        for (int r = top; r <= bottom; r++) {
            int base = rows[r] * flagCount;
            for (int c = left; c <= right; c++) {
                bits.set(base + cols[c]);
            }
        }
    }

    void clear() {
        bits.clear();
    }

    int size() {
        return bits.cardinality();
    }

    boolean isEmpty() {
        return bits.isEmpty();
    }

    BitSet copyBits() {
        return (BitSet) bits.clone();
    }

    void replaceBits(BitSet next) {
        bits = (BitSet) next.clone();
    }

    /** The selected cells as {@code tenant * flagCount + flag}, ascending. */
    int[] cells() {
        return bits.stream().toArray();
    }

    /** Calls {@code cell} with each selected cell's {@code tenant * flagCount + flag}, in ascending order. */
    void forEach(IntConsumer cell) {
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            cell.accept(i);
        }
    }
}
