package dev.inspector.domain.resolution;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.Tenant;

import java.util.Objects;

/**
 * The server gate for every tenant × flag of a snapshot.
 *
 * <p>Layout: one {@code byte} per cell in a single row-major array, {@code cells[t * flagCount + f]},
 * with {@code t} and {@code f} the snapshot's tenant and flag indexes ({@link #tenant(int)},
 * {@link #flag(int)} map them back). Bit 0 of a cell is the verdict, bits 1-3 the
 * {@link Decider} ordinal.
 *
 * <p>How it is computed: without overrides a cell depends only on the tenant's channel code and
 * the flag, so the four possible rows (three channels and "no known channel") are computed once
 * and each tenant's row is a copy of one of them; the tenant's few overrides are then patched in.
 * Counts are derived from the same pieces rather than by scanning the 5 MB array.
 */
public final class MatrixResult {

    private final GateSnapshot snapshot;
    private final int flagCount;
    private final byte[] cells;
    private final int[] enabledTenantsPerFlag;
    private final int[] enabledFlagsPerTenant;

    private MatrixResult(GateSnapshot snapshot, byte[] cells, int[] enabledTenantsPerFlag, int[] enabledFlagsPerTenant) {
        this.snapshot = snapshot;
        this.flagCount = snapshot.flagCount();
        this.cells = cells;
        this.enabledTenantsPerFlag = enabledTenantsPerFlag;
        this.enabledFlagsPerTenant = enabledFlagsPerTenant;
    }

    /** Computes the matrix; single-threaded, no per-cell allocation. */
    public static MatrixResult compute(GateSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        int tenantCount = snapshot.tenantCount();
        int flagCount = snapshot.flagCount();

        byte[] baseRows = baseRows(snapshot);
        int[] baseEnabledCount = new int[GateSnapshot.CHANNEL_CODES];
        for (int c = 0; c < GateSnapshot.CHANNEL_CODES; c++) {
            for (int f = 0; f < flagCount; f++) {
                baseEnabledCount[c] += baseRows[c * flagCount + f] & 1;
            }
        }

        byte[] cells = new byte[Math.multiplyExact(tenantCount, flagCount)];
        int[] tenantsPerChannel = new int[GateSnapshot.CHANNEL_CODES];
        int[] enabledTenantsPerFlag = new int[flagCount];
        int[] enabledFlagsPerTenant = new int[tenantCount];
        int[] overrideStart = snapshot.overrideStart;
        int[] overrideFlag = snapshot.overrideFlag;
        boolean[] overrideValue = snapshot.overrideValue;
        boolean[] tripped = snapshot.killswitchTripped;

        for (int t = 0; t < tenantCount; t++) {
            int channel = snapshot.tenantChannel[t];
            int base = channel * flagCount;
            int row = t * flagCount;
            System.arraycopy(baseRows, base, cells, row, flagCount);
            tenantsPerChannel[channel]++;
            int enabled = baseEnabledCount[channel];
            for (int k = overrideStart[t], end = overrideStart[t + 1]; k < end; k++) {
                int f = overrideFlag[k];
                if (tripped[f]) {
                    continue; // the base row already says KILLSWITCH, which beats any override
                }
                byte cell = Cells.of(Decider.TENANT_OVERRIDE, overrideValue[k]);
                // Track how the override moved the counts relative to the copied base row.
                int delta = (cell & 1) - (baseRows[base + f] & 1);
                cells[row + f] = cell;
                enabled += delta;
                enabledTenantsPerFlag[f] += delta;
            }
            enabledFlagsPerTenant[t] = enabled;
        }
        for (int f = 0; f < flagCount; f++) {
            for (int c = 0; c < GateSnapshot.CHANNEL_CODES; c++) {
                enabledTenantsPerFlag[f] += tenantsPerChannel[c] * (baseRows[c * flagCount + f] & 1);
            }
        }
        return new MatrixResult(snapshot, cells, enabledTenantsPerFlag, enabledFlagsPerTenant);
    }

    /** The cells of a tenant with no override, for each channel code: [channelCode * flagCount + f]. */
    static byte[] baseRows(GateSnapshot snapshot) {
        int flagCount = snapshot.flagCount();
        byte[] rows = new byte[GateSnapshot.CHANNEL_CODES * flagCount];
        for (int c = 0; c < GateSnapshot.CHANNEL_CODES; c++) {
            for (int f = 0; f < flagCount; f++) {
                byte channelRow = c == GateSnapshot.NO_CHANNEL ? GateSnapshot.NO_ROW : snapshot.channelRows[c * flagCount + f];
                byte cell;
                if (snapshot.killswitchTripped[f]) {
                    cell = Cells.KILLSWITCH_OFF;
                } else if (channelRow != GateSnapshot.NO_ROW) {
                    cell = Cells.of(Decider.CHANNEL_DEFAULT, channelRow == GateSnapshot.ROW_ON);
                } else {
                    cell = Cells.of(Decider.GLOBAL_DEFAULT, snapshot.flagDefault[f]);
                }
                rows[c * flagCount + f] = cell;
            }
        }
        return rows;
    }

    public GateSnapshot snapshot() {
        return snapshot;
    }

    public int tenantCount() {
        return enabledFlagsPerTenant.length;
    }

    public int flagCount() {
        return flagCount;
    }

    /** The tenant of row {@code tenantIndex}. */
    public Tenant tenant(int tenantIndex) {
        return snapshot.tenant(tenantIndex);
    }

    /** The flag of column {@code flagIndex}. */
    public FeatureFlag flag(int flagIndex) {
        return snapshot.flag(flagIndex);
    }

    public boolean enabled(int tenantIndex, int flagIndex) {
        return Cells.enabled(cell(tenantIndex, flagIndex));
    }

    public Decider decider(int tenantIndex, int flagIndex) {
        return Cells.decider(cell(tenantIndex, flagIndex));
    }

    /** How many tenants have the flag on. */
    public int enabledTenantCount(int flagIndex) {
        return enabledTenantsPerFlag[flagIndex];
    }

    /** How many flags the tenant has on. */
    public int enabledFlagCount(int tenantIndex) {
        return enabledFlagsPerTenant[tenantIndex];
    }

    /** How many tenants' cells for the flag were settled by the given layer; scans the column. */
    public int deciderCount(int flagIndex, Decider decider) {
        Objects.checkIndex(flagIndex, flagCount);
        int count = 0;
        for (int i = flagIndex; i < cells.length; i += flagCount) {
            if (cells[i] >>> 1 == decider.ordinal()) {
                count++;
            }
        }
        return count;
    }

    private byte cell(int tenantIndex, int flagIndex) {
        Objects.checkIndex(tenantIndex, tenantCount());
        Objects.checkIndex(flagIndex, flagCount);
        return cells[tenantIndex * flagCount + flagIndex];
    }
}
