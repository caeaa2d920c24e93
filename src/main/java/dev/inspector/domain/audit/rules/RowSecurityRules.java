package dev.inspector.domain.audit.rules;

import static dev.inspector.domain.audit.rules.Findings.kindWords;
import static dev.inspector.domain.audit.rules.Findings.list;
import static dev.inspector.domain.audit.rules.Findings.schema;

import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.audit.sql.SqlText;
import java.util.List;
import java.util.Set;

/**
 * Whether Row Level Security applies at all. Certain leaks are critical from the catalogs alone:
 * RLS off on tenant data an API role may read or write. Off where no API role has privileges is a
 * missing layer, not a leak (medium). An API role that holds the owner's privileges is exempt from
 * RLS unless it is forced.
 */
final class RowSecurityRules {

    private RowSecurityRules() {
    }

    static void evaluate(RelationFacts r, DatabaseFacts facts, List<Finding> out) {
        if (!r.kind().hasOwnRowSecurity() || !r.holdsTenantData()) {
            return;
        }
        String table = SqlText.qualified(r.schema(), r.name());
        String what = kindWords(r);
        boolean exposed = r.exposedToApi();
        if (!r.rlsEnabled() && facts.isRegistry(r)) {
            registryWithoutRls(r, table, out);
            return;
        }
        if (!r.rlsEnabled()) {
            String privileges = "API privileges " + r.apiPrivileges();
            String enable = "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY;";
            if (!r.policies().isEmpty()) {
                out.add(schema("RLS-POLICIES-BUT-DISABLED", exposed ? Severity.CRITICAL : Severity.MEDIUM, r.qualifiedName(),
                        "Policies are written for this " + what + " but Row Level Security is off, so none of them applies"
                                + (exposed ? ": every API user reads and writes every tenant's rows." : "."),
                        "relrowsecurity = false; " + r.policies().size() + " policies; " + privileges, enable));
            } else {
                out.add(schema("RLS-DISABLED", exposed ? Severity.CRITICAL : Severity.MEDIUM, r.qualifiedName(),
                        "Row Level Security is off on this " + what + (exposed
                                ? ": every API user reads and writes every tenant's rows."
                                : "; no API role has privileges on it, so it is one GRANT away from a leak."),
                        "relrowsecurity = false; " + privileges,
                        enable + " then add a policy comparing " + SqlText.ident(r.tenant()) + " with the caller's tenant."));
            }
            return;
        }
        if (!r.apiInheritsOwner().isEmpty() && !r.rlsForced() && exposed) {
            out.add(schema("RLS-OWNER-INHERITED", Severity.HIGH, r.qualifiedName(),
                    "API role " + list(r.apiInheritsOwner()) + " holds the privileges of the owner '" + r.owner()
                            + "', and owners are exempt from Row Level Security that is not forced: its policies do not apply to them.",
                    "pg_has_role(" + list(r.apiInheritsOwner()) + ", " + r.owner() + ", 'USAGE'); relforcerowsecurity = false",
                    "REVOKE " + SqlText.ident(r.owner()) + " FROM " + String.join(", ", r.apiInheritsOwner().stream()
                            .sorted().map(SqlText::ident).toList()) + "; or ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY;"));
        }
        if (r.policies().isEmpty()) {
            out.add(schema("RLS-NO-POLICY", Severity.INFO, r.qualifiedName(),
                    "Row Level Security is on but no policy exists: everyone but the owner is denied every row.",
                    "relrowsecurity = true; 0 policies", "Add a tenant policy if API users should see their rows."));
        }
        if (!r.rlsForced() && r.ownerCanLogin() && !r.ownerBypassesRls()) {
            out.add(schema("RLS-NOT-FORCED", Severity.MEDIUM, r.qualifiedName(),
                    "Row Level Security is not forced and the owner '" + r.owner()
                            + "' can log in: sessions as the owner skip every policy.",
                    "relforcerowsecurity = false; owner " + r.owner() + " has LOGIN",
                    "ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY; or own it by a NOLOGIN role."));
        }
    }

    /** The tenants relation without RLS: renaming or deleting other tenants is a leak; listing them depends on what it holds. */
    private static void registryWithoutRls(RelationFacts r, String table, List<Finding> out) {
        String enable = "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY; then let members read and owners change only "
                + "their own tenant's row.";
        List<String> changers = r.apiPrivileges().entrySet().stream()
                .filter(e -> e.getValue().contains("UPDATE") || e.getValue().contains("DELETE"))
                .map(java.util.Map.Entry::getKey).sorted().toList();
        if (!changers.isEmpty()) {
            out.add(schema("RLS-DISABLED", Severity.CRITICAL, r.qualifiedName(),
                    "Row Level Security is off on the tenants relation and " + String.join(", ", changers)
                            + " may change it: every user renames or deletes every tenant.",
                    "relrowsecurity = false; API privileges " + r.apiPrivileges(), enable));
        } else if (r.readableByApi()) {
            out.add(registryReadable(r, "Row Level Security is off on the tenants relation: every user lists every tenant",
                    "relrowsecurity = false; API privileges " + r.apiPrivileges(), enable));
        }
    }

    /** Every tenant's row is readable: high when the relation holds more than names, else a review. */
    static Finding registryReadable(RelationFacts r, String what, String evidence, String fix) {
        Set<String> sensitive = Registry.sensitiveColumns(r);
        return sensitive.isEmpty()
                ? schema("TENANT-REGISTRY-READABLE", Severity.MEDIUM, r.qualifiedName(),
                        what + ". It holds no more than who each tenant is, which some products show on purpose; review it.",
                        evidence + "; columns " + list(r.columns()), fix)
                : schema("TENANT-REGISTRY-READABLE", Severity.HIGH, r.qualifiedName(),
                        what + ", with " + list(sensitive) + ".", evidence + "; sensitive columns " + list(sensitive), fix);
    }
}
