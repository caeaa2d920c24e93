package dev.inspector.domain.audit.rules;

import static dev.inspector.domain.audit.rules.Findings.list;
import static dev.inspector.domain.audit.rules.Findings.schema;

import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.RoleFacts;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.audit.sql.SqlText;
import java.util.List;

/**
 * Roles the API roles can become. SET ROLE to a superuser or BYPASSRLS role, or to the owner of
 * tenant tables whose RLS is not forced, takes a caller past every policy. Membership in a plain
 * group role that only holds grants is not a finding: its privileges are already the API role's.
 */
final class RoleRules {

    private RoleRules() {
    }

    static void evaluate(DatabaseFacts facts, List<Finding> out) {
        for (RoleFacts role : facts.roles()) {
            if (role.becomeableBy().isEmpty()) {
                continue;
            }
            String who = list(role.becomeableBy());
            String revoke = "REVOKE " + SqlText.ident(role.name()) + " FROM " + String.join(", ",
                    role.becomeableBy().stream().sorted().map(SqlText::ident).toList()) + ";";
            if (role.bypassesRls()) {
                out.add(schema("ROLE-BYPASSES-RLS", Severity.HIGH, "role " + role.name(),
                        "API role " + who + " can SET ROLE to '" + role.name() + "', which bypasses Row Level Security "
                                + (role.superuser() ? "(SUPERUSER)." : "(BYPASSRLS)."),
                        "pg_has_role(" + who + ", " + role.name() + ", 'MEMBER')", revoke
                                + " Give services their own login role instead."));
                continue;
            }
            List<String> exempt = role.owns().stream().map(facts::relation).flatMap(java.util.Optional::stream)
                    .filter(RelationFacts::holdsTenantData).filter(r -> r.rlsEnabled() && !r.rlsForced())
                    .map(RelationFacts::qualifiedName).toList();
            if (!exempt.isEmpty()) {
                out.add(schema("ROLE-OWNS-TENANT-DATA", Severity.HIGH, "role " + role.name(),
                        "API role " + who + " can SET ROLE to '" + role.name() + "', the owner of " + list(exempt)
                                + ", whose Row Level Security is not forced: as the owner, no policy applies.",
                        "pg_has_role(" + who + ", " + role.name() + ", 'MEMBER'); owner of " + list(exempt), revoke));
            }
        }
    }
}
