package dev.inspector.domain.audit.rules;

import static dev.inspector.domain.audit.rules.Findings.schema;

import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.audit.sql.SqlText;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Privileges that RLS does not govern. TRUNCATE empties every tenant's rows whatever the policies
 * say (tables only: views cannot be truncated). Anything granted to the anonymous role puts RLS
 * alone between strangers and tenant data.
 */
final class GrantRules {

    private GrantRules() {
    }

    static void evaluate(RelationFacts r, List<Finding> out) {
        if (!r.holdsTenantData()) {
            return;
        }
        String relation = SqlText.qualified(r.schema(), r.name());
        Set<String> anon = r.apiPrivileges().getOrDefault("anon", Set.of());
        if (!anon.isEmpty()) {
            out.add(schema("GRANT-TO-ANON", Severity.MEDIUM, r.qualifiedName(),
                    "The anonymous role has " + String.join(", ", new TreeSet<>(anon)) + " on tenant data: Row Level "
                            + "Security is all that keeps signed-out callers out.",
                    "anon: " + new TreeSet<>(anon), "REVOKE ALL ON " + relation + " FROM anon;"));
        }
        if (!Findings.isTable(r)) {
            return;
        }
        r.apiPrivileges().forEach((role, privileges) -> {
            if (privileges.contains("TRUNCATE")) {
                out.add(schema("GRANT-TRUNCATE", Severity.HIGH, r.qualifiedName(),
                        "'" + role + "' may TRUNCATE tenant data: TRUNCATE ignores Row Level Security and empties every tenant.",
                        role + ": TRUNCATE", "REVOKE TRUNCATE ON " + relation + " FROM " + SqlText.ident(role) + ";"));
            }
        });
    }
}
