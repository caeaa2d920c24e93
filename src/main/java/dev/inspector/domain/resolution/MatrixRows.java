package dev.inspector.domain.resolution;

/**
 * The server gate one tenant row at a time, for writing a matrix out without holding it: the
 * same cells as {@link MatrixResult} (the channel's base row, then the tenant's overrides where no
 * tripped killswitch wins), in one reused buffer of {@code flagCount} bytes. At 100,000 tenants ×
 * 1,000 flags the whole matrix is 100 MB; a row is 1 KB.
 */
public final class MatrixRows {

    private final GateSnapshot snapshot;
    private final byte[] baseRows;
    private final byte[] row;

    public MatrixRows(GateSnapshot snapshot) {
        this.snapshot = snapshot;
        this.baseRows = MatrixResult.baseRows(snapshot);
        this.row = new byte[snapshot.flagCount()];
    }

    /** The cells of tenant {@code t} by flag index; valid until the next call. Read them with {@link #enabled} and {@link #decider}. */
    public byte[] row(int t) {
        int flagCount = row.length;
        System.arraycopy(baseRows, snapshot.tenantChannel[t] * flagCount, row, 0, flagCount);
        for (int k = snapshot.overrideStart[t], end = snapshot.overrideStart[t + 1]; k < end; k++) {
            int f = snapshot.overrideFlag[k];
            if (!snapshot.killswitchTripped[f]) {
                row[f] = Cells.of(Decider.TENANT_OVERRIDE, snapshot.overrideValue[k]);
            }
        }
        return row;
    }

    public static boolean enabled(byte cell) {
        return Cells.enabled(cell);
    }

    public static Decider decider(byte cell) {
        return Cells.decider(cell);
    }

    /** A number from 0 to 15 that identifies the verdict and what decided it: for tables of pre-rendered text. */
    public static int code(byte cell) {
        return cell & 0x0F;
    }
}
