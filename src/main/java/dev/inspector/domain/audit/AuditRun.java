package dev.inspector.domain.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** A finished (or cancelled) audit with everything it found. */
public record AuditRun(long id, OffsetDateTime startedAt, OffsetDateTime finishedAt, String database, String dbRole,
                       String osUser, Set<CheckGroup> groups, String tenants, boolean cancelled, List<Finding> findings) {

    public AuditRun {
        groups = Set.copyOf(groups);
        findings = List.copyOf(findings);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether it passes a gate that tolerates nothing at or above {@code threshold}. */
    public boolean passes(Severity threshold) {
        return !cancelled && findings.stream().noneMatch(f -> f.severity().atLeast(threshold));
    }
}
