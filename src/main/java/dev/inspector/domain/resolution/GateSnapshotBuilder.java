package dev.inspector.domain.resolution;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.UserGrant;
import dev.inspector.domain.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collects rows one by one; convenient when rows come from several queries or from tests. */
public final class GateSnapshotBuilder {
    private final List<Tenant> tenants = new ArrayList<>();
    private final List<FeatureFlag> flags = new ArrayList<>();
    private final List<ChannelSetting> channelSettings = new ArrayList<>();
    private final List<TenantOverride> overrides = new ArrayList<>();
    private final List<UserGrant> grants = new ArrayList<>();
    private final List<UserProfile> users = new ArrayList<>();
    private boolean grantsKnown = true;
    private boolean userDirectory = true;
    private OverrideRows streamed;

    GateSnapshotBuilder() {
    }

    public GateSnapshotBuilder tenants(List<Tenant> rows) {
        rows.forEach(this::tenant);
        return this;
    }

    public GateSnapshotBuilder flags(List<FeatureFlag> rows) {
        rows.forEach(this::flag);
        return this;
    }

    public GateSnapshotBuilder channelSettings(List<ChannelSetting> rows) {
        rows.forEach(this::channelSetting);
        return this;
    }

    public GateSnapshotBuilder overrides(List<TenantOverride> rows) {
        rows.forEach(this::override);
        return this;
    }

    public GateSnapshotBuilder grants(List<UserGrant> rows) {
        rows.forEach(this::grant);
        return this;
    }

    public GateSnapshotBuilder users(List<UserProfile> rows) {
        rows.forEach(this::user);
        return this;
    }

    /** Which optional tables the rows came from: tenant_feature_access and profiles. */
    public GateSnapshotBuilder sources(boolean grantsTable, boolean profilesTable) {
        this.grantsKnown = grantsTable;
        this.userDirectory = profilesTable;
        return this;
    }

    public GateSnapshotBuilder tenant(Tenant tenant) {
        tenants.add(Objects.requireNonNull(tenant));
        return this;
    }

    public GateSnapshotBuilder flag(FeatureFlag flag) {
        flags.add(Objects.requireNonNull(flag));
        return this;
    }

    public GateSnapshotBuilder channelSetting(ChannelSetting setting) {
        channelSettings.add(Objects.requireNonNull(setting));
        return this;
    }

    public GateSnapshotBuilder override(TenantOverride override) {
        overrides.add(Objects.requireNonNull(override));
        return this;
    }

    /**
     * Override rows streamed while the snapshot is built (after the tenants and flags, which they
     * are resolved against), besides any given one by one: the way to load millions of them.
     */
    public GateSnapshotBuilder overrideRows(OverrideRows rows) {
        this.streamed = Objects.requireNonNull(rows);
        return this;
    }

    public GateSnapshotBuilder grant(UserGrant grant) {
        grants.add(Objects.requireNonNull(grant));
        return this;
    }

    public GateSnapshotBuilder user(UserProfile user) {
        users.add(Objects.requireNonNull(user));
        return this;
    }

    public GateSnapshot build() {
        OverrideRows given = GateSnapshot.rowsOf(overrides);
        OverrideRows all = streamed == null ? given : sink -> {
            given.forEach(sink);
            streamed.forEach(sink);
        };
        return GateSnapshot.build(tenants, flags, channelSettings, all, grants, users, grantsKnown, userDirectory);
    }
}
