package dev.inspector.persistence;

import static dev.inspector.persistence.jooq.public_.Tables.FEATURE_FLAGS;
import static dev.inspector.persistence.jooq.public_.Tables.PROFILES;
import static dev.inspector.persistence.jooq.public_.Tables.RELEASE_CHANNEL_FEATURE_FLAGS;
import static dev.inspector.persistence.jooq.public_.Tables.TENANTS;
import static dev.inspector.persistence.jooq.public_.Tables.TENANT_FEATURE_ACCESS;
import static dev.inspector.persistence.jooq.public_.Tables.TENANT_FEATURE_FLAGS;

import dev.inspector.domain.ChannelSetting;
import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.TenantOverride;
import dev.inspector.domain.UserGrant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.SnapshotLookup;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;

/**
 * The rows that decide one question — one tenant, one flag, perhaps one user — and nothing else:
 * the tenant (every tenant's id, name and channel only when it is named by a part of its name, so
 * the match is the one {@link SnapshotLookup} makes everywhere else), the flag, its channel rows,
 * the tenant's override of it, the user and the user's grant of it. A few index look-ups where the
 * whole snapshot reads every override, user and grant. Whatever does not match is simply absent,
 * so the caller's look-up says why in the same sentence as on a full snapshot.
 */
public final class QuestionSnapshots {

    private QuestionSnapshots() {
    }

    public static GateSnapshot load(DSLContext dsl, boolean grantsTable, boolean userDirectory,
                                    String tenantQuery, Optional<String> userQuery, String flagKey) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            Optional<UUID> tenantId = SnapshotLookup.uuid(tenantQuery);
            List<Tenant> tenants = GateSnapshotRepository.tenants(tx,
                    tenantId.map(TENANTS.ID::eq).orElseGet(() -> nameMayMatch(tenantQuery)));
            Optional<Tenant> tenant = SnapshotLookup.tenant(GateSnapshot.builder().tenants(tenants)
                    .sources(false, false).build(), tenantQuery).tenant();
            List<FeatureFlag> flags = GateSnapshotRepository.flags(tx, FEATURE_FLAGS.KEY.eq(flagKey));
            List<UUID> flagIds = flags.stream().map(FeatureFlag::id).toList();
            List<ChannelSetting> channels = GateSnapshotRepository.channels(tx,
                    RELEASE_CHANNEL_FEATURE_FLAGS.FEATURE_FLAG_ID.in(flagIds));
            UUID decidedTenant = tenant.map(Tenant::id).orElse(null);
            List<TenantOverride> overrides = decidedTenant == null ? List.of()
                    : tx.select(TENANT_FEATURE_FLAGS.TENANT_ID, TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID,
                                    TENANT_FEATURE_FLAGS.ENABLED)
                            .from(TENANT_FEATURE_FLAGS)
                            .where(TENANT_FEATURE_FLAGS.TENANT_ID.eq(decidedTenant)
                                    .and(TENANT_FEATURE_FLAGS.FEATURE_FLAG_ID.in(flagIds)))
                            .fetch(Records.mapping(TenantOverride::new));
            List<UserProfile> users = userQuery.isPresent() && userDirectory
                    ? tx.select(PROFILES.ID, PROFILES.TENANT_ID, PROFILES.FULL_NAME, PROFILES.EMAIL,
                                    PROFILES.IS_PLATFORM_ADMIN)
                            .from(PROFILES).where(userCondition(userQuery.get()))
                            .fetch(Records.mapping(UserProfile::new))
                    : List.of();
            List<UUID> userIds = userIds(userQuery, users);
            List<UserGrant> grants = grantsTable && decidedTenant != null && !userIds.isEmpty()
                    ? tx.select(TENANT_FEATURE_ACCESS.TENANT_ID, TENANT_FEATURE_ACCESS.USER_ID,
                                    TENANT_FEATURE_ACCESS.FEATURE_KEY, TENANT_FEATURE_ACCESS.IS_ENABLED)
                            .from(TENANT_FEATURE_ACCESS)
                            .where(TENANT_FEATURE_ACCESS.TENANT_ID.eq(decidedTenant)
                                    .and(TENANT_FEATURE_ACCESS.USER_ID.in(userIds))
                                    .and(TENANT_FEATURE_ACCESS.FEATURE_KEY.eq(flagKey)))
                            .fetch(Records.mapping(UserGrant::new))
                    : List.of();
            return GateSnapshot.builder().tenants(tenants).flags(flags).channelSettings(channels)
                    .overrides(overrides).grants(grants).users(users).sources(grantsTable, userDirectory).build();
        });
    }

    /**
     * Narrows the tenants to those whose name contains the typed text, without regard to case. Only
     * for ASCII text: there PostgreSQL's lower() and Java's agree whatever the database's locale;
     * other text reads every tenant's name and lets the look-up compare.
     */
    private static Condition nameMayMatch(String query) {
        String needle = query.strip();
        if (!needle.chars().allMatch(c -> c < 128)) {
            return DSL.noCondition();
        }
        return DSL.position(DSL.lower(TENANTS.NAME), DSL.lower(DSL.val(needle))).gt(0);
    }

    /** A user is named by id or by e-mail (compared without regard to case, as the full look-up does). */
    private static Condition userCondition(String query) {
        return SnapshotLookup.uuid(query).map(PROFILES.ID::eq)
                .orElseGet(() -> DSL.lower(PROFILES.EMAIL).eq(DSL.lower(DSL.val(query.strip()))));
    }

    private static List<UUID> userIds(Optional<String> userQuery, List<UserProfile> users) {
        if (userQuery.isEmpty()) {
            return List.of();
        }
        Optional<UUID> id = SnapshotLookup.uuid(userQuery.get());
        return id.map(List::of).orElseGet(() -> users.stream().map(UserProfile::id).toList());
    }
}
