package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.public_.Tables.FEATURE_FLAGS;
import static dev.inspector.persistence.jooq.public_.Tables.RELEASE_CHANNEL_FEATURE_FLAGS;
import static dev.inspector.persistence.jooq.public_.Tables.TENANTS;
import static dev.inspector.persistence.jooq.public_.Tables.TENANT_FEATURE_FLAGS;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.persistence.jooq.public_.tables.FeatureFlags;
import dev.inspector.persistence.jooq.public_.tables.ReleaseChannelFeatureFlags;
import dev.inspector.persistence.jooq.public_.tables.TenantFeatureFlags;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
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
 * The writes of Release Control, each recording the row's JSON image before and after in the
 * {@link ChangeLog} of the same transaction. Reads here lock the rows they return (FOR UPDATE), so
 * what a caller compares with the admin's view cannot change before the write.
 */
public final class FlagWrites {

    private static final FeatureFlags F = FEATURE_FLAGS.as("r");
    private static final ReleaseChannelFeatureFlags C = RELEASE_CHANNEL_FEATURE_FLAGS.as("r");
    private static final TenantFeatureFlags O = TENANT_FEATURE_FLAGS.as("r");
    private static final Field<JSONB> ROW_IMAGE = DSL.field("to_jsonb({0})", JSONB.class, DSL.name("r"));

    private final DSLContext tx;
    private final ChangeLog log;

    public FlagWrites(DSLContext tx, ChangeLog log) {
        this.tx = tx;
        this.log = log;
    }

    public ChangeLog log() {
        return log;
    }

    // --- feature_flags ------------------------------------------------------------------------

    public Optional<FeatureFlag> lockFlag(String key) {
        return tx.select(F.ID, F.KEY, F.NAME, F.DESCRIPTION, F.DEFAULT_ENABLED, F.IS_KILLSWITCH)
                .from(F).where(F.KEY.eq(key)).forUpdate()
                .fetchOptional(Records.mapping(FeatureFlag::new));
    }

    public FeatureFlag insertFlag(UUID id, String key, String name, String description) {
        tx.insertInto(FEATURE_FLAGS, FEATURE_FLAGS.ID, FEATURE_FLAGS.KEY, FEATURE_FLAGS.NAME, FEATURE_FLAGS.DESCRIPTION,
                        FEATURE_FLAGS.DEFAULT_ENABLED, FEATURE_FLAGS.IS_KILLSWITCH)
                .values(id, key, name, description, false, false)
                .execute();
        log.row("feature_flags", key, null, flagImage(key));
        return new FeatureFlag(id, key, name, description, false, false);
    }

    /** Writes every column of the flag's definition the console edits. */
    public void updateFlag(FeatureFlag before, FeatureFlag after) {
        String beforeImage = flagImage(before.key());
        tx.update(FEATURE_FLAGS)
                .set(FEATURE_FLAGS.NAME, after.name())
                .set(FEATURE_FLAGS.DESCRIPTION, after.description())
                .set(FEATURE_FLAGS.DEFAULT_ENABLED, after.defaultEnabled())
                .set(FEATURE_FLAGS.IS_KILLSWITCH, after.killswitch())
                .set(FEATURE_FLAGS.UPDATED_AT, OffsetDateTime.now())
                .where(FEATURE_FLAGS.ID.eq(before.id()))
                .execute();
        log.row("feature_flags", before.key(), beforeImage, flagImage(before.key()));
    }

    private String flagImage(String key) {
        return text(tx.select(ROW_IMAGE).from(F).where(F.KEY.eq(key)).fetchOne(ROW_IMAGE));
    }

    // --- release_channel_feature_flags --------------------------------------------------------

    public Map<ReleaseChannel, Boolean> lockChannels(UUID flagId) {
        Map<ReleaseChannel, Boolean> rows = new EnumMap<>(ReleaseChannel.class);
        tx.select(C.RELEASE_CHANNEL, C.ENABLED).from(C).where(C.FEATURE_FLAG_ID.eq(flagId)).forUpdate()
                .forEach(r -> ReleaseChannel.fromDb(r.value1()).ifPresent(ch -> rows.put(ch, r.value2())));
        return rows;
    }

