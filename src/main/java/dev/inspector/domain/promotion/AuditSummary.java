package dev.inspector.domain.promotion;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What the gates need of an isolation audit run: which run, when it ran, what it covered, and how
 * many critical and high findings it had. Only complete runs become summaries.
 *
 * @param coverage e.g. "7 tenant relations, 5 tenants impersonated"
 */
public record AuditSummary(long runId, OffsetDateTime ranAt, int criticalFindings, int highFindings, String coverage) {

    public AuditSummary {
        Objects.requireNonNull(ranAt, "ranAt");
        coverage = coverage == null ? "" : coverage;
    }

    public boolean passed() {
        return criticalFindings == 0 && highFindings == 0;
    }
}
