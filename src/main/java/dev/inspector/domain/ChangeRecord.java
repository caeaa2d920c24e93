package dev.inspector.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One user action in the change history: who (database role and operating-system user), when,
 * what, why, and the before and after image of every row it wrote.
 */
public record ChangeRecord(long id, OffsetDateTime happenedAt, String dbRole, String osUser, String action,
                           String flagKey, String reason, List<RowChange> rows) {

    public ChangeRecord {
        rows = List.copyOf(rows);
    }

    /** A row as JSON text before and after; null before means inserted, null after means deleted. */
    public record RowChange(String table, String rowKey, String before, String after) {
    }
}
