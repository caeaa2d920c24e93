package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.public_.Tables.FEATURE_FLAGS;
import static dev.inspector.persistence.jooq.public_.Tables.RELEASE_CHANNEL_FEATURE_FLAGS;
import static dev.inspector.persistence.jooq.public_.Tables.TENANTS;
import static dev.inspector.persistence.jooq.public_.Tables.TENANT_FEATURE_FLAGS;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.persistence.jooq.public_.tables.FeatureFlags;
import dev.inspector.persistence.jooq.public_.tables.ReleaseChannelFeatureFlags;
import dev.inspector.persistence.jooq.public_.tables.TenantFeatureFlags;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Records;
import org.jooq.impl.DSL;

/**
 * The writes of Release Control on the columns of the reference document only, each recording the
 * row's image before and after in the {@link ChangeLog} of the same transaction.
 *
 * <p>Locking, the same for every write so two consoles can never deadlock each other: first the
 * flag rows (by key), then the rows the write touches in one global order (channel rows by
 * channel, overrides by tenant id), and the before-images are read under those locks. Rows are
 * written update-first and inserted only where none exists, so the console also works on a
 * database without the unique constraints the reference document's {@code ON CONFLICT} assumes.
 */
public final class FlagWrites {

    private static final FeatureFlags F = FEATURE_FLAGS.as("r");
    private static final ReleaseChannelFeatureFlags C = RELEASE_CHANNEL_FEATURE_FLAGS.as("r");
    private static final TenantFeatureFlags O = TENANT_FEATURE_FLAGS.as("r");
    /** The row of the table aliased "r" as the history records it; the grant and tenant writes use it too. */
    static final Field<JSONB> ROW_IMAGE = DSL.field("to_jsonb({0})", JSONB.class, DSL.name("r"));

    private final DSLContext tx;
    private final ChangeLog log;

    public FlagWrites(DSLContext tx, ChangeLog log) {
        this.tx = tx;
        this.log = log;
    }

    public ChangeLog log() {
        return log;
    }

    public DSLContext tx() {
        return tx;
    }

    // --- feature_flags ------------------------------------------------------------------------

    /**
     * Locks the flag's row. NO KEY UPDATE: it excludes every other console write of the flag but not
     * the foreign-key checks of other sessions inserting rows that reference it.
     */
    public Optional<FeatureFlag> lockFlag(String key) {
        return tx.select(F.ID, F.KEY, F.NAME, F.DESCRIPTION, F.DEFAULT_ENABLED, F.IS_KILLSWITCH)
                .from(F).where(F.KEY.eq(key)).forNoKeyUpdate()
                .fetchOptional(Records.mapping(FeatureFlag::new));
    }

    /** Locks several flags in key order, the one order every write uses; key → flag for those that exist. */
    public Map<String, FeatureFlag> lockFlags(Collection<String> keys) {
        Map<String, FeatureFlag> locked = new LinkedHashMap<>();
        tx.select(F.ID, F.KEY, F.NAME, F.DESCRIPTION, F.DEFAULT_ENABLED, F.IS_KILLSWITCH)
                .from(F).where(F.KEY.in(keys)).orderBy(F.KEY).forNoKeyUpdate()
                .fetch(Records.mapping(FeatureFlag::new))
                .forEach(flag -> locked.put(flag.key(), flag));
        return locked;
    }

    public FeatureFlag insertFlag(UUID id, String key, String name, String description) {
        tx.insertInto(FEATURE_FLAGS, FEATURE_FLAGS.ID, FEATURE_FLAGS.KEY, FEATURE_FLAGS.NAME, FEATURE_FLAGS.DESCRIPTION,
                        FEATURE_FLAGS.DEFAULT_ENABLED, FEATURE_FLAGS.IS_KILLSWITCH)
                .values(id, key, name, description, false, false)
                .execute();
        log.row("feature_flags", key, key, null, null, null, flagImage(id));
        return new FeatureFlag(id, key, name, description, false, false);
    }

    /** Writes the columns of the flag's definition the console edits; the caller holds the flag's lock. */
    public void updateFlag(FeatureFlag before, FeatureFlag after) {
        String beforeImage = flagImage(before.id());
        tx.update(FEATURE_FLAGS)
                .set(FEATURE_FLAGS.NAME, after.name())
                .set(FEATURE_FLAGS.DESCRIPTION, after.description())
                .set(FEATURE_FLAGS.DEFAULT_ENABLED, after.defaultEnabled())
                .set(FEATURE_FLAGS.IS_KILLSWITCH, after.killswitch())
                .where(FEATURE_FLAGS.ID.eq(before.id()))
                .execute();
        log.row("feature_flags", before.key(), before.key(), null, null, beforeImage, flagImage(before.id()));
    }

