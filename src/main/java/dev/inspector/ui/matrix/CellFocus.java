package dev.inspector.ui.matrix;

import dev.inspector.domain.wording.OnOff;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.resolution.Decision;
import dev.inspector.domain.resolution.MatrixResult;
import dev.inspector.domain.resolution.TraceStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The focused cell, by snapshot index: how the server gate decides it, and its flag's rollout per
 * channel. It survives reloads by tenant id and flag key.
 */
public final class CellFocus {

    private final ReadOnlyStringWrapper traceTitle = new ReadOnlyStringWrapper(this, "traceTitle", "");
    private final ObservableList<TraceStep> trace = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper rolloutTitle = new ReadOnlyStringWrapper(this, "rolloutTitle", "");
    private final ObservableList<ChannelShare> rollout = FXCollections.observableArrayList();
    private int tenant = -1;
    private int flag = -1;

    public ReadOnlyStringProperty traceTitleProperty() {
        return traceTitle.getReadOnlyProperty();
    }

    /** The server-gate trace of the focused cell; the deciding step is the one with {@code decided()}. */
    public ObservableList<TraceStep> trace() {
        return trace;
    }

    public ReadOnlyStringProperty rolloutTitleProperty() {
        return rolloutTitle.getReadOnlyProperty();
    }

    /** The focused flag's share of tenants on, per channel (all tenants, whatever the filters). */
    public ObservableList<ChannelShare> rollout() {
        return rollout;
    }

    int tenant() {
        return tenant;
    }

    int flag() {
        return flag;
    }

    void focus(MatrixData data, int tenantIndex, int flagIndex) {
        tenant = tenantIndex;
        flag = flagIndex;
        show(data);
    }

    /** The same tenant and flag in a reloaded snapshot, if both are still there. */
    void remap(MatrixData previous, MatrixData loaded) {
        if (previous != null && tenant >= 0 && flag >= 0) {
            tenant = loaded.snapshot().tenantIndex(previous.matrix().tenant(tenant).id());
            flag = loaded.snapshot().flagIndex(previous.matrix().flag(flag).key());
        }
        if (tenant < 0 || flag < 0) {
            tenant = -1;
            flag = -1;
        }
        show(loaded);
    }

    void clear() {
        tenant = -1;
        flag = -1;
        show(null);
    }

    private void show(MatrixData data) {
        if (data == null || tenant < 0 || flag < 0) {
            trace.clear();
            traceTitle.set(data == null ? "" : "Select a cell to see how the server gate decides it.");
            rollout.clear();
            rolloutTitle.set(data == null ? "" : "Select a cell to chart its flag's rollout.");
            return;
        }
        Tenant t = data.matrix().tenant(tenant);
        FeatureFlag f = data.matrix().flag(flag);
        Decision decision = data.gate().explainServer(t.id(), f.key());
        trace.setAll(decision.trace());
        traceTitle.set(t.name() + " × " + f.key() + ": " + OnOff.word(decision.enabled())
                + ", decided by " + DeciderStyle.label(data.matrix().decider(tenant, flag)).toLowerCase(Locale.ROOT));
        List<ChannelShare> shares = shares(data);
        rollout.setAll(shares);
        // the counts per channel in words: the chart's axis shows only the channel names, which never change
        rolloutTitle.set("Rollout of " + f.key() + ": on for " + data.matrix().enabledTenantCount(flag)
                + " of " + data.matrix().tenantCount() + " tenants ("
                + shares.stream().filter(sh -> sh.total() > 0).map(sh -> sh.channel() + " " + sh.on() + " of " + sh.total())
                        .collect(java.util.stream.Collectors.joining(", ")) + ")");
    }

    private List<ChannelShare> shares(MatrixData data) {
        ChannelChoice[] channels = {ChannelChoice.INTERNAL, ChannelChoice.PILOT, ChannelChoice.GENERAL, ChannelChoice.NONE};
        int[] on = new int[channels.length];
        int[] total = new int[channels.length];
        MatrixResult matrix = data.matrix();
        for (int t = 0; t < matrix.tenantCount(); t++) {
            int c = data.channelOf(t).ordinal() - 1; // ALL is ordinal 0
            total[c]++;
            if (matrix.enabled(t, flag)) {
                on[c]++;
            }
        }
        List<ChannelShare> shares = new ArrayList<>();
        for (int c = 0; c < channels.length; c++) {
            shares.add(new ChannelShare(channels[c].label(), on[c], total[c]));
        }
        return shares;
    }
}
