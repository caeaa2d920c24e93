package dev.inspector.service;

import dev.inspector.domain.promotion.AuditSummary;
import java.util.Optional;

/**
 * Where the promotion gates learn about isolation audits; "none" reads as "no audit run yet" and
 * blocks. A seam so the rules can be tested with any audit history.
 */
@FunctionalInterface
public interface IsolationAudits {

    Optional<AuditSummary> latest();
}
