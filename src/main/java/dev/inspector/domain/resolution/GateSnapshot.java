package dev.inspector.domain.resolution;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.KillswitchState;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.UserGrant;
import dev.inspector.domain.UserProfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    /**
     * Tenant id → index, open addressing with linear probing over primitive arrays: slot i holds
     * the id's two halves and the tenant index, or index -1 when empty. A by-id evaluation is one
     * or two probes into these arrays, without a HashMap node, a boxed Integer or a UUID object to
     * chase (at 10,000 tenants those were cache misses on every call).
     */
    private final long[] tenantSlotHigh;
    private final long[] tenantSlotLow;
    private final int[] tenantSlotIndex;
    private final int tenantSlotMask;
    private final Map<String, Integer> flagIndexByKey;
    private final Map<UUID, Integer> flagIndexById;
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
    private final TenantOverride[] overrideRow;

    private GateSnapshot(List<Tenant> tenantRows, List<FeatureFlag> flagRows, List<ChannelSetting> channelSettings,
                         List<TenantOverride> overrides, List<UserGrant> grants, List<UserProfile> users,
                         boolean grantsKnown, boolean userDirectory) {
        this.grantsKnown = grantsKnown;
        this.userDirectory = userDirectory;
        this.tenants = List.copyOf(tenantRows);
        this.flags = List.copyOf(flagRows);
        int tenantCount = tenants.size();
        int flagCount = flags.size();
        int ignored = 0;

        int slots = Integer.highestOneBit(Math.max(2, tenantCount) * 2 - 1) << 1; // a power of two ≥ 2 × count
        tenantSlotHigh = new long[slots];
        tenantSlotLow = new long[slots];
        tenantSlotIndex = new int[slots];
        tenantSlotMask = slots - 1;
        Arrays.fill(tenantSlotIndex, -1);
        tenantChannel = new byte[tenantCount];
        for (int t = 0; t < tenantCount; t++) {
            Tenant tenant = tenants.get(t);
            long high = tenant.id().getMostSignificantBits();
            long low = tenant.id().getLeastSignificantBits();
            int slot = tenantSlot(high, low);
            while (tenantSlotIndex[slot] >= 0) {
                if (tenantSlotHigh[slot] == high && tenantSlotLow[slot] == low) {
                    unique(t, "tenant id", tenant.id());
                }
                slot = (slot + 1) & tenantSlotMask;
            }
            tenantSlotHigh[slot] = high;
            tenantSlotLow[slot] = low;
            tenantSlotIndex[slot] = t;
            tenantChannel[t] = tenant.channel().map(c -> (byte) c.ordinal()).orElse(NO_CHANNEL);
        }

        flagIndexByKey = new HashMap<>(flagCount * 2);
        flagIndexById = new HashMap<>(flagCount * 2);
        flagDefault = new boolean[flagCount];
        killswitchTripped = new boolean[flagCount];
        for (int f = 0; f < flagCount; f++) {
            FeatureFlag flag = flags.get(f);
            unique(flagIndexByKey.put(flag.key(), f), "flag key", flag.key());
            unique(flagIndexById.put(flag.id(), f), "flag id", flag.id());
            flagDefault[f] = flag.defaultEnabled();
            killswitchTripped[f] = flag.killswitchState() == KillswitchState.TRIPPED;
        }

        channelRows = new byte[ReleaseChannel.values().length * flagCount];
        for (ChannelSetting setting : channelSettings) {
            Integer f = flagIndexById.get(setting.flagId());
            if (f == null) {
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

        // Counting sort by tenant, then a sort by flag inside each tenant's segment.
        List<TenantOverride> kept = new ArrayList<>(overrides.size());
        int[] tenantOfKept = new int[overrides.size()];
        int[] flagOfKept = new int[overrides.size()];
        overrideStart = new int[tenantCount + 1];
        for (TenantOverride override : overrides) {
            int t = tenantIndex(override.tenantId());
            Integer f = flagIndexById.get(override.flagId());
            if (t < 0 || f == null) {
                ignored++;
                continue;
            }
            tenantOfKept[kept.size()] = t;
            flagOfKept[kept.size()] = f;
            kept.add(override);
            overrideStart[t + 1]++;
        }
        for (int t = 0; t < tenantCount; t++) {
            overrideStart[t + 1] += overrideStart[t];
        }
        int[] fill = Arrays.copyOf(overrideStart, tenantCount);
        long[] flagAndPosition = new long[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            flagAndPosition[fill[tenantOfKept[i]]++] = (long) flagOfKept[i] << 32 | i;
        }
        overrideFlag = new int[kept.size()];
        overrideValue = new boolean[kept.size()];
        overrideRow = new TenantOverride[kept.size()];
        for (int t = 0; t < tenantCount; t++) {
            Arrays.sort(flagAndPosition, overrideStart[t], overrideStart[t + 1]);
        }
        for (int k = 0; k < kept.size(); k++) {
            int position = (int) flagAndPosition[k];
            overrideFlag[k] = (int) (flagAndPosition[k] >>> 32);
            overrideRow[k] = kept.get(position);
            overrideValue[k] = overrideRow[k].enabled();
            if (k > 0 && overrideFlag[k] == overrideFlag[k - 1] && k != overrideStart[tenantOfKept[position]]) {
                throw new IllegalArgumentException("two overrides for tenant " + overrideRow[k].tenantId()
                        + " and flag " + overrideRow[k].flagId());
            }
        }

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
        return new GateSnapshot(tenants, flags, channelSettings, overrides, grants, users, true, true);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first slot to probe: the id's bits mixed (Fibonacci hashing), so sequential ids spread too. */
    private int tenantSlot(long high, long low) {
        return (int) ((high * 0x9E3779B97F4A7C15L ^ low) * 0x9E3779B97F4A7C15L >>> 32) & tenantSlotMask;
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
        if (tenantId == null) {
            return -1;
        }
        long high = tenantId.getMostSignificantBits();
        long low = tenantId.getLeastSignificantBits();
        for (int slot = tenantSlot(high, low); ; slot = (slot + 1) & tenantSlotMask) {
            int index = tenantSlotIndex[slot];
            if (index < 0 || tenantSlotHigh[slot] == high && tenantSlotLow[slot] == low) {
                return index;
            }
        }
    }

    /** The flag's index, or -1 if no flag has that key. */
    public int flagIndex(String flagKey) {
        Integer index = flagIndexByKey.get(flagKey);
        return index == null ? -1 : index;
    }

    /** The flag's index, or -1 if no flag has that id. */
    public int flagIndexById(UUID flagId) {
        Integer index = flagIndexById.get(flagId);
        return index == null ? -1 : index;
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
        return slot < 0 ? Optional.empty() : Optional.of(overrideRow[slot]);
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

    /** Collects rows one by one; convenient when rows come from several queries or from tests. */
    public static final class Builder {
        private final List<Tenant> tenants = new ArrayList<>();
        private final List<FeatureFlag> flags = new ArrayList<>();
        private final List<ChannelSetting> channelSettings = new ArrayList<>();
        private final List<TenantOverride> overrides = new ArrayList<>();
        private final List<UserGrant> grants = new ArrayList<>();
        private final List<UserProfile> users = new ArrayList<>();
        private boolean grantsKnown = true;
        private boolean userDirectory = true;

        private Builder() {
        }

        public Builder tenants(List<Tenant> rows) {
            rows.forEach(this::tenant);
            return this;
        }

        public Builder flags(List<FeatureFlag> rows) {
            rows.forEach(this::flag);
            return this;
        }

        public Builder channelSettings(List<ChannelSetting> rows) {
            rows.forEach(this::channelSetting);
            return this;
        }

        public Builder overrides(List<TenantOverride> rows) {
            rows.forEach(this::override);
            return this;
        }

        public Builder grants(List<UserGrant> rows) {
            rows.forEach(this::grant);
            return this;
        }

        public Builder users(List<UserProfile> rows) {
            rows.forEach(this::user);
            return this;
        }

        /** Which optional tables the rows came from: tenant_feature_access and profiles. */
        public Builder sources(boolean grantsTable, boolean profilesTable) {
            this.grantsKnown = grantsTable;
            this.userDirectory = profilesTable;
            return this;
        }

        public Builder tenant(Tenant tenant) {
            tenants.add(Objects.requireNonNull(tenant));
            return this;
        }

        public Builder flag(FeatureFlag flag) {
            flags.add(Objects.requireNonNull(flag));
            return this;
        }

        public Builder channelSetting(ChannelSetting setting) {
            channelSettings.add(Objects.requireNonNull(setting));
            return this;
        }

        public Builder override(TenantOverride override) {
            overrides.add(Objects.requireNonNull(override));
            return this;
        }

        public Builder grant(UserGrant grant) {
            grants.add(Objects.requireNonNull(grant));
            return this;
        }

        public Builder user(UserProfile user) {
            users.add(Objects.requireNonNull(user));
            return this;
        }

        public GateSnapshot build() {
            return new GateSnapshot(tenants, flags, channelSettings, overrides, grants, users, grantsKnown, userDirectory);
        }
    }
}
