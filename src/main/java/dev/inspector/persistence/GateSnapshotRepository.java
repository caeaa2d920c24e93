package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.public_.Tables.FEATURE_FLAGS;
import static dev.inspector.persistence.jooq.public_.Tables.PROFILES;
import static dev.inspector.persistence.jooq.public_.Tables.RELEASE_CHANNEL_FEATURE_FLAGS;
import static dev.inspector.persistence.jooq.public_.Tables.TENANTS;
import static dev.inspector.persistence.jooq.public_.Tables.TENANT_FEATURE_ACCESS;
import static dev.inspector.persistence.jooq.public_.Tables.TENANT_FEATURE_FLAGS;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.UserGrant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.OverrideRows;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;

/**
 * Loads everything the gates read, inside one read-only repeatable-read transaction, so the
 * snapshot is consistent however many tenants and flags there are. The server gate's four tables
 * are required; {@code tenant_feature_access} (user grants) and {@code profiles} (the user
 * directory) are read only where they exist, and the snapshot says which were there.
 */
public final class GateSnapshotRepository {

    private final DSLContext dsl;
    private final boolean grantsTable;
    private final boolean userDirectory;

    /** A database with every gate table, user grants and profiles included. */
    public GateSnapshotRepository(DSLContext dsl) {
        this(dsl, true, true);
    }

    /** @param grantsTable whether tenant_feature_access exists; @param userDirectory whether profiles does */
    public GateSnapshotRepository(DSLContext dsl, boolean grantsTable, boolean userDirectory) {
        this.dsl = dsl;
        this.grantsTable = grantsTable;
        this.userDirectory = userDirectory;
    }