    /** Sets the channel row, or removes it when {@code enabled} is empty. */
    public void setChannel(FeatureFlag flag, ReleaseChannel channel, Optional<Boolean> enabled) {
        String before = channelImage(flag.id(), channel);
        if (enabled.isPresent()) {
            tx.insertInto(RELEASE_CHANNEL_FEATURE_FLAGS, RELEASE_CHANNEL_FEATURE_FLAGS.FEATURE_FLAG_ID,
                            RELEASE_CHANNEL_FEATURE_FLAGS.RELEASE_CHANNEL, RELEASE_CHANNEL_FEATURE_FLAGS.ENABLED)
                    .values(flag.id(), channel.dbValue(), enabled.get())
                    .onConflict(RELEASE_CHANNEL_FEATURE_FLAGS.FEATURE_FLAG_ID, RELEASE_CHANNEL_FEATURE_FLAGS.RELEASE_CHANNEL)
                    .doUpdate()
                    .set(RELEASE_CHANNEL_FEATURE_FLAGS.ENABLED, enabled.get())
                    .set(RELEASE_CHANNEL_FEATURE_FLAGS.UPDATED_AT, OffsetDateTime.now())
                    .execute();
        } else {
            tx.deleteFrom(RELEASE_CHANNEL_FEATURE_FLAGS)
                    .where(RELEASE_CHANNEL_FEATURE_FLAGS.FEATURE_FLAG_ID.eq(flag.id()))
                    .and(RELEASE_CHANNEL_FEATURE_FLAGS.RELEASE_CHANNEL.eq(channel.dbValue()))
                    .execute();
        }
        log.row("release_channel_feature_flags", flag.key() + "/" + channel.dbValue(), before,
                channelImage(flag.id(), channel));
    }

    private String channelImage(UUID flagId, ReleaseChannel channel) {
        return text(tx.select(ROW_IMAGE).from(C)
                .where(C.FEATURE_FLAG_ID.eq(flagId)).and(C.RELEASE_CHANNEL.eq(channel.dbValue()))
                .fetchOne(ROW_IMAGE));
    }

    // --- tenant_feature_flags -----------------------------------------------------------------

    /** Every override of the flag, locked: tenant id → enabled. */
    public Map<UUID, Boolean> lockOverrides(UUID flagId) {
        Map<UUID, Boolean> rows = new HashMap<>();
        tx.select(O.TENANT_ID, O.ENABLED).from(O).where(O.FEATURE_FLAG_ID.eq(flagId)).forUpdate()
                .forEach(r -> rows.put(r.value1(), r.value2()));
        return rows;
    }

    /** Sets the override of one tenant, or clears it when {@code enabled} is empty. */
    public void setOverride(FeatureFlag flag, UUID tenantId, Optional<Boolean> enabled) {
        String before = overrideImage(tenantId, flag.id());
        if (enabled.isPresent()) {
            tx.insertInto(TENANT_FEATURE_FLAGS, TENANT_FEATURE_FLAGS.TENANT_ID, TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID,
                            TENANT_FEATURE_FLAGS.ENABLED)
                    .values(tenantId, flag.id(), enabled.get())
                    .onConflict(TENANT_FEATURE_FLAGS.TENANT_ID, TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID)
                    .doUpdate()
                    .set(TENANT_FEATURE_FLAGS.ENABLED, enabled.get())
                    .set(TENANT_FEATURE_FLAGS.UPDATED_AT, OffsetDateTime.now())
                    .execute();
        } else {
            tx.deleteFrom(TENANT_FEATURE_FLAGS)
                    .where(TENANT_FEATURE_FLAGS.TENANT_ID.eq(tenantId))
                    .and(TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID.eq(flag.id()))
                    .execute();
        }
        log.row("tenant_feature_flags", tenantId + "/" + flag.key(), before, overrideImage(tenantId, flag.id()));
    }

