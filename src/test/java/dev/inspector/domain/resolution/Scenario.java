package dev.inspector.domain.resolution;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.UserGrant;
import dev.inspector.domain.UserProfile;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Builds small, readable gate set-ups; ids derive from names so tests can refer to them by name. */
final class Scenario {

    static final UUID ACME = id("tenant:acme");
    static final UUID GLOBEX = id("tenant:globex");
    static final UUID ANN = id("user:ann");
    static final UUID BOB = id("user:bob");
    static final UUID ROOT = id("user:root");
    static final UUID GHOST = id("user:ghost");

    private final GateSnapshotBuilder builder = GateSnapshot.builder();

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static UUID flagId(String key) {
        return id("flag:" + key);
    }

    /** Acme on pilot and Globex on general, each with one member; Root is a platform admin of no tenant. */
    static Scenario standard() {
        return new Scenario()
                .tenant(ACME, "Acme", "pilot")
                .tenant(GLOBEX, "Globex", "general")
                .user(ANN, ACME, "Ann", false)
                .user(BOB, GLOBEX, "Bob", false)
                .user(ROOT, null, "Root", true);
    }

    Scenario tenant(UUID id, String name, String channel) {
        builder.tenant(new Tenant(id, name, channel));
        return this;
    }

    Scenario flag(String key, boolean defaultEnabled) {
        return flag(key, defaultEnabled, false);
    }

    Scenario killswitch(String key, boolean defaultEnabled) {
        return flag(key, defaultEnabled, true);
    }

    private Scenario flag(String key, boolean defaultEnabled, boolean killswitch) {
        builder.flag(new FeatureFlag(flagId(key), key, key, "", defaultEnabled, killswitch));
        return this;
    }

    Scenario channel(String key, ReleaseChannel channel, boolean enabled) {
        builder.channelSetting(new ChannelSetting(flagId(key), channel, enabled));
        return this;
    }

    Scenario override(UUID tenant, String key, boolean enabled) {
        builder.override(new TenantOverride(tenant, flagId(key), enabled));
        return this;
    }

    Scenario grant(UUID tenant, UUID user, String key, boolean enabled) {
        builder.grant(new UserGrant(tenant, user, key, enabled));
        return this;
    }

    Scenario user(UUID id, UUID tenant, String name, boolean platformAdmin) {
        builder.user(new UserProfile(id, tenant, name, name.toLowerCase() + "@example.com", platformAdmin));
        return this;
    }

    GateSnapshot snapshot() {
        return builder.build();
    }

    FeatureGate gate() {
        return new FeatureGate(snapshot());
    }
}
