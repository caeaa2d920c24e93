package dev.inspector.service;

import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.ColumnFacts;
import dev.inspector.domain.audit.Coverage;
import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.TenancyDetection;
import dev.inspector.domain.audit.TenancyModel;
import dev.inspector.domain.audit.probe.ProbePlan;
import dev.inspector.domain.audit.probe.ProbeResult;
import dev.inspector.domain.audit.rules.DataRules;
import dev.inspector.domain.audit.rules.ProbePlanner;
import dev.inspector.domain.audit.rules.ProbeRules;
import dev.inspector.domain.audit.rules.RunRules;
import dev.inspector.domain.audit.rules.SchemaRules;
import dev.inspector.persistence.Database;
import dev.inspector.domain.audit.AuditProgress;
import dev.inspector.persistence.audit.CatalogReader;
import dev.inspector.persistence.audit.ColumnCatalog;
import dev.inspector.persistence.audit.CrossTenantProbes;
import dev.inspector.persistence.audit.DataChecks;
import dev.inspector.persistence.audit.DataFingerprint;
import dev.inspector.persistence.audit.Impersonation;
import dev.inspector.persistence.audit.TenantDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.exception.DataAccessException;

/**
 * One isolation audit, from catalogs to findings: detect the tenancy model, read the catalogs,
 * judge them, count the data, and probe as real members. Persistence gathers facts; the domain
 * rules decide every finding. Saving the run is the caller's.
 */
final class IsolationAuditor {

    /** What a run found and covered. */
    record Outcome(List<Finding> findings, Coverage coverage, String tenants, String tenantColumn) {
    }

    private final Database database;

    IsolationAuditor(Database database) {
        this.database = database;
    }

    public Outcome audit(AuditRequest request, AuditProgress progress) {
        List<Finding> findings = new ArrayList<>();
        List<Impersonation> users = List.of();
        int relations = 0;
        Optional<String> incomplete = Optional.empty();
        String tenantColumn = request.tenancy().tenantColumn().orElse("");
        try {
            progress.step("Reading the catalogs", 0, 1);
            List<ColumnFacts> columns = new ColumnCatalog(database.dsl()).read();
            TenancyModel model = TenancyDetection.detect(request.tenancy(), columns);
            tenantColumn = model.tenantColumn();
            DatabaseFacts facts = new CatalogReader(database.dsl()).read(model, columns);
            relations = facts.tenantRelations().size();
            findings.add(RunRules.model(model));
            incomplete = RunRules.uncovered(facts);
            if (incomplete.isPresent()) {
                findings.add(RunRules.noTenantRelations(model));
            }
            if (request.groups().contains(CheckGroup.SCHEMA)) {
                findings.addAll(SchemaRules.evaluate(facts));
            }
            if (request.groups().contains(CheckGroup.DATA) && !progress.cancelled()) {
                findings.addAll(DataRules.evaluate(new DataChecks(database.dsl()).run(facts, progress), model));
                List<String> unreadable = RunRules.unreadable(facts);
                if (!unreadable.isEmpty()) {
                    findings.add(RunRules.notReadable(unreadable));
                    incomplete = also(incomplete, Optional.of(RunRules.dataNotChecked(unreadable)));
                }
            }
            boolean reads = request.groups().contains(CheckGroup.CROSS_TENANT_READ);
            boolean writes = request.groups().contains(CheckGroup.CROSS_TENANT_WRITE);
            if ((reads || writes) && !progress.cancelled() && relations > 0) {
                Probed probed = probe(request, facts, writes, progress);
                users = probed.users();
                findings.addAll(probed.findings());
                incomplete = also(incomplete, probed.incomplete());
            }
        } catch (DataAccessException e) {
            throw DataAccessFailures.explain("The audit", e);
        }
        String tenants = users.stream().map(Impersonation::tenantName).collect(Collectors.joining(", "));
        if (progress.cancelled()) {
            incomplete = also(incomplete, Optional.of(RunRules.cancelled()));
        }
        return new Outcome(findings, new Coverage(relations, users.size(), incomplete), tenants, tenantColumn);
    }

    /** Every reason a run proves less, joined: an admin fixes them all at once. */
    private static Optional<String> also(Optional<String> reasons, Optional<String> more) {
        return more.map(m -> reasons.map(r -> r + "; and " + m).orElse(m)).or(() -> reasons);
    }

    private record Probed(List<Impersonation> users, List<Finding> findings, Optional<String> incomplete) {
    }

    /** The cross-tenant probes, when there is someone to impersonate; else why not, in one sentence. */
    private Probed probe(AuditRequest request, DatabaseFacts facts, boolean writes, AuditProgress progress) {
        TenancyModel model = facts.model();
        boolean rolePerTenant = model.tenantRolePattern().isPresent();
        Optional<String> impossible = RunRules.probesImpossible(facts);
        if (impossible.isPresent()) {
            return new Probed(List.of(), List.of(RunRules.probesSkipped(impossible.get(), model)), impossible);
        }
        CrossTenantProbes probes = new CrossTenantProbes(database.dsl(), model);
        if (!rolePerTenant && !probes.canActAs(ProbePlanner.API_ROLE)) {
            return new Probed(List.of(), List.of(), Optional.of(RunRules.cannotSetRole(ProbePlanner.API_ROLE)));
        }
        TenantDirectory directory = new TenantDirectory(database.dsl(), model);
        List<Impersonation> users = directory.pick(request.tenants(), AuditRequest.DEFAULT_TENANTS);
        if (rolePerTenant) {
            users = users.stream().map(u -> u.asTenantRole(model.tenantRolePattern().get())).toList();
        }
        if (users.isEmpty()) {
            return new Probed(users, List.of(), Optional.of(RunRules.noMember(facts)));
        }
        if (rolePerTenant) {
            // a tenant whose role does not exist cannot be acted for; the others still can
            users = users.stream().filter(u -> Boolean.TRUE.equals(database.dsl().fetchValue(
                    "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)", u.tenantRole()))).toList();
            if (users.isEmpty()) {
                return new Probed(users, List.of(), Optional.of(RunRules.noTenantRole(model)));
            }
        }
        String actingRole = rolePerTenant ? users.get(0).tenantRole() : ProbePlanner.API_ROLE;
        if (!probes.canActAs(actingRole)) {
            return new Probed(List.of(), List.of(), Optional.of(RunRules.cannotSetRole(actingRole)));
        }
        ProbePlan plan = ProbePlanner.plan(facts, writes, request.probeTriggers(), rolePerTenant);
        List<RelationFacts> probed = facts.relations().stream().filter(r -> plan.reads().stream()
                .anyMatch(t -> t.relation().equals(r.qualifiedName())) || plan.writes().stream()
                .anyMatch(t -> t.relation().equals(r.qualifiedName())) || plan.joins().stream()
                .anyMatch(j -> j.relation().equals(r.qualifiedName()))).toList();
        DataFingerprint fingerprint = new DataFingerprint(database.dsl());
        Map<String, String> before = fingerprint.take(probed);
        List<String> tenantIds = directory.tenants().stream().map(TenantDirectory.Tenant::id).toList();
        List<ProbeResult> results = probes.run(plan, users, ProbePlanner.API_ROLE, tenantIds, progress);
        List<Finding> findings = new ArrayList<>(ProbeRules.evaluate(results, facts));
        findings.add(ProbeRules.fingerprint(before, fingerprint.take(probed)));
        return new Probed(users, findings, Optional.empty());
    }
}
