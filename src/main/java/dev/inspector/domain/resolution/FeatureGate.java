package dev.inspector.domain.resolution;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.UserGrant;
import dev.inspector.domain.UserProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The server gate (what the edge functions' {@code assertFeatureEnabled} does) and the UI gate
 * (what {@code useFeatureGate} does) over one {@link GateSnapshot}.
 *
 * <p>Two ways in, which must always agree:
 * <ul>
 *   <li>the fast path ({@link #serverEnabled(int, int)}, {@link #serverDecider(int, int)},
 *       {@link #computeMatrix()}) works on indexes and primitive arrays and builds no objects;</li>
 *   <li>the explained path ({@link #explainServer}, {@link #explainUi}, {@link #channelDiff})
 *       looks things up by id and key and records every step in words.</li>
 * </ul>
 *
 * <p>Server gate, for tenant t and flag f: (1) a tripped killswitch ({@code is_killswitch} and
 * {@code default_enabled = false}) blocks whatever else says; (2) t's override for f;
 * (3) f's row for t's channel; (4) f's global default. An unknown flag is checked before an
 * unknown tenant, so a call with both unknown reports {@link ReasonCode#FLAG_NOT_FOUND}.
 *
 * <p>UI gate, for tenant t, user u, flag f: (1) the server gate, whose "off" is final; (2) a
 * platform admin is allowed; (3) u's grant for f's key in t decides, a revoked one blocking;
 * (4) no grant blocks. Membership is reported but, like in the SaaS, decides nothing: a
 * non-member follows the same rules. An unknown user is a non-member non-admin.
 */
public final class FeatureGate {

    private final GateSnapshot snapshot;

    public FeatureGate(GateSnapshot snapshot) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    }

    public GateSnapshot snapshot() {
        return snapshot;
    }

    // ---------------------------------------------------------------- fast path

    /** The server verdict for a cell, without a trace. Indexes are the snapshot's. */
    public boolean serverEnabled(int tenantIndex, int flagIndex) {
        return Cells.enabled(serverCell(tenantIndex, flagIndex));
    }

    /** The server-gate layer that settles a cell. */
    public Decider serverDecider(int tenantIndex, int flagIndex) {
        return Cells.decider(serverCell(tenantIndex, flagIndex));
    }

    /** The server verdict by id and key; {@code false} for an unknown tenant or flag. */
    public boolean serverEnabled(UUID tenantId, String flagKey) {
        int t = snapshot.tenantIndex(tenantId);
        int f = snapshot.flagIndex(flagKey);
        return t >= 0 && f >= 0 && serverEnabled(t, f);
    }

    /** The whole tenant × flag matrix of the server gate. */
    public MatrixResult computeMatrix() {
        return MatrixResult.compute(snapshot);
    }

    byte serverCell(int t, int f) {
        GateSnapshot s = snapshot;
        if (s.killswitchTripped[f]) {
            return Cells.KILLSWITCH_OFF;
        }
        int slot = s.overrideSlot(t, f);
        if (slot >= 0) {
            return Cells.of(Decider.TENANT_OVERRIDE, s.overrideValue[slot]);
        }
        byte channel = s.tenantChannel[t];
        if (channel != GateSnapshot.NO_CHANNEL) {
            byte row = s.channelRows[channel * s.flagCount() + f];
            if (row != GateSnapshot.NO_ROW) {
                return Cells.of(Decider.CHANNEL_DEFAULT, row == GateSnapshot.ROW_ON);
            }
        }
        return Cells.of(Decider.GLOBAL_DEFAULT, s.flagDefault[f]);
    }

    // ----------------------------------------------------------- explained path

    /** The server verdict for a tenant and flag, with every step in words. */
    public Decision explainServer(UUID tenantId, String flagKey) {
        return explainServer(tenantId, flagKey, Optional.empty());
    }

    /** The UI verdict for a user of a tenant and a flag, with every step in words. */
    public Decision explainUi(UUID tenantId, UUID userId, String flagKey) {
        return explainUi(tenantId, userId, flagKey, Optional.empty());
    }

    /**
     * What the server and UI gates would say if the tenant were on each of the channels; the
     * question an admin asks before promoting a flag or moving a tenant.
     */
    public ChannelDiff channelDiff(UUID tenantId, UUID userId, String flagKey) {
        Decision currentServer = explainServer(tenantId, flagKey);
        Decision currentUi = explainUi(tenantId, userId, flagKey);
        Optional<ReleaseChannel> current = snapshot.findTenant(tenantId).flatMap(Tenant::channel);
        List<ChannelOutcome> outcomes = new ArrayList<>();
        for (ReleaseChannel channel : ReleaseChannel.values()) {
            Decision server = explainServer(tenantId, flagKey, Optional.of(channel));
            Decision ui = explainUi(tenantId, userId, flagKey, Optional.of(channel));
            outcomes.add(new ChannelOutcome(channel, current.equals(Optional.of(channel)), server, ui));
        }
        return new ChannelDiff(tenantId, userId, flagKey, currentServer, currentUi, outcomes);
    }

    private Decision explainServer(UUID tenantId, String flagKey, Optional<ReleaseChannel> assumed) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(flagKey, "flagKey");
        Trace trace = new Trace();
        Lookup lookup = lookUp(trace, tenantId, flagKey, assumed);
        if (lookup.failure != null) {
            return lookup.failure;
        }
        ServerLayer layer = serverLayers(trace, lookup, assumed);
        return trace.decide(layer.stage, layer.observed, layer.enabled, layer.reason, layer.decider);
    }

    private Decision explainUi(UUID tenantId, UUID userId, String flagKey, Optional<ReleaseChannel> assumed) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(flagKey, "flagKey");
        Trace trace = new Trace();
        Lookup lookup = lookUp(trace, tenantId, flagKey, assumed);
        if (lookup.failure != null) {
            return lookup.failure;
        }
        ServerLayer server = serverLayers(trace, lookup, assumed);
        if (!server.enabled) {
            return trace.decide(server.stage, server.observed, false, server.reason, server.decider);
        }
        // The tenant has the feature; from here on the user decides, so this step only informs.
        trace.look(server.stage, server.observed + "; the tenant has the feature, the user decides", true);

        Tenant tenant = lookup.tenant;
        Optional<UserProfile> user = snapshot.findUser(userId);
        boolean member = user.map(u -> u.isMemberOf(tenant.id())).orElse(false);
        trace.look(Stage.MEMBERSHIP, membership(user, userId, tenant));

        if (user.isPresent() && user.get().platformAdmin()) {
            return trace.decide(Stage.PLATFORM_ADMIN, "profiles.is_platform_admin = true",
                    true, ReasonCode.PLATFORM_ADMIN, server.decider);
        }
        trace.look(Stage.PLATFORM_ADMIN, !snapshot.userDirectory()
                ? "unknown: no user directory (public.profiles is absent); treated as not a platform admin"
                : user.isPresent()
                ? "profiles.is_platform_admin = false"
                : "user not found, so not a platform admin");

        String key = lookup.flag.key();
        String row = "tenant_feature_access(tenant " + describe(tenant) + ", user " + userId + ", '" + key + "')";
        String nonMemberNote = member || !snapshot.userDirectory() ? "" : "; note: the user is not a member of this tenant";
        if (!snapshot.grantsKnown()) {
            return trace.decide(Stage.USER_GRANT, "no user grant can exist: the table tenant_feature_access is absent",
                    false, ReasonCode.NO_USER_GRANT, server.decider);
        }
        Optional<UserGrant> grant = snapshot.grant(tenant.id(), userId, key);
        if (grant.isEmpty()) {
            return trace.decide(Stage.USER_GRANT, "no user grant: no row " + row + nonMemberNote,
                    false, ReasonCode.NO_USER_GRANT, server.decider);
        }
        if (grant.get().enabled()) {
            return trace.decide(Stage.USER_GRANT, "row " + row + " is_enabled = true" + nonMemberNote,
                    true, ReasonCode.USER_GRANT, server.decider);
        }
        return trace.decide(Stage.USER_GRANT, "row " + row + " is_enabled = false: grant revoked" + nonMemberNote,
                false, ReasonCode.GRANT_REVOKED, server.decider);
    }

    /** Finds the flag, then the tenant; on failure the returned lookup carries the finished decision. */
    private Lookup lookUp(Trace trace, UUID tenantId, String flagKey, Optional<ReleaseChannel> assumed) {
        Optional<FeatureFlag> flag = snapshot.findFlag(flagKey);
        if (flag.isEmpty()) {
            return Lookup.failed(trace.decide(Stage.FLAG_LOOKUP,
                    "flag not found: no feature_flags row with key '" + flagKey + "'",
                    false, ReasonCode.FLAG_NOT_FOUND, Decider.NOT_FOUND));
        }
        trace.look(Stage.FLAG_LOOKUP, "feature_flags row '" + flagKey + "' (" + flag.get().id() + ")");

        int t = snapshot.tenantIndex(tenantId);
        if (t < 0) {
            return Lookup.failed(trace.decide(Stage.TENANT_LOOKUP,
                    "tenant not found: no tenants row with id " + tenantId,
                    false, ReasonCode.TENANT_NOT_FOUND, Decider.NOT_FOUND));
        }
        Tenant tenant = snapshot.tenant(t);
        String stored = tenant.releaseChannel() == null ? "null" : "'" + tenant.releaseChannel() + "'";
        String whatIf = assumed.map(c -> "; evaluated as if on channel " + c.dbValue()).orElse("");
        trace.look(Stage.TENANT_LOOKUP, "tenants row " + describe(tenant) + ", release_channel " + stored + whatIf);
        return new Lookup(tenant, t, flag.get(), snapshot.flagIndex(flagKey), null);
    }

    /**
     * Records steps 1-3 of the server gate as far as they do not decide, and returns the layer
     * that does, unrecorded: the caller knows whether it settles the final verdict.
     */
    private ServerLayer serverLayers(Trace trace, Lookup lookup, Optional<ReleaseChannel> assumed) {
        FeatureFlag flag = lookup.flag;
        switch (flag.killswitchState()) {
            case TRIPPED:
                return new ServerLayer(Stage.KILLSWITCH,
                        "killswitch tripped: is_killswitch = true and default_enabled = false, blocked everywhere",
                        false, ReasonCode.KILLSWITCH_TRIPPED, Decider.KILLSWITCH);
            case ARMED:
                trace.look(Stage.KILLSWITCH,
                        "killswitch armed: is_killswitch = true but default_enabled = true, not blocking");
                break;
            default:
                trace.look(Stage.KILLSWITCH, "not a killswitch (is_killswitch = false)");
        }

        Optional<TenantOverride> override = snapshot.override(lookup.tenantIndex, lookup.flagIndex);
        String overrideRow = "tenant_feature_flags(tenant " + describe(lookup.tenant) + ", flag '" + flag.key() + "')";
        if (override.isPresent()) {
            boolean enabled = override.get().enabled();
            return new ServerLayer(Stage.TENANT_OVERRIDE, "row " + overrideRow + " enabled = " + enabled,
                    enabled, ReasonCode.TENANT_OVERRIDE, Decider.TENANT_OVERRIDE);
        }
        trace.look(Stage.TENANT_OVERRIDE, "no row " + overrideRow);

        Optional<ReleaseChannel> channel = assumed.isPresent() ? assumed : lookup.tenant.channel();
        if (channel.isEmpty()) {
            String stored = lookup.tenant.releaseChannel();
            trace.look(Stage.CHANNEL_DEFAULT, stored == null
                    ? "tenant has no known channel (release_channel is null): step skipped"
                    : "tenant has no known channel '" + stored + "': step skipped");
        } else {
            String name = channel.get().dbValue();
            Optional<Boolean> row = snapshot.channelSetting(lookup.flagIndex, channel.get());
            if (row.isPresent()) {
                return new ServerLayer(Stage.CHANNEL_DEFAULT, "row release_channel_feature_flags(flag '"
                        + flag.key() + "', channel " + name + ") enabled = " + row.get(),
                        row.get(), ReasonCode.CHANNEL_DEFAULT, Decider.CHANNEL_DEFAULT);
            }
            trace.look(Stage.CHANNEL_DEFAULT, "no row for channel " + name);
        }

        return new ServerLayer(Stage.GLOBAL_DEFAULT, "feature_flags.default_enabled = " + flag.defaultEnabled(),
                flag.defaultEnabled(), ReasonCode.GLOBAL_DEFAULT, Decider.GLOBAL_DEFAULT);
    }

    private String membership(Optional<UserProfile> user, UUID userId, Tenant tenant) {
        if (!snapshot.userDirectory()) {
            return "user " + userId + ": name and membership unknown, the database has no user directory "
                    + "(public.profiles is absent)";
        }
        if (user.isEmpty()) {
            return "user not found: no profiles row with id " + userId + "; treated as a non-member, non-admin";
        }
        UserProfile profile = user.get();
        String who = "user '" + profile.fullName() + "' (" + userId + ")";
        if (profile.isMemberOf(tenant.id())) {
            return who + " is a member of tenant " + describe(tenant);
        }
        return who + " is not a member of tenant " + describe(tenant) + profile.tenant()
                .map(other -> " (member of tenant " + other + ")")
                .orElse(" (member of no tenant)");
    }

    private static String describe(Tenant tenant) {
        return "'" + tenant.name() + "' (" + tenant.id() + ")";
    }

    /** The tenant and flag an evaluation is about, or the decision that ended it. */
    private record Lookup(Tenant tenant, int tenantIndex, FeatureFlag flag, int flagIndex, Decision failure) {
        static Lookup failed(Decision failure) {
            return new Lookup(null, -1, null, -1, failure);
        }
    }

    /** The server-gate layer that settled the tenant-level value. */
    private record ServerLayer(Stage stage, String observed, boolean enabled, ReasonCode reason, Decider decider) {
    }
}
