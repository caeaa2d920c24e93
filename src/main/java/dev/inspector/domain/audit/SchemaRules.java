package dev.inspector.domain.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges the catalog facts. Check ids are stable (runs are compared by them) and documented in the
 * README. Severities follow one idea: critical when any API user can read or write other tenants'
 * rows today, high when one mistake or one role away from that, medium for missing defence in
 * depth, info for what is safe but surprising.
 */
public final class SchemaRules {

    private SchemaRules() {
    }

    public static List<Finding> evaluate(DatabaseFacts facts) {
        List<Finding> findings = new ArrayList<>();
        for (RelationFacts r : facts.relations()) {
            rowSecurity(r, findings);
            policies(r, findings);
            exposure(r, facts, findings);
            grants(r, findings);
            tenantColumn(r, findings);
        }
        for (String role : new TreeSet<>(facts.bypassRolesForApi())) {
            findings.add(schema("RLS-BYPASS-ROLE", Severity.HIGH, "", "An API role can become '" + role
                            + "', which bypasses Row Level Security (SUPERUSER or BYPASSRLS).",
                    "role " + role + " is granted to an API role",
                    "REVOKE " + role + " FROM the API role; give services their own login role instead."));
        }
        for (DatabaseFacts.FunctionFacts f : facts.functions()) {
            findings.add(schema("FN-SECURITY-DEFINER", Severity.HIGH, f.signature(),
                    "SECURITY DEFINER function executable by " + String.join(", ", new TreeSet<>(f.executableBy()))
                            + ": it runs with its owner's rights, past Row Level Security.",
                    "prosecdef = true; EXECUTE for " + String.join(", ", new TreeSet<>(f.executableBy())),
                    "Make it SECURITY INVOKER, or REVOKE EXECUTE from the API roles and check tenant ids inside."));
            if (!f.searchPathPinned()) {
                findings.add(schema("FN-MUTABLE-SEARCH-PATH", Severity.MEDIUM, f.signature(),
                        "SECURITY DEFINER function without a fixed search_path: a caller can shadow the objects it uses.",
                        "proconfig has no search_path",
                        "ALTER FUNCTION " + f.signature() + " SET search_path = pg_catalog, pg_temp; qualify every name."));
            }
        }
        return findings;
    }

