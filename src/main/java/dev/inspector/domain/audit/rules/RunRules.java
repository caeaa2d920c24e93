package dev.inspector.domain.audit.rules;

import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.audit.TenancyModel;
import dev.inspector.domain.audit.sql.SqlText;
import java.util.Optional;

/**
 * What a run says about itself: the tenancy model it used, and why it proves less than it was
 * asked to (nothing to audit, nobody to act as). An incomplete run fails every threshold and gate,
 * so each reason is one sentence an admin can act on.
 */
public final class RunRules {

    private RunRules() {
    }

    public static Finding model(TenancyModel model) {
        return new Finding("AUDIT-TENANCY-MODEL", Severity.INFO, CheckGroup.SCHEMA, "", "",
                "Audited with " + model.describe() + ".", String.join("; ", model.notes()),
                "Correct it with --tenant-column, --tenants, --membership or --config if any part is wrong.");
    }

    /** Why there is nothing to audit, if so. */
    public static Optional<String> uncovered(DatabaseFacts facts) {
        return facts.tenantRelations().isEmpty()
                ? Optional.of("no relation has a tenant column (" + facts.model().tenantColumn() + ")") : Optional.empty();
    }

    public static Finding noTenantRelations(TenancyModel model) {
        return new Finding("AUDIT-NO-TENANT-RELATIONS", Severity.INFO, CheckGroup.SCHEMA, "", "",
                "No relation outside the system schemas has a tenant column, so nothing was audited.",
                model.describe(), "Name the tenant column (--tenant-column) or the tenants relation (--tenants).");
    }

    /** Why the probes cannot run at all, if so. */
    public static Optional<String> probesImpossible(DatabaseFacts facts) {
        if (facts.model().tenants().isEmpty()) {
            return Optional.of("the cross-tenant probes were skipped: no tenants relation was found to tell whose rows "
                    + "are whose (name it with --tenants)");
        }
        if (facts.model().tenantRolePattern().isEmpty() && !facts.apiRoles().contains(ProbePlanner.API_ROLE)) {
            return Optional.of("the cross-tenant probes were skipped: there is no role '" + ProbePlanner.API_ROLE
                    + "' to act as (a role per tenant? use --tenant-role)");
        }
        return Optional.empty();
    }

    /** The tenant relations the connected role may not read, whose data the data checks could not count. */
    public static java.util.List<String> unreadable(DatabaseFacts facts) {
        return facts.tenantRelations().stream().filter(r -> !r.readableByAuditor())
                .filter(r -> r.kind() == dev.inspector.domain.audit.RelationKind.TABLE
                        || r.kind() == dev.inspector.domain.audit.RelationKind.PARTITIONED_TABLE)
                .map(dev.inspector.domain.audit.RelationFacts::qualifiedName).sorted().toList();
    }

    public static String dataNotChecked(java.util.List<String> unreadable) {
        return "the connected role may not read " + unreadable.size() + " tenant table" + (unreadable.size() == 1 ? "" : "s")
                + " (" + String.join(", ", unreadable.subList(0, Math.min(5, unreadable.size())))
                + (unreadable.size() > 5 ? ", …" : "") + "), so their data was not checked";
    }

    public static Finding notReadable(java.util.List<String> unreadable) {
        return new Finding("AUDIT-NOT-READABLE", Severity.INFO, CheckGroup.DATA, "", "",
                "The data checks skipped what this role may not read: " + dataNotChecked(unreadable) + ".",
                String.join(", ", unreadable), "Audit as a role that may read them (see the README's inspector_auditor).");
    }

    public static Finding probesSkipped(String reason, TenancyModel model) {
        return new Finding("AUDIT-PROBES-SKIPPED", Severity.INFO, CheckGroup.CROSS_TENANT_READ, "", "",
                "Nobody was impersonated: " + reason + ".", model.describe(), "");
    }

    public static String noMember(DatabaseFacts facts) {
        TenancyModel model = facts.model();
        boolean hidden = model.membership().flatMap(m -> facts.relation(m.qualifiedName()))
                .map(r -> r.rlsEnabled() || !r.readableByAuditor()).orElse(false);
        return "nobody could be impersonated: no tenant has a member"
                + model.membership().map(m -> " in " + m.qualifiedName()).orElse("")
                + (hidden ? " that the connected role can see (Row Level Security or privileges may hide them: "
                        + "audit as a role that bypasses RLS)" : "");
    }

    public static String noTenantRole(TenancyModel model) {
        return "nobody could be impersonated: no tenant has the role " + model.tenantRolePattern().orElse("")
                + " names (check --tenant-role)";
    }

    public static String cannotSetRole(String role) {
        return "nobody could be impersonated: the connected role may not SET ROLE " + role + " (GRANT "
                + SqlText.ident(role) + " TO the auditing role)";
    }

    public static String cancelled() {
        return "it was cancelled";
    }
}
