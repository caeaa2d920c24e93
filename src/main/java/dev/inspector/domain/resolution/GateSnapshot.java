package dev.inspector.domain.resolution;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.KillswitchState;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.UserGrant;
import dev.inspector.domain.UserProfile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An immutable, indexed copy of the gate tables at one moment.
 *
 * <p>Tenants and flags get dense int indexes in the order they were given; the evaluation code in
 * {@link FeatureGate} and {@link MatrixResult} works on those ints and on primitive arrays, so the
 * inner loops neither box nor hash. The arrays are package-private and never handed out.
 *
 * <p>Rows the database's primary keys would forbid (two tenants with one id, two flags with one
 * key, two overrides for one tenant and flag, ...) are rejected: they mean the loader is broken.
 * Overrides and channel rows that point at a tenant or flag outside the snapshot cannot change any
 * verdict, so they are dropped and counted in {@link #ignoredRowCount()}.
 */
public final class GateSnapshot {

    /** Channel code of a tenant whose channel is null or not one the process knows. */
    static final byte NO_CHANNEL = (byte) ReleaseChannel.values().length;
    /** Channel codes 0..2 are the {@link ReleaseChannel} ordinals, 3 is {@link #NO_CHANNEL}. */
    static final int CHANNEL_CODES = NO_CHANNEL + 1;

    static final byte NO_ROW = 0;
    static final byte ROW_OFF = 1;
    static final byte ROW_ON = 2;

    private final List<Tenant> tenants;
    private final List<FeatureFlag> flags;
    private final IdIndex tenantIndex;
    private final Map<String, Integer> flagIndexByKey;
    private final IdIndex flagIndexById;
    private final List<UserProfile> users;
    private final Map<UUID, UserProfile> usersById;
    private final Map<GrantKey, UserGrant> grantsByKey;
    private final int ignoredRowCount;
    private final boolean grantsKnown;
    private final boolean userDirectory;

    /** Per tenant: channel code. */
    final byte[] tenantChannel;
    /** Per flag: feature_flags.default_enabled. */
    final boolean[] flagDefault;
    /** Per flag: is_killswitch and globally disabled. */
    final boolean[] killswitchTripped;
    /** [channel ordinal * flagCount + flag]: NO_ROW, ROW_OFF or ROW_ON. */
    final byte[] channelRows;
    /**
     * Overrides in compressed sparse rows: tenant t's overrides are the slots
     * overrideStart[t] until overrideStart[t + 1], sorted by flag index.
     */
    final int[] overrideStart;
    final int[] overrideFlag;
    final boolean[] overrideValue;

    private GateSnapshot(List<Tenant> tenantRows, List<FeatureFlag> flagRows, List<ChannelSetting> channelSettings,
                         OverrideRows overrides, List<UserGrant> grants, List<UserProfile> users,
                         boolean grantsKnown, boolean userDirectory) {
        this.grantsKnown = grantsKnown;
        this.userDirectory = userDirectory;
        this.tenants = List.copyOf(tenantRows);
        this.flags = List.copyOf(flagRows);
        int tenantCount = tenants.size();
        int flagCount = flags.size();
        int ignored = 0;

        tenantIndex = new IdIndex(tenants);
        tenantChannel = new byte[tenantCount];
        for (int t = 0; t < tenantCount; t++) {
            tenantChannel[t] = tenants.get(t).channel().map(c -> (byte) c.ordinal()).orElse(NO_CHANNEL);
        }

        flagIndexByKey = new HashMap<>(flagCount * 2);
        flagDefault = new boolean[flagCount];
        killswitchTripped = new boolean[flagCount];
        for (int f = 0; f < flagCount; f++) {
            FeatureFlag flag = flags.get(f);
            unique(flagIndexByKey.put(flag.key(), f), "flag key", flag.key());
            flagDefault[f] = flag.defaultEnabled();
            killswitchTripped[f] = flag.killswitchState() == KillswitchState.TRIPPED;
        }
        flagIndexById = new IdIndex(flags.stream().map(FeatureFlag::id).toList(), "flag");

        channelRows = new byte[ReleaseChannel.values().length * flagCount];
        for (ChannelSetting setting : channelSettings) {
            int f = flagIndexById.indexOf(setting.flagId());
            if (f < 0) {
                ignored++;
                continue;
            }
            int slot = setting.channel().ordinal() * flagCount + f;
            if (channelRows[slot] != NO_ROW) {
                throw new IllegalArgumentException("two channel rows for flag " + setting.flagId()
                        + " on " + setting.channel().dbValue());
            }
            channelRows[slot] = setting.enabled() ? ROW_ON : ROW_OFF;
        }

        OverrideTable table = new OverrideTable(overrides, tenantCount, tenantIndex, flagIndexById);
        ignored += table.ignored;
        overrideStart = table.start;
        overrideFlag = table.flag;
        overrideValue = table.value;

        this.users = List.copyOf(users);
        usersById = new HashMap<>(users.size() * 2);
        for (UserProfile user : users) {
            unique(usersById.put(user.id(), user), "user id", user.id());
        }
        // Grants are few and name flags by key, so a map keyed like the table's primary key is enough.
        grantsByKey = new HashMap<>(grants.size() * 2);
        for (UserGrant grant : grants) {
            unique(grantsByKey.put(new GrantKey(grant.tenantId(), grant.userId(), grant.featureKey()), grant),
                    "grant", grant);
        }
        this.ignoredRowCount = ignored;
    }

    public static GateSnapshot of(List<Tenant> tenants, List<FeatureFlag> flags, List<ChannelSetting> channelSettings,
                                  List<TenantOverride> overrides, List<UserGrant> grants, List<UserProfile> users) {
        return new GateSnapshot(tenants, flags, channelSettings, rowsOf(overrides), grants, users, true, true);
    }

    static OverrideRows rowsOf(List<TenantOverride> overrides) {
        return sink -> overrides.forEach(o -> sink.accept(o.tenantId(), o.flagId(), o.enabled()));
    }

    public static GateSnapshotBuilder builder() {
        return new GateSnapshotBuilder();
    }

    static GateSnapshot build(List<Tenant> tenants, List<FeatureFlag> flags, List<ChannelSetting> channelSettings,
                              OverrideRows overrides, List<UserGrant> grants, List<UserProfile> users,
                              boolean grantsKnown, boolean userDirectory) {
        return new GateSnapshot(tenants, flags, channelSettings, overrides, grants, users, grantsKnown, userDirectory);
    }

    private static void unique(Object previous, String what, Object value) {
        if (previous != null) {
            throw new IllegalArgumentException("duplicate " + what + ": " + value);
        }
    }

    public int tenantCount() {
        return tenants.size();
    }

    public int flagCount() {
        return flags.size();
    }

    /** Tenants in index order. */
    public List<Tenant> tenants() {
        return tenants;
    }

    /** Flags in index order. */
    public List<FeatureFlag> flags() {
        return flags;
    }

    public Tenant tenant(int tenantIndex) {
        return tenants.get(tenantIndex);
    }

    public FeatureFlag flag(int flagIndex) {
        return flags.get(flagIndex);
    }

    /** The tenant's index, or -1 if the snapshot has no such tenant. */
    public int tenantIndex(UUID tenantId) {
        return tenantIndex.indexOf(tenantId);
    }

    /** The flag's index, or -1 if no flag has that key. */
    public int flagIndex(String flagKey) {
        Integer index = flagIndexByKey.get(flagKey);
        return index == null ? -1 : index;
    }

    /** The flag's index, or -1 if no flag has that id. */
    public int flagIndexById(UUID flagId) {
        return flagIndexById.indexOf(flagId);
    }

    public Optional<Tenant> findTenant(UUID tenantId) {
        int index = tenantIndex(tenantId);
        return index < 0 ? Optional.empty() : Optional.of(tenants.get(index));
    }

    public Optional<FeatureFlag> findFlag(String flagKey) {
        int index = flagIndex(flagKey);
        return index < 0 ? Optional.empty() : Optional.of(flags.get(index));
    }

    public Optional<FeatureFlag> findFlagById(UUID flagId) {
        int index = flagIndexById(flagId);
        return index < 0 ? Optional.empty() : Optional.of(flags.get(index));
    }

    /** Users in the order they were given (the loader sorts them by name). */
    public List<UserProfile> users() {
        return users;
    }

    public Optional<UserProfile> findUser(UUID userId) {
        return Optional.ofNullable(usersById.get(userId));
    }

    /** The {@code tenant_feature_flags} row for a tenant and flag, if any. */
    public Optional<TenantOverride> override(int tenantIndex, int flagIndex) {
        int slot = overrideSlot(tenantIndex, flagIndex);
        return slot < 0 ? Optional.empty()
                : Optional.of(new TenantOverride(tenants.get(tenantIndex).id(), flags.get(flagIndex).id(), overrideValue[slot]));
    }

    /** The value of the {@code release_channel_feature_flags} row for a flag and channel, if any. */
    public Optional<Boolean> channelSetting(int flagIndex, ReleaseChannel channel) {
        byte row = channelRows[channel.ordinal() * flags.size() + flagIndex];
        return row == NO_ROW ? Optional.empty() : Optional.of(row == ROW_ON);
    }

    /** The {@code tenant_feature_access} row for a tenant, user and flag key, if any. */
    public Optional<UserGrant> grant(UUID tenantId, UUID userId, String flagKey) {
        return Optional.ofNullable(grantsByKey.get(new GrantKey(tenantId, userId, flagKey)));
    }

    /**
     * Whether the database has {@code tenant_feature_access}. Without it no user grant can exist, and
     * the UI gate says so rather than pretending to have looked.
     */
    public boolean grantsKnown() {
        return grantsKnown;
    }

    /**
     * Whether the database has a user directory ({@code profiles}). Without one, users are known only
     * by id (from their grants): names, tenant membership and platform-admin status are unknown.
     */
    public boolean userDirectory() {
        return userDirectory;
    }

    /** Every {@code tenant_feature_access} row, enabled or revoked, in no particular order. */
    public java.util.Collection<UserGrant> grants() {
        return java.util.Collections.unmodifiableCollection(grantsByKey.values());
    }

    /** The users holding a grant row (enabled or revoked) in the tenant, by id; for a database without a user directory. */
    public List<UUID> grantHolders(UUID tenantId) {
        return grantsByKey.keySet().stream().filter(k -> k.tenantId().equals(tenantId)).map(GrantKey::userId)
                .distinct().sorted().toList();
    }

    /** How many tenants have an override row for each flag, by flag index; one pass over the overrides. */
    public int[] overrideCountPerFlag() {
        int[] counts = new int[flags.size()];
        for (int flag : overrideFlag) {
            counts[flag]++;
        }
        return counts;
    }

    /** How many override rows the snapshot holds (after dropping orphans). */
    public int overrideCount() {
        return overrideFlag.length;
    }

    /** Overrides and channel rows dropped because their tenant or flag is not in the snapshot. */
    public int ignoredRowCount() {
        return ignoredRowCount;
    }

    /** The slot of the tenant's override for the flag, or a negative number if there is none. */
    int overrideSlot(int tenantIndex, int flagIndex) {
        return Arrays.binarySearch(overrideFlag, overrideStart[tenantIndex], overrideStart[tenantIndex + 1], flagIndex);
    }

    private record GrantKey(UUID tenantId, UUID userId, String flagKey) {
    }
}
