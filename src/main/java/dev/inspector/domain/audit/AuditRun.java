package dev.inspector.domain.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** A finished (or cancelled) audit with everything it found. */
public record AuditRun(long id, OffsetDateTime startedAt, OffsetDateTime finishedAt, String database, String dbRole,
                       String osUser, Set<CheckGroup> groups, String tenants, boolean cancelled, List<Finding> findings,
                       Coverage coverage) {

    public AuditRun {
        groups = Set.copyOf(groups);
        findings = List.copyOf(findings);
        java.util.Objects.requireNonNull(coverage, "coverage");
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /**
     * Whether it passes a gate that tolerates nothing at or above {@code threshold}: a cancelled or
     * incomplete run never does, whatever it found.
     */
    public boolean passes(Severity threshold) {
        return !cancelled && coverage.complete() && findings.stream().noneMatch(f -> f.severity().atLeast(threshold));
    }

    /** When it ended (or started, for a run that was saved without an end). */
    public OffsetDateTime ranAt() {
        return finishedAt != null ? finishedAt : startedAt;
    }
}
