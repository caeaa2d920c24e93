package dev.inspector.domain.resolution;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.UserGrant;
import dev.inspector.domain.UserProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Random but valid gate tables, dense enough that every layer and edge case turns up often. */
final class RandomSnapshots {

    /** Channel spellings a tenant may carry, including ones the process does not know. */
    private static final String[] CHANNELS = {"internal", "pilot", "general", "GENERAL", null, "xyz", "beta"};

    private RandomSnapshots() {
    }

    record Rows(List<Tenant> tenants, List<FeatureFlag> flags, List<ChannelSetting> channelSettings,
                List<TenantOverride> overrides, List<UserGrant> grants, List<UserProfile> users) {

        GateSnapshot snapshot() {
            return GateSnapshot.of(tenants, flags, channelSettings, overrides, grants, users);
        }
    }

    static GateSnapshot next(Random random) {
        return nextRows(random).snapshot();
    }

    static Rows nextRows(Random random) {
        List<Tenant> tenants = new ArrayList<>();
        int tenantCount = random.nextInt(12);
        for (int t = 0; t < tenantCount; t++) {
            tenants.add(new Tenant(uuid(random), "t" + t, CHANNELS[random.nextInt(CHANNELS.length)]));
        }
        List<FeatureFlag> flags = new ArrayList<>();
        int flagCount = random.nextInt(10);
        for (int f = 0; f < flagCount; f++) {
            flags.add(new FeatureFlag(uuid(random), "flag_" + f, "Flag " + f, "",
                    random.nextBoolean(), random.nextInt(3) == 0));
        }
        List<ChannelSetting> channelSettings = new ArrayList<>();
        for (FeatureFlag flag : flags) {
            for (ReleaseChannel channel : ReleaseChannel.values()) {
                if (random.nextBoolean()) {
                    channelSettings.add(new ChannelSetting(flag.id(), channel, random.nextBoolean()));
                }
            }
        }
        List<TenantOverride> overrides = new ArrayList<>();
        for (Tenant tenant : tenants) {
            for (FeatureFlag flag : flags) {
                if (random.nextInt(4) == 0) {
                    overrides.add(new TenantOverride(tenant.id(), flag.id(), random.nextBoolean()));
                }
            }
        }
        java.util.Collections.shuffle(overrides, random);
        List<UserProfile> users = new ArrayList<>();
        int userCount = random.nextInt(6);
        for (int u = 0; u < userCount; u++) {
            UUID tenant = tenants.isEmpty() || random.nextInt(4) == 0
                    ? null : tenants.get(random.nextInt(tenants.size())).id();
            users.add(new UserProfile(uuid(random), tenant, "u" + u, "", random.nextInt(4) == 0));
        }
        List<UserGrant> grants = new ArrayList<>();
        for (Tenant tenant : tenants) {
            for (UserProfile user : users) {
                for (FeatureFlag flag : flags) {
                    if (random.nextInt(3) == 0) {
                        grants.add(new UserGrant(tenant.id(), user.id(), flag.key(), random.nextBoolean()));
                    }
                }
            }
        }
        return new Rows(tenants, flags, channelSettings, overrides, grants, users);
    }

    private static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
