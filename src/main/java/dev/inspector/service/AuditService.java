package dev.inspector.service;

import dev.inspector.domain.audit.AuditRun;
import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Coverage;
import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.SchemaRules;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.ConnectionInfo;
import dev.inspector.domain.promotion.AuditSummary;
import dev.inspector.persistence.Database;
import dev.inspector.persistence.audit.AuditProgress;
import dev.inspector.persistence.audit.AuditRunRepository;
import dev.inspector.persistence.audit.CatalogReader;
import dev.inspector.persistence.audit.CrossTenantProbes;
import dev.inspector.persistence.audit.DataChecks;
import dev.inspector.persistence.audit.DataFingerprint;
import dev.inspector.persistence.audit.Impersonation;
import dev.inspector.persistence.audit.ImpersonationCandidates;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.exception.DataAccessException;

/** Runs the tenant isolation audit and keeps its runs. Works on any PostgreSQL database. */
public final class AuditService {

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
        List<Finding> findings = new ArrayList<>();
        List<Impersonation> users = List.of();
        int relations = 0;
        Optional<String> incomplete = Optional.empty();
        try {
            progress.step("Reading the catalogs", 0, 1);
            DatabaseFacts facts = new CatalogReader(database.dsl()).read(request.tenantColumn());
            relations = facts.relations().size();
            if (facts.relations().isEmpty()) {
                incomplete = Optional.of("no relation outside the system schemas has a column '" + request.tenantColumn()
                        + "' (check --tenant-column)");
                findings.add(new Finding("AUDIT-NO-TENANT-RELATIONS", Severity.INFO, CheckGroup.SCHEMA, "", "",
                        "No relation outside the system schemas has a column '" + request.tenantColumn() + "'.",
                        "pg_attribute", "Check the tenant column name (--tenant-column)."));
            }
            if (request.groups().contains(CheckGroup.SCHEMA)) {
                findings.addAll(SchemaRules.evaluate(facts));
            }
            if (request.groups().contains(CheckGroup.DATA) && !progress.cancelled()) {
                findings.addAll(new DataChecks(database.dsl()).run(facts, "public.tenants", request.nullTenantAllowed(),
                        progress));
            }
            boolean reads = request.groups().contains(CheckGroup.CROSS_TENANT_READ);
            boolean writes = request.groups().contains(CheckGroup.CROSS_TENANT_WRITE);
            if ((reads || writes) && !progress.cancelled()) {
                ImpersonationCandidates candidates = new ImpersonationCandidates(database.dsl());
                boolean rolePerTenant = request.tenantRolePattern() != null;
                if (!candidates.available() || !rolePerTenant && !facts.apiRoles().contains("authenticated")) {
                    incomplete = incomplete.or(() -> Optional.of("nobody could be impersonated: the cross-tenant "
                            + "probes need public.tenants and the role 'authenticated'"));
                    findings.add(new Finding("AUDIT-PROBES-SKIPPED", Severity.INFO, CheckGroup.CROSS_TENANT_READ, "", "",
                            "Cross-tenant probes need public.tenants and the role 'authenticated'; this database lacks one.",
                            "roles present: " + facts.apiRoles(), "Run the schema and data checks only, or add them."));
                } else {
                    users = candidates.pick(request.tenants(), AuditRequest.DEFAULT_TENANTS);
                    if (users.isEmpty()) {
                        incomplete = incomplete.or(() -> Optional.of("nobody could be impersonated: no tenant has an "
                                + "ordinary member"));
                    }
                    if (rolePerTenant) {
                        users = users.stream().map(u -> u.asTenantRole(request.tenantRolePattern())).toList();
                    }
                    DataFingerprint fingerprint = new DataFingerprint(database.dsl());
                    Map<String, String> before = fingerprint.take(facts.relations());
                    findings.addAll(new CrossTenantProbes(database.dsl()).run(facts.relations(), users,
                            candidates.allTenantIds(), writes, progress));
                    Map<String, String> after = fingerprint.take(facts.relations());
                    findings.add(unchanged(before, after));
                }
            }
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("The audit", e);
        }
        String tenants = users.stream().map(Impersonation::tenantName).collect(Collectors.joining(", "));
        if (progress.cancelled()) {
            incomplete = incomplete.or(() -> Optional.of("it was cancelled"));
        }
        Coverage coverage = new Coverage(relations, users.size(), incomplete);
        return new AuditRunRepository(database.dsl()).save(started, info.label(), osUser, request.tenantColumn(),
                request.groups(), tenants, progress.cancelled(), findings, coverage);
    }

    /**
     * The tenants an admin can choose to impersonate, each marked when a run without a choice would
     * pick it; empty when the database has no tenants table.
     */
    public List<TenantChoice> tenantChoices() {
        try {
            ImpersonationCandidates candidates = new ImpersonationCandidates(database.dsl());
            if (!candidates.available()) {
                return List.of();
            }
            java.util.Set<java.util.UUID> defaults = candidates.pick(List.of(), AuditRequest.DEFAULT_TENANTS).stream()
                    .map(Impersonation::tenantId).collect(Collectors.toSet());
            return candidates.tenantNames().entrySet().stream()
                    .map(e -> new TenantChoice(e.getKey(), e.getValue(), defaults.contains(e.getKey())))
                    .toList();
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("Reading the tenants", e);
        }
    }

    public Optional<AuditRun> latest() {
        return new AuditRunRepository(database.dsl()).latest(Optional.empty());
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
        return new AuditRunRepository(database.dsl()).latest(Optional.of(run.id()));
    }

    public List<AuditRun> recent(int limit) {
        return new AuditRunRepository(database.dsl()).recent(limit);
    }

    private static Finding unchanged(Map<String, String> before, Map<String, String> after) {
        if (before.equals(after)) {
            return new Finding("AUDIT-DATA-UNCHANGED", Severity.INFO, CheckGroup.CROSS_TENANT_READ, "", "",
                    "The audited data is unchanged: every probe ran in a transaction that was rolled back.",
                    "row count and hash of " + before.size() + " tables equal before and after: " + before,
                    "");
        }
        // Every probe was rolled back, so a difference can only come from other sessions writing meanwhile.
        return new Finding("AUDIT-DATA-MOVED", Severity.LOW, CheckGroup.CROSS_TENANT_READ, "", "",
                "The data changed while the audit ran; its probes were all rolled back, so other sessions wrote.",
                "before " + before + "; after " + after, "Run the audit at a quiet moment to get the proof.");
    }
}