    public GateSnapshot load() {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            return read(tx, grantsTable, userDirectory);
        });
    }

    /** Reads every gate table on the caller's transaction, through whatever render mapping its context has. */
    static GateSnapshot read(DSLContext tx, boolean grantsTable, boolean userDirectory) {
        List<Tenant> tenants = tenants(tx, DSL.noCondition());
        List<FeatureFlag> flags = flags(tx, DSL.noCondition());
        List<ChannelSetting> channels = channels(tx, DSL.noCondition());
        // The one big table (millions of rows): read past jOOQ's records and JDBC's result sets, see OverrideCopy.
        String overrideQuery = tx.render(tx.select(TENANT_FEATURE_FLAGS.TENANT_ID,
                        TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID, TENANT_FEATURE_FLAGS.ENABLED)
                .from(TENANT_FEATURE_FLAGS));
        List<UserGrant> grants = grantsTable
                ? tx.select(TENANT_FEATURE_ACCESS.TENANT_ID, TENANT_FEATURE_ACCESS.USER_ID,
                                TENANT_FEATURE_ACCESS.FEATURE_KEY, TENANT_FEATURE_ACCESS.IS_ENABLED)
                        .from(TENANT_FEATURE_ACCESS)
                        .fetch(Records.mapping(UserGrant::new))
                : List.of();
        List<UserProfile> users = userDirectory
                ? tx.select(PROFILES.ID, PROFILES.TENANT_ID, PROFILES.FULL_NAME, PROFILES.EMAIL,
                                PROFILES.IS_PLATFORM_ADMIN)
                        .from(PROFILES).orderBy(PROFILES.FULL_NAME)
                        .fetch(Records.mapping(UserProfile::new))
                : List.of();
        // built here, inside the transaction: the overrides stream from the cursor into the snapshot's arrays
        return GateSnapshot.builder().tenants(tenants).flags(flags).channelSettings(channels)
                .overrideRows(sink -> tx.connection(c -> OverrideCopy.stream(c, overrideQuery, sink)))
                .grants(grants).users(users)
                .sources(grantsTable, userDirectory).build();
    }

    /**
     * The server-gate tables for one flag, read on the caller's transaction (which holds the flag's
     * lock): every tenant, the flag, its channel rows and its overrides.
     */
    public static GateSnapshot loadFlag(DSLContext tx, FeatureFlag flag) {
        List<TenantOverride> overrides = tx.select(TENANT_FEATURE_FLAGS.TENANT_ID, TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID,
                        TENANT_FEATURE_FLAGS.ENABLED)
                .from(TENANT_FEATURE_FLAGS).where(TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID.eq(flag.id()))
                .fetch(Records.mapping(TenantOverride::new));
        return GateSnapshot.builder().tenants(tenants(tx, DSL.noCondition())).flags(List.of(flag))
                .channelSettings(channels(tx, RELEASE_CHANNEL_FEATURE_FLAGS.FEATURE_FLAG_ID.eq(flag.id())))
                .overrides(overrides).sources(false, false).build();
    }

    /**
     * The tenants {@code where} keeps, by name. Read past jOOQ's records like the overrides: at
     * 100,000 tenants a record and a mapping per row were a quarter of a second of a command's start.
     */
    static List<Tenant> tenants(DSLContext tx, Condition where) {
        var query = tx.select(TENANTS.ID, TENANTS.NAME, TENANTS.RELEASE_CHANNEL)
                .from(TENANTS).where(where).orderBy(TENANTS.NAME, TENANTS.ID);
        String sql = tx.render(query);
        List<Object> binds = query.getBindValues();
        return tx.connectionResult(c -> {
            try (java.sql.PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < binds.size(); i++) {
                    statement.setObject(i + 1, binds.get(i));
                }
                try (java.sql.ResultSet rows = statement.executeQuery()) {
                    List<Tenant> tenants = new ArrayList<>();
                    while (rows.next()) {
                        tenants.add(new Tenant(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3)));
                    }
                    return tenants;
                }
            }
        });
    }

    /** The flags {@code where} keeps, by key. */
    static List<FeatureFlag> flags(DSLContext tx, Condition where) {
        return tx.select(FEATURE_FLAGS.ID, FEATURE_FLAGS.KEY, FEATURE_FLAGS.NAME,
                        FEATURE_FLAGS.DESCRIPTION, FEATURE_FLAGS.DEFAULT_ENABLED, FEATURE_FLAGS.IS_KILLSWITCH)
                .from(FEATURE_FLAGS).where(where).orderBy(FEATURE_FLAGS.KEY)
                .fetch(Records.mapping(FeatureFlag::new));
    }

    static List<ChannelSetting> channels(DSLContext tx, Condition where) {
        List<ChannelSetting> channels = new ArrayList<>();
        tx.select(RELEASE_CHANNEL_FEATURE_FLAGS.FEATURE_FLAG_ID, RELEASE_CHANNEL_FEATURE_FLAGS.RELEASE_CHANNEL,
                        RELEASE_CHANNEL_FEATURE_FLAGS.ENABLED)
                .from(RELEASE_CHANNEL_FEATURE_FLAGS).where(where)
                // rows for channels the process does not know can never match a tenant the engine knows
                .forEach(r -> ReleaseChannel.fromDb(r.value2())
                        .ifPresent(ch -> channels.add(new ChannelSetting(r.value1(), ch, r.value3()))));
        return channels;
    }

    /** One row of inspector.effective_feature_flags(). */
    public record EffectiveRow(UUID tenantId, String tenantName, String releaseChannel,
                               UUID flagId, String flagKey, boolean enabled, String decidedBy) {
    }

    /** The database's own answer, from the function the console installs in its schema. */
    public List<EffectiveRow> effectiveFromDatabase() {
        return dsl.select(
                        DSL.field(DSL.name("tenant_id"), UUID.class),
                        DSL.field(DSL.name("tenant_name"), String.class),
                        DSL.field(DSL.name("release_channel"), String.class),
                        DSL.field(DSL.name("feature_flag_id"), UUID.class),
                        DSL.field(DSL.name("feature_key"), String.class),
                        DSL.field(DSL.name("enabled"), Boolean.class),
                        DSL.field(DSL.name("decided_by"), String.class))
                .from(DSL.table("inspector.effective_feature_flags()"))
                .fetch(Records.mapping(EffectiveRow::new));
    }
}