    /**
     * The process's rollback option 3: an "off" override for every tenant, set-based (one statement
     * for the write, one each for the before and after images), whatever the number of tenants.
     */
    public int overrideEveryTenant(FeatureFlag flag, boolean enabled) {
        Map<UUID, String> before = overrideImages(flag.id());
        int written = tx.insertInto(TENANT_FEATURE_FLAGS, TENANT_FEATURE_FLAGS.TENANT_ID,
                        TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID, TENANT_FEATURE_FLAGS.ENABLED)
                .select(DSL.select(TENANTS.ID, DSL.val(flag.id()), DSL.val(enabled)).from(TENANTS))
                .onConflict(TENANT_FEATURE_FLAGS.TENANT_ID, TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID)
                .doUpdate()
                .set(TENANT_FEATURE_FLAGS.ENABLED, enabled)
                .set(TENANT_FEATURE_FLAGS.UPDATED_AT, OffsetDateTime.now())
                .execute();
        overrideImages(flag.id()).forEach((tenantId, after) ->
                log.row("tenant_feature_flags", tenantId + "/" + flag.key(), before.get(tenantId), after));
        return written;
    }

    private String overrideImage(UUID tenantId, UUID flagId) {
        return text(tx.select(ROW_IMAGE).from(O)
                .where(O.TENANT_ID.eq(tenantId)).and(O.FEATURE_FLAG_ID.eq(flagId))
                .fetchOne(ROW_IMAGE));
    }

    private Map<UUID, String> overrideImages(UUID flagId) {
        Map<UUID, String> images = new HashMap<>();
        tx.select(O.TENANT_ID, ROW_IMAGE).from(O).where(O.FEATURE_FLAG_ID.eq(flagId))
                .forEach(r -> images.put(r.value1(), text(r.value2())));
        return images;
    }

    // --- restore ------------------------------------------------------------------------------

    /**
     * Puts every row of a recorded change back into its "before" state, newest row first, after
     * checking that each row still is exactly as that change left it.
     */
    public void restore(ChangeRecord change) {
        List<ChangeRecord.RowChange> rows = new java.util.ArrayList<>(change.rows());
        java.util.Collections.reverse(rows);
        for (ChangeRecord.RowChange row : rows) {
            RestorableTable table = RestorableTable.of(row.table()).orElseThrow(() ->
                    new DatabaseException("Change " + change.id() + " touched " + row.table() + ", which cannot be restored."));
            String anyImage = row.after() != null ? row.after() : row.before();
            String now = tx.fetchOptional(table.currentImage(), anyImage).map(r -> r.get(0, String.class)).orElse(null);
            if (!sameJson(now, row.after())) {
                throw new StateChangedException("Since change " + change.id() + ", " + row.table() + " row " + row.rowKey()
                        + " was changed again. Nothing was restored; look at the history first.");
            }
            String restored;
            if (row.before() == null) {
                tx.execute(table.delete(), anyImage);
            } else {
                tx.execute(table.put(now != null), row.before());
            }
            restored = tx.fetchOptional(table.currentImage(), anyImage).map(r -> r.get(0, String.class)).orElse(null);
            log.row(row.table(), row.rowKey(), now, restored);
        }
    }

    private boolean sameJson(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        // compare as jsonb, not as text: key order and spacing do not matter
        return Boolean.TRUE.equals(tx.select(DSL.field("{0}::jsonb = {1}::jsonb", Boolean.class, DSL.val(a), DSL.val(b)))
                .fetchOne(0, Boolean.class));
    }

    /** Ids of all tenants, for counting what a write reaches. */
    public List<UUID> tenantIds() {
        return tx.select(TENANTS.ID).from(TENANTS).fetch(TENANTS.ID);
    }

    private static String text(JSONB json) {
        return json == null ? null : json.data();
    }
}
