package dev.inspector.ui.matrix;

import dev.inspector.domain.Tenant;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.MatrixResult;
import java.util.Locale;

/**
 * One loaded matrix with what filtering needs, prepared off the UI thread: the cells stay in the
 * engine's compact byte array, and filters answer with index arrays instead of copies of cells.
 */
public final class MatrixData {

    private final FeatureGate gate;
    private final MatrixResult matrix;
    private final String[] tenantNames;
    private final String[] flagKeys;
    private final ChannelChoice[] tenantChannels;

    private MatrixData(FeatureGate gate, MatrixResult matrix) {
        this.gate = gate;
        this.matrix = matrix;
        int tenants = matrix.tenantCount();
        int flags = matrix.flagCount();
        tenantNames = new String[tenants];
        tenantChannels = new ChannelChoice[tenants];
        for (int t = 0; t < tenants; t++) {
            Tenant tenant = matrix.tenant(t);
            tenantNames[t] = tenant.name().toLowerCase(Locale.ROOT);
            tenantChannels[t] = ChannelChoice.of(tenant);
        }
        flagKeys = new String[flags];
        for (int f = 0; f < flags; f++) {
            flagKeys[f] = matrix.flag(f).key().toLowerCase(Locale.ROOT);
        }
    }

    /** Background work: snapshot to matrix to filter keys. */
    public static MatrixData of(GateSnapshot snapshot) {
        FeatureGate gate = new FeatureGate(snapshot);
        return new MatrixData(gate, gate.computeMatrix());
    }

    /** Background work: the filter keys of a matrix computed already (the window's shared one). */
    public static MatrixData of(GateSnapshot snapshot, MatrixResult matrix) {
        return new MatrixData(new FeatureGate(snapshot), matrix);
    }

    public FeatureGate gate() {
        return gate;
    }

    public MatrixResult matrix() {
        return matrix;
    }

    public GateSnapshot snapshot() {
        return matrix.snapshot();
    }

    public ChannelChoice channelOf(int tenantIndex) {
        return tenantChannels[tenantIndex];
    }

    /** Tenant indexes on the channel whose name contains the text (case-insensitive), in snapshot order. */
    public int[] tenants(ChannelChoice channel, String text) {
        String needle = normalise(text);
        int[] out = new int[tenantNames.length];
        int n = 0;
        for (int t = 0; t < tenantNames.length; t++) {
            if ((channel == ChannelChoice.ALL || tenantChannels[t] == channel)
                    && (needle.isEmpty() || tenantNames[t].contains(needle))) {
                out[n++] = t;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Flag indexes whose key contains the text (case-insensitive), in snapshot order. */
    public int[] flags(String text) {
        String needle = normalise(text);
        int[] out = new int[flagKeys.length];
        int n = 0;
        for (int f = 0; f < flagKeys.length; f++) {
            if (needle.isEmpty() || flagKeys[f].contains(needle)) {
                out[n++] = f;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
