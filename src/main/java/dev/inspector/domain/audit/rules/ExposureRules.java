package dev.inspector.domain.audit.rules;

import static dev.inspector.domain.audit.rules.Findings.kindWords;
import static dev.inspector.domain.audit.rules.Findings.list;
import static dev.inspector.domain.audit.rules.Findings.schema;

import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.RelationKind;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.audit.reading.ClauseReader;
import dev.inspector.domain.audit.reading.Readings;
import dev.inspector.domain.audit.reading.Sources;
import dev.inspector.domain.audit.reading.Strength;
import dev.inspector.domain.audit.sql.SqlText;
import java.util.List;
import java.util.Optional;

/**
 * Ways to tenant data that Row Level Security does not guard: views that read with their owner's
 * rights, materialized views, foreign tables. A view is only a leak when its owner is itself
 * exempt from RLS on what it reads (superuser, BYPASSRLS, or owner of the table without FORCE)
 * and its own query does not narrow rows to the caller; otherwise it needs a look, not an alarm.
 */
final class ExposureRules {

    /** The user directory of Supabase projects: e-mails and metadata of every user. */
    static final String USER_DIRECTORY = "auth.users";

    private ExposureRules() {
    }

    static void evaluate(RelationFacts r, Readings readings, List<Finding> out) {
        if (!r.readableByApi()) {
            return;
        }
        List<RelationFacts> tenantSources = r.readsFrom().stream()
                .map(name -> readings.facts().relation(name)).flatMap(Optional::stream)
                .filter(RelationFacts::holdsTenantData).toList();
        boolean readsUsers = r.readsFrom().contains(USER_DIRECTORY);
        if (r.kind() == RelationKind.VIEW && !r.securityInvoker() && (!tenantSources.isEmpty() || readsUsers)) {
            view(r, readings, tenantSources, readsUsers, out);
        } else if (r.kind() == RelationKind.MATERIALIZED_VIEW && (r.holdsTenantData() || !tenantSources.isEmpty())) {
            out.add(schema("MATVIEW-READABLE", Severity.CRITICAL, r.qualifiedName(),
                    "Materialized view with tenant data readable by API roles; Row Level Security cannot filter it.",
                    "API privileges " + r.apiPrivileges() + "; reads " + list(r.readsFrom()),
                    "REVOKE SELECT ON " + SqlText.qualified(r.schema(), r.name()) + " FROM anon, authenticated; serve it "
                            + "through a security_invoker view or a function that filters by tenant."));
        } else if (r.kind() == RelationKind.FOREIGN_TABLE && r.holdsTenantData() && !r.rlsEnabled()) {
            out.add(schema("FOREIGN-TABLE-READABLE", Severity.CRITICAL, r.qualifiedName(),
                    "Foreign table with tenant data readable by API roles without Row Level Security.",
                    "API privileges " + r.apiPrivileges(), "ALTER TABLE " + SqlText.qualified(r.schema(), r.name())
                            + " ENABLE ROW LEVEL SECURITY; or REVOKE SELECT from the API roles."));
        }
    }

    private static void view(RelationFacts r, Readings readings, List<RelationFacts> sources, boolean readsUsers,
                              List<Finding> out) {
        boolean ownerExempt = r.ownerBypassesRls() || sources.stream()
                .anyMatch(s -> s.owner().equals(r.owner()) && (!s.rlsForced() || !s.rlsEnabled()));
        boolean narrowed = new ClauseReader(r.name(), null, readings, new Sources.Executor(r.owner(), r.ownerBypassesRls()))
                .read(r.definition())
                .strength().atLeast(Strength.CALLER_ONLY);
        String fix = "ALTER VIEW " + SqlText.qualified(r.schema(), r.name()) + " SET (security_invoker = true);";
        String reads = list(r.readsFrom());
        if (readsUsers && !narrowed) {
            out.add(schema("VIEW-EXPOSES-USERS", Severity.HIGH, r.qualifiedName(),
                    "View readable by API roles over " + USER_DIRECTORY + " with its owner's rights: every caller reads "
                            + "other users' e-mails and metadata.", "reads " + reads + "; owner " + r.owner(), fix));
        }
        if (sources.isEmpty()) {
            return;
        }
        if (ownerExempt && !narrowed) {
            out.add(schema("VIEW-BYPASSES-RLS", Severity.HIGH, r.qualifiedName(),
                    "This " + kindWords(r) + " reads " + list(sources.stream().map(RelationFacts::qualifiedName).toList())
                            + " with the rights of its owner '" + r.owner() + "', who is exempt from their Row Level Security, "
                            + "and nothing in it narrows rows to the caller.",
                    "reloptions lack security_invoker; owner " + r.owner() + (r.ownerBypassesRls() ? " bypasses RLS" : " owns them")
                            + "; API privileges " + r.apiPrivileges(), fix));
        } else {
            out.add(schema("VIEW-NEEDS-REVIEW", Severity.MEDIUM, r.qualifiedName(),
                    "This " + kindWords(r) + " reads tenant data with its owner's rights instead of the caller's"
                            + (narrowed ? "; its query narrows rows to the caller, which needs a look." : "."),
                    "reloptions lack security_invoker; reads " + reads, fix));
        }
    }
}
