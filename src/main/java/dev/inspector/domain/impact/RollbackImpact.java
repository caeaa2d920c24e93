package dev.inspector.domain.impact;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.GateSnapshotBuilder;
import dev.inspector.domain.RollbackOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a rollback would take away, computed with the resolution engine before anything is written:
 * the rollback is applied to a copy of the snapshot (for this one flag) and both are resolved.
 * A tenant counts when the server gate says on now and off afterwards; a user counts when they
 * belong to such a tenant and the UI gate lets them use the feature now.
 */
public record RollbackImpact(RollbackOption option, int tenants, int users) {

    public static RollbackImpact of(GateSnapshot snapshot, String flagKey, RollbackOption option) {
        return of(snapshot, flagKey, new RollbackOption[] {option}).get(0);
    }

    /**
     * The impact of each option, in the order given. The UI gate is asked once per member of a
     * tenant that has the flag now, whatever the number of options: at 10,000 tenants that is
     * the expensive part.
     */
    public static List<RollbackImpact> of(GateSnapshot snapshot, String flagKey, RollbackOption... options) {
        int f = snapshot.flagIndex(flagKey);
        if (f < 0) {
            return Arrays.stream(options).map(o -> new RollbackImpact(o, 0, 0)).toList();
        }
        FeatureGate now = new FeatureGate(snapshot);
        Map<UUID, Integer> usersNow = new HashMap<>();
        for (UserProfile user : snapshot.users()) {
            if (user.tenantId() != null && now.serverEnabled(user.tenantId(), flagKey)
                    && now.explainUi(user.tenantId(), user.id(), flagKey).enabled()) {
                usersNow.merge(user.tenantId(), 1, Integer::sum);
            }
        }
        List<RollbackImpact> impacts = new ArrayList<>();
        for (RollbackOption option : options) {
            FeatureGate after = new FeatureGate(afterRollback(snapshot, f, option));
            int tenants = 0;
            int users = 0;
            for (int t = 0; t < snapshot.tenantCount(); t++) {
                if (now.serverEnabled(t, f) && !after.serverEnabled(t, 0)) {
                    tenants++;
                    users += usersNow.getOrDefault(snapshot.tenant(t).id(), 0);
                }
            }
            impacts.add(new RollbackImpact(option, tenants, users));
        }
        return List.copyOf(impacts);
    }

    /** The gate tables for one flag as the rollback would leave them; same tenant order as the original. */
    private static GateSnapshot afterRollback(GateSnapshot snapshot, int f, RollbackOption option) {
        FeatureFlag flag = snapshot.flag(f);
        GateSnapshotBuilder builder = GateSnapshot.builder();
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