    private String flagImage(UUID id) {
        return text(tx.select(ROW_IMAGE).from(F).where(F.ID.eq(id)).fetchOne(ROW_IMAGE));
    }

    // --- release_channel_feature_flags --------------------------------------------------------

    /** The flag's channel rows the process knows, locked in channel order. */
    public Map<ReleaseChannel, Boolean> lockChannels(UUID flagId) {
        Map<ReleaseChannel, Boolean> rows = new EnumMap<>(ReleaseChannel.class);
        tx.select(C.RELEASE_CHANNEL, C.ENABLED).from(C).where(C.FEATURE_FLAG_ID.eq(flagId))
                .orderBy(C.RELEASE_CHANNEL).forNoKeyUpdate()
                .forEach(r -> ReleaseChannel.fromDb(r.value1()).ifPresent(ch -> rows.put(ch, r.value2())));
        return rows;
    }

    /** Sets the channel row, or removes it when {@code enabled} is empty; the caller holds the flag's lock. */
    public void setChannel(FeatureFlag flag, ReleaseChannel channel, Optional<Boolean> enabled) {
        String before = channelImage(flag.id(), channel.dbValue());
        var where = RELEASE_CHANNEL_FEATURE_FLAGS.FEATURE_FLAG_ID.eq(flag.id())
                .and(RELEASE_CHANNEL_FEATURE_FLAGS.RELEASE_CHANNEL.eq(channel.dbValue()));
        if (enabled.isPresent()) {
            int updated = tx.update(RELEASE_CHANNEL_FEATURE_FLAGS)
                    .set(RELEASE_CHANNEL_FEATURE_FLAGS.ENABLED, enabled.get()).where(where).execute();
            if (updated == 0) {
                tx.insertInto(RELEASE_CHANNEL_FEATURE_FLAGS, RELEASE_CHANNEL_FEATURE_FLAGS.FEATURE_FLAG_ID,
                                RELEASE_CHANNEL_FEATURE_FLAGS.RELEASE_CHANNEL, RELEASE_CHANNEL_FEATURE_FLAGS.ENABLED)
                        .values(flag.id(), channel.dbValue(), enabled.get())
                        .execute();
            }
        } else {
            tx.deleteFrom(RELEASE_CHANNEL_FEATURE_FLAGS).where(where).execute();
        }
        log.row("release_channel_feature_flags", flag.key() + "/" + channel.dbValue(), flag.key(), null, null, before,
                channelImage(flag.id(), channel.dbValue()));
    }

    /**
     * The process's rollback option 2, as its SQL does it: every row of the flag that is on is
     * switched off, whatever channel it names. Returns how many rows changed.
     */
    public int channelsOff(FeatureFlag flag) {
        Map<String, String> before = new LinkedHashMap<>();
        tx.select(C.RELEASE_CHANNEL, ROW_IMAGE).from(C)
                .where(C.FEATURE_FLAG_ID.eq(flag.id())).and(C.ENABLED.isTrue())
                .orderBy(C.RELEASE_CHANNEL).forNoKeyUpdate()
                .forEach(r -> before.put(r.value1(), text(r.value2())));
        if (before.isEmpty()) {
            return 0;
        }
        tx.update(RELEASE_CHANNEL_FEATURE_FLAGS).set(RELEASE_CHANNEL_FEATURE_FLAGS.ENABLED, false)
                .where(RELEASE_CHANNEL_FEATURE_FLAGS.FEATURE_FLAG_ID.eq(flag.id()))
                .and(RELEASE_CHANNEL_FEATURE_FLAGS.RELEASE_CHANNEL.in(before.keySet()))
                .execute();
        before.forEach((channel, image) -> log.row("release_channel_feature_flags", flag.key() + "/" + channel,
                flag.key(), null, null, image, channelImage(flag.id(), channel)));
        return before.size();
    }

    private String channelImage(UUID flagId, String channel) {
        return text(tx.select(ROW_IMAGE).from(C)
                .where(C.FEATURE_FLAG_ID.eq(flagId)).and(C.RELEASE_CHANNEL.eq(channel))
                .fetchOne(ROW_IMAGE));
    }

    // --- tenant_feature_flags -----------------------------------------------------------------

