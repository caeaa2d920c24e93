package dev.inspector.service;

import dev.inspector.domain.promotion.AuditSummary;
import java.util.Optional;

/**
 * Where the promotion gates learn about isolation audits. The audit is issue #5; until it exists
 * every session answers "none", which the gates read as "no audit run yet" and block on.
 */
@FunctionalInterface
public interface IsolationAudits {

    Optional<AuditSummary> latest();
}
