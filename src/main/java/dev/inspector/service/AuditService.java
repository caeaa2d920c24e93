package dev.inspector.service;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.TenancyDetection;
import dev.inspector.domain.audit.TenancyHints;
import dev.inspector.domain.audit.TenancyModel;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.ConnectionInfo;
import dev.inspector.domain.promotion.AuditSummary;
import dev.inspector.persistence.Database;
import dev.inspector.domain.audit.AuditProgress;
import dev.inspector.persistence.audit.AuditRunRepository;
import dev.inspector.persistence.audit.Impersonation;
import dev.inspector.persistence.audit.ColumnCatalog;
import dev.inspector.persistence.audit.TenantDirectory;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.exception.DataAccessException;

/** Runs the tenant isolation audit and keeps its runs. Works on any PostgreSQL database. */
public final class AuditService implements AuditOperations {

    private final Database database;
    private final ConnectionInfo info;
    private final String osUser;

    public AuditService(Database database, ConnectionInfo info, String osUser) {
        this.database = database;
        this.info = info;
        this.osUser = osUser;
    }

    public AuditRun run(AuditRequest request, AuditProgress progress) {
        OffsetDateTime started = OffsetDateTime.now();
        IsolationAuditor.Outcome outcome = new IsolationAuditor(database).audit(request, progress);
        try {
            return new AuditRunRepository(database.dsl()).save(started, info.label(), osUser, outcome.tenantColumn(),
                    request.groups(), outcome.tenants(), progress.cancelled(), outcome.findings(), outcome.coverage());
        } catch (DataAccessException e) {
            if (!"42501".equals(e.sqlState()) && !"42P01".equals(e.sqlState())) {
                throw DataAccessFailures.explain("Saving the audit run", e);
            }
            // a read-only role (or a database without the console's schema) still gets the audit, unsaved: id 0
            return new AuditRun(UNSAVED, started, java.time.OffsetDateTime.now(), info.label(), info.role(), osUser,
                    request.groups(), outcome.tenants(), progress.cancelled(), outcome.findings(), outcome.coverage());
        }
    }

    /** The id of a run the role could not save. */
    public static final long UNSAVED = 0;

    /**
     * The tenants an admin can choose to impersonate, each marked when a run without a choice would
     * pick it; empty when no tenants relation is known.
     */
    public List<TenantChoice> tenantChoices() {
        try {
            TenancyModel model = TenancyDetection.detect(TenancyHints.detect(), new ColumnCatalog(database.dsl()).read());
            TenantDirectory directory = new TenantDirectory(database.dsl(), model);
            if (!directory.available()) {
                return List.of();
            }
            Set<String> defaults = directory.pick(List.of(), AuditRequest.DEFAULT_TENANTS).stream()
                    .map(Impersonation::tenantId).collect(Collectors.toSet());
            return directory.tenants().stream()
                    .map(t -> new TenantChoice(t.id(), t.name(), defaults.contains(t.id())))
                    .toList();
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Reading the tenants", e);
        }
    }

    public Optional<AuditRun> latest() {
        return readable(() -> new AuditRunRepository(database.dsl()).latest(Optional.empty()), Optional.empty());
    }

    /**
     * What the promotion gates read: the newest run that was not cancelled, ran at least the default
     * groups (schema, data, cross-tenant reads) and covered something: it audited tenant relations
     * and read them as real members. A narrower or empty run proves less.
     */
    public Optional<AuditSummary> latestCompleteSummary() {
        return recent(50).stream()
                .filter(run -> !run.cancelled() && run.coverage().complete()
                        && run.coverage().relationsAudited() > 0 && run.coverage().tenantsImpersonated() > 0
                        && run.groups().containsAll(AuditRequest.defaultGroups()))
                .findFirst()
                .map(run -> new AuditSummary(run.id(), run.ranAt(), (int) run.count(Severity.CRITICAL),
                        (int) run.count(Severity.HIGH), run.coverage().words()));
    }

    public Optional<AuditRun> previous(AuditRun run) {
        return readable(() -> new AuditRunRepository(database.dsl()).latest(Optional.of(run.id())), Optional.empty());
    }

    public List<AuditRun> recent(int limit) {
        return readable(() -> new AuditRunRepository(database.dsl()).recent(limit), List.of());
    }

    /** Saved runs, or none where the role may not read the console's schema or it does not exist. */
    private static <T> T readable(java.util.function.Supplier<T> read, T none) {
        try {
            return read.get();
        } catch (DataAccessException e) {
            if ("42501".equals(e.sqlState()) || "42P01".equals(e.sqlState()) || "3F000".equals(e.sqlState())) {
                return none;
            }
            throw DataAccessFailures.explain("Reading the audit runs", e);
        }
    }
}