    private static void rowSecurity(RelationFacts r, List<Finding> out) {
        if (!r.kind().hasOwnRowSecurity()) {
            return;
        }
        String what = kindWords(r);
        if (!r.rlsEnabled()) {
            boolean exposed = r.readableByApi() || r.writableByApi();
            if (!r.policies().isEmpty()) {
                out.add(schema("RLS-POLICIES-BUT-DISABLED", exposed ? Severity.CRITICAL : Severity.HIGH, r.qualifiedName(),
                        "Policies are written for this " + what + " but Row Level Security is off, so none of them applies.",
                        "relrowsecurity = false; " + r.policies().size() + " policies; API privileges " + r.apiPrivileges(),
                        "ALTER TABLE " + r.qualifiedName() + " ENABLE ROW LEVEL SECURITY;"));
            } else {
                out.add(schema("RLS-DISABLED", exposed ? Severity.CRITICAL : Severity.HIGH, r.qualifiedName(),
                        "Row Level Security is off on this " + what + (exposed
                                ? ": every API user reads and writes every tenant's rows."
                                : "; no API role has privileges on it today, so one GRANT away from a leak."),
                        "relrowsecurity = false; API privileges " + r.apiPrivileges(),
                        "ALTER TABLE " + r.qualifiedName() + " ENABLE ROW LEVEL SECURITY; then add a policy comparing "
                                + r.tenantColumn() + " with the caller's tenant."));
            }
            return;
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
                    "ALTER TABLE " + r.qualifiedName() + " FORCE ROW LEVEL SECURITY; or own it by a NOLOGIN role."));
        }
    }

    private static void policies(RelationFacts r, List<Finding> out) {
        if (!r.rlsEnabled() || !r.kind().hasOwnRowSecurity()) {
            return;
        }
        for (PolicyFacts p : r.policies()) {
            String where = r.qualifiedName() + " policy " + p.name();
            String evidence = p.command() + " USING (" + p.using() + ")"
                    + (p.withCheck().isEmpty() ? "" : " WITH CHECK (" + p.withCheck() + ")");
            if (p.permissive() && (!p.dependsOnTenantColumn() || !p.dependsOnCaller())) {
                out.add(schema("POLICY-NOT-TENANT-BOUND", Severity.CRITICAL, where,
                        "Permissive policy that does not compare " + r.tenantColumn()
                                + " with the caller's tenant; permissive policies are OR-ed, so it opens the rows to "
                                + (p.appliesToPublic() ? "everyone" : String.join(", ", new TreeSet<>(p.roles()))) + ".",
                        evidence,
                        "Drop it, or make it RESTRICTIVE, or add: " + r.tenantColumn() + " = <the caller's tenant>."));
            } else if (p.governsWrites() && p.permissive() && !writeCheckBound(r, p)) {
                out.add(schema("POLICY-WRITE-NOT-TENANT-BOUND", Severity.HIGH, where,
                        "The write check does not bind " + r.tenantColumn()
                                + " to the caller's tenant: a user can write rows into another tenant.",
                        evidence,
                        "WITH CHECK (" + r.tenantColumn() + " = <the caller's tenant>)."));
            }
            if (mentionsUserMetadata(p)) {
                out.add(schema("POLICY-TRUSTS-USER-METADATA", Severity.HIGH, where,
                        "The policy reads user_metadata from the JWT, which every user can edit for themselves.",
                        evidence, "Read the tenant from app_metadata (server-only) or from a table the user cannot write."));
            }
            if (p.appliesToPublic()) {
                out.add(schema("POLICY-TO-PUBLIC", Severity.MEDIUM, where,
                        "The policy applies to PUBLIC, every role there is, not just the API roles.",
                        evidence, "Name the roles: CREATE POLICY … TO authenticated."));
            }
        }
    }

    /** For writes, the check clause (or the USING clause PostgreSQL falls back to) must use the tenant column and the caller. */
    private static boolean writeCheckBound(RelationFacts r, PolicyFacts p) {
        String clause = !p.withCheck().isEmpty() ? p.withCheck() : p.using();
        String lower = clause.toLowerCase(Locale.ROOT);
        boolean usesColumn = lower.contains(r.tenantColumn().toLowerCase(Locale.ROOT));
        boolean usesCaller = CALLER_MARKERS.stream().anyMatch(lower::contains);
        return usesColumn && usesCaller;
    }

    /** Ways a policy learns who is calling; pg_depend cannot see built-in ones such as current_setting. */
    private static final Set<String> CALLER_MARKERS = Set.of("auth.", "current_setting", "current_user",
            "session_user", "jwt", "uid()");

    private static boolean mentionsUserMetadata(PolicyFacts p) {
        return (p.using() + " " + p.withCheck()).toLowerCase(Locale.ROOT).contains("user_metadata");
    }

    private static void exposure(RelationFacts r, DatabaseFacts facts, List<Finding> out) {
        switch (r.kind()) {
            case VIEW -> {
                if (!r.securityInvoker() && r.readableByApi()) {
                    out.add(schema("VIEW-NOT-SECURITY-INVOKER", Severity.CRITICAL, r.qualifiedName(),
                            "View readable by API roles that runs with its owner's rights: the policies of "
                                    + (r.readsFrom().isEmpty() ? "its tables" : String.join(", ", r.readsFrom()))
                                    + " do not apply to its readers.",
                            "reloptions lack security_invoker; API privileges " + r.apiPrivileges(),
                            "ALTER VIEW " + r.qualifiedName() + " SET (security_invoker = true);"));
                }
            }
            case MATERIALIZED_VIEW, FOREIGN_TABLE -> {
                if (r.readableByApi() && !(r.kind() == RelationKind.FOREIGN_TABLE && r.rlsEnabled())) {
                    out.add(schema(r.kind() == RelationKind.MATERIALIZED_VIEW ? "MATVIEW-READABLE" : "FOREIGN-TABLE-READABLE",
                            Severity.CRITICAL, r.qualifiedName(),
                            kindWords(r) + " with tenant data readable by API roles; Row Level Security does not filter it.",
                            "API privileges " + r.apiPrivileges(),
                            "REVOKE SELECT ON " + r.qualifiedName() + " FROM anon, authenticated; serve it through a "
                                    + "security_invoker view or a function that filters by tenant."));
                }
            }
            default -> { }
        }
    }

    private static void grants(RelationFacts r, List<Finding> out) {
        Set<String> anon = r.apiPrivileges().getOrDefault("anon", Set.of());
        if (!anon.isEmpty()) {
            out.add(schema("GRANT-TO-ANON", Severity.HIGH, r.qualifiedName(),
                    "The anonymous role has " + String.join(", ", new TreeSet<>(anon)) + " on tenant data.",
                    "anon: " + new TreeSet<>(anon), "REVOKE ALL ON " + r.qualifiedName() + " FROM anon;"));
        }
        r.apiPrivileges().forEach((role, privileges) -> {
            if (privileges.contains("TRUNCATE")) {
                out.add(schema("GRANT-TRUNCATE", Severity.HIGH, r.qualifiedName(),
                        "'" + role + "' may TRUNCATE tenant data: TRUNCATE ignores Row Level Security and empties every tenant.",
                        role + ": TRUNCATE", "REVOKE TRUNCATE ON " + r.qualifiedName() + " FROM " + role + ";"));
            }
        });
    }

    private static void tenantColumn(RelationFacts r, List<Finding> out) {
        if (r.kind() == RelationKind.VIEW || r.kind() == RelationKind.MATERIALIZED_VIEW
                || r.kind() == RelationKind.FOREIGN_TABLE) {
            return;
        }
        String column = r.qualifiedName() + "." + r.tenantColumn();
        if (r.tenantColumnNullable()) {
            out.add(schema("TENANT-COLUMN-NULLABLE", Severity.MEDIUM, r.qualifiedName(),
                    column + " accepts NULL: such rows belong to no tenant and no tenant policy matches them.",
                    "attnotnull = false", "ALTER TABLE " + r.qualifiedName() + " ALTER COLUMN " + r.tenantColumn()
                            + " SET NOT NULL; (after fixing existing NULLs)"));
        }
        if (!r.tenantColumnReferencesTenants() && r.kind() != RelationKind.PARTITION) {
            out.add(schema("TENANT-COLUMN-NO-FK", Severity.MEDIUM, r.qualifiedName(),
                    column + " has no foreign key to tenants: ids of deleted or unknown tenants can stay behind.",
                    "no FOREIGN KEY (" + r.tenantColumn() + ") REFERENCES tenants",
                    "ALTER TABLE " + r.qualifiedName() + " ADD FOREIGN KEY (" + r.tenantColumn() + ") REFERENCES tenants (id);"));
        }
        if (!r.tenantColumnIndexed()) {
            out.add(schema("TENANT-COLUMN-NOT-INDEXED", Severity.LOW, r.qualifiedName(),
                    "No index leads with " + column + ": every policy check scans the table.",
                    "no index with " + r.tenantColumn() + " first",
                    "CREATE INDEX ON " + r.qualifiedName() + " (" + r.tenantColumn() + ");"));
        }
    }

    private static String kindWords(RelationFacts r) {
        return switch (r.kind()) {
            case TABLE -> "table";
            case PARTITIONED_TABLE -> "partitioned table";
            case PARTITION -> "partition";
            case VIEW -> "view";
            case MATERIALIZED_VIEW -> "Materialized view";
            case FOREIGN_TABLE -> "Foreign table";
        };
    }

    private static Finding schema(String id, Severity severity, String relation, String finding, String evidence,
                                  String fix) {
        return new Finding(id, severity, CheckGroup.SCHEMA, relation, "", finding, evidence, fix);
    }
}