    /** Every override of the flag, locked in tenant order: tenant id → enabled. */
    public Map<UUID, Boolean> lockOverrides(UUID flagId) {
        Map<UUID, Boolean> rows = new LinkedHashMap<>();
        tx.select(O.TENANT_ID, O.ENABLED).from(O).where(O.FEATURE_FLAG_ID.eq(flagId))
                .orderBy(O.TENANT_ID).forNoKeyUpdate()
                .forEach(r -> rows.put(r.value1(), r.value2()));
        return rows;
    }

    /** Sets the override of one tenant, or clears it when {@code enabled} is empty; the caller holds the locks. */
    public void setOverride(FeatureFlag flag, UUID tenantId, Optional<Boolean> enabled) {
        String before = overrideImage(tenantId, flag.id());
        var where = TENANT_FEATURE_FLAGS.TENANT_ID.eq(tenantId).and(TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID.eq(flag.id()));
        if (enabled.isPresent()) {
            int updated = tx.update(TENANT_FEATURE_FLAGS).set(TENANT_FEATURE_FLAGS.ENABLED, enabled.get())
                    .where(where).execute();
            if (updated == 0) {
                tx.insertInto(TENANT_FEATURE_FLAGS, TENANT_FEATURE_FLAGS.TENANT_ID, TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID,
                                TENANT_FEATURE_FLAGS.ENABLED)
                        .values(tenantId, flag.id(), enabled.get())
                        .execute();
            }
        } else {
            tx.deleteFrom(TENANT_FEATURE_FLAGS).where(where).execute();
        }
        log.row("tenant_feature_flags", tenantId + "/" + flag.key(), flag.key(), tenantId, null, before,
                overrideImage(tenantId, flag.id()));
    }

    /**
     * The process's rollback option 3: every tenant's override set to {@code enabled}, set-based
     * whatever the number of tenants. Only rows that change are written and recorded; returns how many.
     */
    public int overrideEveryTenant(FeatureFlag flag, boolean enabled) {
        Map<UUID, String> before = new LinkedHashMap<>();
        tx.select(O.TENANT_ID, ROW_IMAGE).from(O)
                .where(O.FEATURE_FLAG_ID.eq(flag.id())).and(O.ENABLED.isDistinctFrom(enabled))
                .orderBy(O.TENANT_ID).forNoKeyUpdate()
                .forEach(r -> before.put(r.value1(), text(r.value2())));
        tx.update(TENANT_FEATURE_FLAGS).set(TENANT_FEATURE_FLAGS.ENABLED, enabled)
                .where(TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID.eq(flag.id()))
                .and(TENANT_FEATURE_FLAGS.ENABLED.isDistinctFrom(enabled))
                .execute();
        List<UUID> inserted = tx.insertInto(TENANT_FEATURE_FLAGS, TENANT_FEATURE_FLAGS.TENANT_ID,
                        TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID, TENANT_FEATURE_FLAGS.ENABLED)
                .select(DSL.select(TENANTS.ID, DSL.val(flag.id()), DSL.val(enabled)).from(TENANTS)
                        .whereNotExists(DSL.selectOne().from(O)
                                .where(O.TENANT_ID.eq(TENANTS.ID)).and(O.FEATURE_FLAG_ID.eq(flag.id())))
                        .orderBy(TENANTS.ID))
                .returningResult(TENANT_FEATURE_FLAGS.TENANT_ID)
                .fetch(TENANT_FEATURE_FLAGS.TENANT_ID);
        if (before.isEmpty() && inserted.isEmpty()) {
            return 0;
        }
        Map<UUID, String> after = new LinkedHashMap<>();
        tx.select(O.TENANT_ID, ROW_IMAGE).from(O).where(O.FEATURE_FLAG_ID.eq(flag.id()))
                .orderBy(O.TENANT_ID)
                .forEach(r -> after.put(r.value1(), text(r.value2())));
        before.forEach((tenant, image) -> log.row("tenant_feature_flags", tenant + "/" + flag.key(), flag.key(),
                tenant, null, image, after.get(tenant)));
        inserted.forEach(tenant -> log.row("tenant_feature_flags", tenant + "/" + flag.key(), flag.key(), tenant,
                null, null, after.get(tenant)));
        return before.size() + inserted.size();
    }

    private String overrideImage(UUID tenantId, UUID flagId) {
        return text(tx.select(ROW_IMAGE).from(O)
                .where(O.TENANT_ID.eq(tenantId)).and(O.FEATURE_FLAG_ID.eq(flagId))
                .fetchOne(ROW_IMAGE));
    }

    static String text(JSONB json) {
        return json == null ? null : json.data();
    }
}
