package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.public_.Tables.TENANT_FEATURE_ACCESS;

import dev.inspector.persistence.jooq.public_.tables.TenantFeatureAccess;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Writes {@code tenant_feature_access}, the per-user grants of a premium feature, inside a
 * recording transaction: each changed row goes into the change history with its before and after
 * image, so it can be restored. A revoke keeps the row with {@code is_enabled = false}, as the
 * reference data does. Only the document's four columns are written.
 */
public final class GrantWrites {

    private static final TenantFeatureAccess G = TENANT_FEATURE_ACCESS.as("r");

    private final DSLContext tx;
    private final ChangeLog log;

    public GrantWrites(FlagWrites writes) {
        this.tx = writes.tx();
        this.log = writes.log();
    }

    /** The tenant's grants of the flag key, locked in user order: user id → is_enabled. */
    public Map<UUID, Boolean> lockGrants(UUID tenantId, String flagKey) {
        Map<UUID, Boolean> rows = new LinkedHashMap<>();
        tx.select(G.USER_ID, G.IS_ENABLED).from(G)
                .where(G.TENANT_ID.eq(tenantId)).and(G.FEATURE_KEY.eq(flagKey))
                .orderBy(G.USER_ID).forNoKeyUpdate()
                .forEach(r -> rows.put(r.value1(), r.value2()));
        return rows;
    }

    /**
     * Sets each user's grant to {@code enabled} where it differs (a revoke turns existing rows off
     * and adds none); the caller holds the flag's lock. Returns how many rows changed.
     */
    public int setGrants(UUID tenantId, String flagKey, Collection<UUID> users, boolean enabled) {
        Map<UUID, Boolean> current = lockGrants(tenantId, flagKey);
        int changed = 0;
        for (UUID user : users.stream().sorted().toList()) {
            Boolean now = current.get(user);
            // a revoke leaves users without a row alone: they have no access to take away
            if (now != null && now == enabled || now == null && !enabled) {
                continue;
            }
            String before = image(tenantId, user, flagKey);
            var where = TENANT_FEATURE_ACCESS.TENANT_ID.eq(tenantId).and(TENANT_FEATURE_ACCESS.USER_ID.eq(user))
                    .and(TENANT_FEATURE_ACCESS.FEATURE_KEY.eq(flagKey));
            if (now != null) {
                tx.update(TENANT_FEATURE_ACCESS).set(TENANT_FEATURE_ACCESS.IS_ENABLED, enabled).where(where).execute();
            } else {
                tx.insertInto(TENANT_FEATURE_ACCESS, TENANT_FEATURE_ACCESS.TENANT_ID, TENANT_FEATURE_ACCESS.USER_ID,
                                TENANT_FEATURE_ACCESS.FEATURE_KEY, TENANT_FEATURE_ACCESS.IS_ENABLED)
                        .values(tenantId, user, flagKey, enabled)
                        .execute();
            }
            log.row("tenant_feature_access", tenantId + "/" + user + "/" + flagKey, flagKey, tenantId, user, before,
                    image(tenantId, user, flagKey));
            changed++;
        }
        return changed;
    }

    private String image(UUID tenantId, UUID userId, String flagKey) {
        return FlagWrites.text(tx.select(FlagWrites.ROW_IMAGE).from(G)
                .where(G.TENANT_ID.eq(tenantId)).and(G.USER_ID.eq(userId)).and(G.FEATURE_KEY.eq(flagKey))
                .fetchOne(FlagWrites.ROW_IMAGE));
    }
}
