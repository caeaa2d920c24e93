package dev.inspector.domain.promotion;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What the gates need of an isolation audit run: when it ran and how many critical and high
 * findings it had.
 */
public record AuditSummary(OffsetDateTime ranAt, int criticalFindings, int highFindings) {

    public AuditSummary {
        Objects.requireNonNull(ranAt, "ranAt");
    }

    public boolean passed() {
        return criticalFindings == 0 && highFindings == 0;
    }
}
