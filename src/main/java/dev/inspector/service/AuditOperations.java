package dev.inspector.service;

import dev.inspector.domain.audit.AuditProgress;
import dev.inspector.domain.audit.AuditRun;
import java.util.List;

/** What the isolation screen asks of a session: whom it may impersonate, the saved runs, a new run. */
public interface AuditOperations {

    List<TenantChoice> tenantChoices();

    /** The newest saved runs first. */
    List<AuditRun> recent(int limit);

    /** Runs and saves an audit; progress reports each step and asks whether to stop. */
    AuditRun run(AuditRequest request, AuditProgress progress);
}
