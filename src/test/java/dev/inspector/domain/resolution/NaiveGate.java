package dev.inspector.domain.resolution;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.UserGrant;

import java.util.Optional;
import java.util.UUID;

/**
 * The rules read straight off the rollout document, scanning the raw rows: slow and obviously
 * right, so it can referee the indexed implementations without sharing any of their code.
 */
final class NaiveGate {

    record Verdict(boolean enabled, ReasonCode reason) {
    }

    private final RandomSnapshots.Rows rows;

    NaiveGate(RandomSnapshots.Rows rows) {
        this.rows = rows;
    }

    Verdict server(UUID tenantId, String flagKey) {
        Optional<FeatureFlag> flag = rows.flags().stream().filter(f -> f.key().equals(flagKey)).findFirst();
        if (flag.isEmpty()) {
            return new Verdict(false, ReasonCode.FLAG_NOT_FOUND);
        }
        Optional<Tenant> tenant = rows.tenants().stream().filter(t -> t.id().equals(tenantId)).findFirst();
        if (tenant.isEmpty()) {
            return new Verdict(false, ReasonCode.TENANT_NOT_FOUND);
        }
        FeatureFlag f = flag.get();
        if (f.killswitch() && !f.defaultEnabled()) {
            return new Verdict(false, ReasonCode.KILLSWITCH_TRIPPED);
        }
        Optional<TenantOverride> override = rows.overrides().stream()
                .filter(o -> o.tenantId().equals(tenantId) && o.flagId().equals(f.id())).findFirst();
        if (override.isPresent()) {
            return new Verdict(override.get().enabled(), ReasonCode.TENANT_OVERRIDE);
        }
        Optional<ReleaseChannel> channel = ReleaseChannel.fromDb(tenant.get().releaseChannel());
        Optional<ChannelSetting> row = rows.channelSettings().stream()
                .filter(s -> s.flagId().equals(f.id()) && channel.equals(Optional.of(s.channel()))).findFirst();
        if (row.isPresent()) {
            return new Verdict(row.get().enabled(), ReasonCode.CHANNEL_DEFAULT);
        }
        return new Verdict(f.defaultEnabled(), ReasonCode.GLOBAL_DEFAULT);
    }

    Verdict ui(UUID tenantId, UUID userId, String flagKey) {
        Verdict server = server(tenantId, flagKey);
        if (!server.enabled()) {
            return server;
        }
        boolean admin = rows.users().stream().anyMatch(u -> u.id().equals(userId) && u.platformAdmin());
        if (admin) {
            return new Verdict(true, ReasonCode.PLATFORM_ADMIN);
        }
        Optional<UserGrant> grant = rows.grants().stream()
                .filter(g -> g.tenantId().equals(tenantId) && g.userId().equals(userId) && g.featureKey().equals(flagKey))
                .findFirst();
        if (grant.isEmpty()) {
            return new Verdict(false, ReasonCode.NO_USER_GRANT);
        }
        return grant.get().enabled()
                ? new Verdict(true, ReasonCode.USER_GRANT)
                : new Verdict(false, ReasonCode.GRANT_REVOKED);
    }
}
