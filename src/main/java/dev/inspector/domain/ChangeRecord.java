package dev.inspector.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One user action in the change history: who (database role and operating-system user), when,
 * what, why, the before and after image of every row it wrote, and the restore that undid it, if
 * one did.
 *
 * @param flagKey    the flag the action was about; null for an action over several flags
 * @param restoredBy the change set that undid this one; empty while it stands
 */
public record ChangeRecord(long id, OffsetDateTime happenedAt, String dbRole, String osUser, String action,
                           String flagKey, String reason, List<RowChange> rows, Optional<Long> restoredBy) {

    public ChangeRecord {
        rows = List.copyOf(rows);
        Objects.requireNonNull(restoredBy, "restoredBy");
    }

    public ChangeKind kind() {
        return ChangeKind.of(action);
    }

    /** The flags the rows name, sorted; the flag of the action when no row names one. */
    public Set<String> flagKeys() {
        Set<String> keys = new TreeSet<>();
        rows.forEach(r -> {
            if (r.flagKey() != null) {
                keys.add(r.flagKey());
            }
        });
        if (keys.isEmpty() && flagKey != null) {
            keys.add(flagKey);
        }
        return keys;
    }

    /** "ai_load_matching", or "3 flags" for a change over several. */
    public String flagsLabel() {
        Set<String> keys = flagKeys();
        return keys.size() == 1 ? keys.iterator().next() : keys.isEmpty() ? "" : keys.size() + " flags";
    }

    /**
     * A row as JSON text before and after; null before means inserted, null after means deleted.
     *
     * @param flagKey the flag the row belongs to, if it belongs to one
     * @param tenantId the tenant the row belongs to (an override, a grant, a tenant), else null
     * @param userId   the user the row belongs to (a grant), else null
     */
    public record RowChange(String table, String rowKey, String flagKey, java.util.UUID tenantId, java.util.UUID userId,
                            String before, String after) {
    }

    /** The tenants the rows touched, sorted. */
    public Set<java.util.UUID> tenantIds() {
        Set<java.util.UUID> ids = new TreeSet<>();
        rows.forEach(r -> {
            if (r.tenantId() != null) {
                ids.add(r.tenantId());
            }
        });
        return ids;
    }

    /** The users the rows touched, sorted. */
    public Set<java.util.UUID> userIds() {
        Set<java.util.UUID> ids = new TreeSet<>();
        rows.forEach(r -> {
            if (r.userId() != null) {
                ids.add(r.userId());
            }
        });
        return ids;
    }
}
