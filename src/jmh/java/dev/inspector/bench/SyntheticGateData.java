package dev.inspector.bench;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.UserGrant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.GateSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The rows of a production-sized SaaS, made in memory from a fixed seed: every run and every fork
 * sees exactly the same tables.
 *
 * <ul>
 *   <li>10,000 tenants: tenant 0 on {@code internal}, about 1 % on {@code pilot}, five with a null
 *       channel and one with a spelling the process does not know, the rest {@code general};</li>
 *   <li>500 flags, a third on by default; 20 killswitch flags, half of them tripped;</li>
 *   <li>a channel row for about 90 % of flag × channel pairs;</li>
 *   <li>exactly 25 overrides per tenant (5 % of cells, 250,000 rows), each to a distinct flag;</li>
 *   <li>2,000 users (every 500th a platform admin without tenant) and 3 grants each.</li>
 * </ul>
 */
final class SyntheticGateData {

    static final long SEED = 20240603L;
    static final int TENANTS = 10_000;
    static final int FLAGS = 500;
    static final int OVERRIDES_PER_TENANT = 25;
    static final int USERS = 2_000;
    static final int GRANTS_PER_USER = 3;

    final List<Tenant> tenants = new ArrayList<>(TENANTS);
    final List<FeatureFlag> flags = new ArrayList<>(FLAGS);
    final List<ChannelSetting> channelSettings = new ArrayList<>();
    final List<TenantOverride> overrides = new ArrayList<>(TENANTS * OVERRIDES_PER_TENANT);
    final List<UserGrant> grants = new ArrayList<>(USERS * GRANTS_PER_USER);
    final List<UserProfile> users = new ArrayList<>(USERS);

    SyntheticGateData() {
        Random random = new Random(SEED);
        for (int t = 0; t < TENANTS; t++) {
            String channel;
            if (t == 0) {
                channel = "internal";
            } else if (t % 100 == 1) {
                channel = "pilot";
            } else if (t % 2000 == 7) {
                channel = null;
            } else if (t == 4242) {
                channel = "beta";
            } else {
                channel = "general";
            }
            tenants.add(new Tenant(uuid(random), String.format("Tenant %05d", t), channel));
        }
        for (int f = 0; f < FLAGS; f++) {
            boolean killswitch = f % 25 == 0;
            boolean defaultEnabled = killswitch ? f % 50 == 25 : random.nextInt(3) == 0; // f % 50 == 0: tripped
            flags.add(new FeatureFlag(uuid(random), String.format("flag_%03d", f), "Flag " + f, "",
                    defaultEnabled, killswitch));
        }
        for (FeatureFlag flag : flags) {
            for (ReleaseChannel channel : ReleaseChannel.values()) {
                if (random.nextInt(10) != 0) {
                    channelSettings.add(new ChannelSetting(flag.id(), channel, random.nextBoolean()));
                }
            }
        }
        int[] flagOrder = new int[FLAGS];
        for (int f = 0; f < FLAGS; f++) {
            flagOrder[f] = f;
        }
        for (Tenant tenant : tenants) {
            // partial Fisher-Yates: 25 distinct flags per tenant
            for (int k = 0; k < OVERRIDES_PER_TENANT; k++) {
                int j = k + random.nextInt(FLAGS - k);
                int swap = flagOrder[k];
                flagOrder[k] = flagOrder[j];
                flagOrder[j] = swap;
                overrides.add(new TenantOverride(tenant.id(), flags.get(flagOrder[k]).id(), random.nextBoolean()));
            }
        }
        for (int u = 0; u < USERS; u++) {
            boolean admin = u % 500 == 0;
            UUID tenantId = admin ? null : tenants.get(random.nextInt(TENANTS)).id();
            UserProfile user = new UserProfile(uuid(random), tenantId, "User " + u, "user" + u + "@example.test", admin);
            users.add(user);
            UUID grantTenant = tenantId != null ? tenantId : tenants.get(0).id();
            for (int k = 0; k < GRANTS_PER_USER; k++) {
                String key = flags.get((u * 7 + k * 131) % FLAGS).key();
                grants.add(new UserGrant(grantTenant, user.id(), key, k != 2));
            }
        }
    }

    GateSnapshot snapshot() {
        return GateSnapshot.of(tenants, flags, channelSettings, overrides, grants, users);
    }

    private static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
