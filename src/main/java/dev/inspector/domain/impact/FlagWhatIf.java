package dev.inspector.domain.impact;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.GateSnapshotBuilder;
import dev.inspector.domain.resolution.MatrixResult;

/**
 * "How many tenants would have this flag if its definition changed so?": the engine on a copy of
 * the gate tables holding the one flag in its changed version (its channel rows and overrides as
 * they are), so the answer is exactly what the servers would decide.
 */
public final class FlagWhatIf {

    private FlagWhatIf() {
    }

    /** Tenants the server gate lets in with {@code version} in place of the flag at {@code flagIndex}. */
    public static int enabledTenants(GateSnapshot snapshot, int flagIndex, FeatureFlag version) {
        GateSnapshotBuilder builder = GateSnapshot.builder().flag(version).tenants(snapshot.tenants());
        for (ReleaseChannel channel : ReleaseChannel.values()) {
            snapshot.channelSetting(flagIndex, channel)
                    .ifPresent(on -> builder.channelSetting(new ChannelSetting(version.id(), channel, on)));
        }
        for (int t = 0; t < snapshot.tenantCount(); t++) {
            snapshot.override(t, flagIndex).ifPresent(builder::override);
        }
        return MatrixResult.compute(builder.build()).enabledTenantCount(0);
    }
}
