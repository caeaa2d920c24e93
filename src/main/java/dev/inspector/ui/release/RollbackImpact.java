package dev.inspector.ui.release;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.service.RollbackOption;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What a rollback would take away, computed with the resolution engine before anything is written:
 * the rollback is applied to a copy of the snapshot (for this one flag) and both are resolved.
 * A tenant counts when the server gate says on now and off afterwards; a user counts when they
 * belong to such a tenant and the UI gate lets them use the feature now.
 */
public record RollbackImpact(RollbackOption option, int tenants, int users) {

    public static RollbackImpact of(GateSnapshot snapshot, String flagKey, RollbackOption option) {
        int f = snapshot.flagIndex(flagKey);
        if (f < 0) {
            return new RollbackImpact(option, 0, 0);
        }
        FeatureGate now = new FeatureGate(snapshot);
        FeatureGate after = new FeatureGate(afterRollback(snapshot, f, option));
        Set<UUID> losing = new HashSet<>();
        for (int t = 0; t < snapshot.tenantCount(); t++) {
            if (now.serverEnabled(t, f) && !after.serverEnabled(t, 0)) {
                losing.add(snapshot.tenant(t).id());
            }
        }
        int users = 0;
        for (UserProfile user : snapshot.users()) {
            if (user.tenantId() != null && losing.contains(user.tenantId())
                    && now.explainUi(user.tenantId(), user.id(), flagKey).enabled()) {
                users++;
            }
        }
        return new RollbackImpact(option, losing.size(), users);
    }

    /** The gate tables for one flag as the rollback would leave them; same tenant order as the original. */
    private static GateSnapshot afterRollback(GateSnapshot snapshot, int f, RollbackOption option) {
        FeatureFlag flag = snapshot.flag(f);
        GateSnapshot.Builder builder = GateSnapshot.builder();
        builder.flag(option == RollbackOption.KILLSWITCH
                ? new FeatureFlag(flag.id(), flag.key(), flag.name(), flag.description(), false, true)
                : flag);
        for (ReleaseChannel channel : ReleaseChannel.values()) {
            snapshot.channelSetting(f, channel).ifPresent(on -> builder.channelSetting(
                    new ChannelSetting(flag.id(), channel, option != RollbackOption.CHANNELS_OFF && on)));
        }
        for (int t = 0; t < snapshot.tenantCount(); t++) {
            Tenant tenant = snapshot.tenant(t);
            builder.tenant(tenant);
            if (option == RollbackOption.OVERRIDE_ALL_OFF) {
                builder.override(new TenantOverride(tenant.id(), flag.id(), false));
            } else {
                snapshot.override(t, f).ifPresent(builder::override);
            }
        }
        return builder.build();
    }
}
