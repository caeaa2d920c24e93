package dev.inspector.domain.audit.rules;

import static dev.inspector.domain.audit.rules.Findings.list;
import static dev.inspector.domain.audit.rules.Findings.schema;

import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.PolicyFacts;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.audit.reading.ClauseReader;
import dev.inspector.domain.audit.reading.Reading;
import dev.inspector.domain.audit.reading.Readings;
import dev.inspector.domain.audit.reading.Strength;
import dev.inspector.domain.audit.sql.SqlText;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the policies of a tenant relation admit, per command and API role, read for their meaning
 * (restrictive AND-ed over permissive OR-ed, helpers followed into their bodies). Reading may see
 * the caller's own rows (USER); writing must pin the tenant (TENANT). Only commands the role holds
 * the privilege for are judged: a policy for a command nobody may run admits nothing.
 */
final class PolicyRules {

    private PolicyRules() {
    }

    static void evaluate(RelationFacts r, Readings readings, List<Finding> out) {
        if (!r.kind().hasOwnRowSecurity() || !r.rlsEnabled() || !r.holdsTenantData()) {
            return;
        }
        String column = SqlText.ident(r.tenant());
        boolean registry = readings.facts().isRegistry(r);
        for (String role : readings.facts().apiRoles().stream().sorted().toList()) {
            if (r.apiInheritsOwner().contains(role)) {
                continue; // RLS does not apply to it at all: RowSecurityRules says so
            }
            if (r.allows(role, "SELECT") && registry) {
                registryRead(r, readings, role, column, out);
            } else if (r.allows(role, "SELECT")) {
                judge(r, readings, role, "SELECT", Strength.USER, out, "RLS-READ-NOT-BOUND",
                        "reads rows of every tenant", "USING (" + column + " = <the caller's tenant>)");
            }
            // Creating a tenant of one's own is a product feature, and a tenant's id is not moved: only
            // reading, renaming and deleting other tenants matter in the registry.
            if (r.allows(role, "INSERT") && !registry) {
                judge(r, readings, role, "INSERT", Strength.TENANT, out, "RLS-INSERT-NOT-BOUND",
                        "creates rows in any tenant", "WITH CHECK (" + column + " = <the caller's tenant>)");
            }
            if (r.allows(role, "UPDATE")) {
                judge(r, readings, role, "UPDATE", Strength.USER, out, "RLS-UPDATE-NOT-BOUND",
                        "changes rows of every tenant", "USING (" + column + " = <the caller's tenant>)");
                if (!registry && r.apiUpdatableColumns().getOrDefault(role, Set.of()).contains(r.tenant())) {
                    judge(r, readings, role, "UPDATE-CHECK", Strength.TENANT, out, "RLS-MOVE-NOT-BOUND",
                            "moves rows into another tenant", "WITH CHECK (" + column + " = <the caller's tenant>)");
                }
            }
            if (r.allows(role, "DELETE")) {
                judge(r, readings, role, "DELETE", Strength.USER, out, "RLS-DELETE-NOT-BOUND",
                        "deletes rows of every tenant", "USING (" + column + " = <the caller's tenant>)");
            }
        }
        for (PolicyFacts p : r.policies()) {
            if (p.appliesToPublic()) {
                out.add(schema("POLICY-TO-PUBLIC", Severity.MEDIUM, r.qualifiedName() + " policy " + p.name(),
                        "The policy applies to PUBLIC, every role there is, not just the API roles.",
                        p.command() + " " + p.clauses(), "Name the roles: CREATE POLICY … TO authenticated."));
            }
        }
    }

    private static void registryRead(RelationFacts r, Readings readings, String role, String column, List<Finding> out) {
        Reading reading = readings.policy(r, "SELECT", role);
        if (reading.strength().atLeast(Strength.USER) || !reading.unreadable().isEmpty()) {
            // bound (perhaps through something forgeable), or unreadable: the general judgement says which
            judge(r, readings, role, "SELECT", Strength.USER, out, "RLS-READ-NOT-BOUND", "reads every tenant's row",
                    "USING (" + column + " = <the caller's tenant>)");
            return;
        }
        out.add(RowSecurityRules.registryReadable(r, "The policies let " + role + " read every tenant's row",
                role + " SELECT: " + weakest(r, readings, "SELECT", role), "USING (" + column
                        + " IN (<the caller's tenants>)), or serve the names through a view of the columns meant to be public."));
    }

    private static void judge(RelationFacts r, Readings readings, String role, String command, Strength needed,
                              List<Finding> out, String id, String harm, String fix) {
        Reading reading = readings.policy(r, command, role);
        String verb = command.equals("UPDATE-CHECK") ? "UPDATE" : command;
        String where = r.qualifiedName();
        String evidence = role + " " + verb + ": " + weakest(r, readings, command, role);
        if (!reading.trusted() && reading.strength().atLeast(Strength.USER)) {
            out.add(schema("RLS-TRUSTS-FORGEABLE", Severity.HIGH, where,
                    "For " + verb + " the policies decide a row's tenant from " + list(reading.forgeable())
                            + ": a user forges it and " + harm + ".",
                    evidence, "Derive the tenant from something only the server sets: auth.jwt() -> 'app_metadata', or a "
                            + "membership table the API roles cannot write (" + fix + ")."));
        } else if (!reading.strength().atLeast(needed)) {
            if (!reading.unreadable().isEmpty()) {
                out.add(schema("RLS-NEEDS-REVIEW", Severity.MEDIUM, where,
                        "For " + verb + " the policies could not be read completely (" + list(reading.unreadable())
                                + "); whether " + role + " " + harm + " needs review.", evidence, fix));
            } else {
                out.add(schema(id, Severity.HIGH, where,
                        "For " + verb + " the policies do not tie the row's tenant to the caller: " + role + " " + harm + ".",
                        evidence, fix));
            }
        }
    }

    /** The permissive policies that admit the most, with their clause, for evidence. */
    private static String weakest(RelationFacts r, Readings readings, String command, String role) {
        String governed = command.equals("UPDATE-CHECK") ? "UPDATE" : command;
        ClauseReader reader = new ClauseReader(r.name(), r.tenantColumn().orElse(null), readings);
        List<PolicyFacts> policies = readings.applicable(r, governed, role);
        if (policies.stream().noneMatch(PolicyFacts::permissive)) {
            return "no permissive policy";
        }
        return policies.stream().map(p -> {
            String clause = command.equals("SELECT") || command.equals("DELETE") || command.equals("UPDATE")
                    ? p.using() : p.withCheck().isEmpty() ? p.using() : p.withCheck();
            Reading reading = clause.isEmpty() ? Reading.of(Strength.NONE) : reader.read(clause);
            return (p.permissive() ? "" : "restrictive ") + "policy " + p.name() + " (" + (clause.isEmpty() ? "no clause"
                    : clause) + ") binds " + words(reading);
        }).collect(Collectors.joining("; "));
    }

    static String words(Reading reading) {
        String strength = switch (reading.strength()) {
            case NONE -> "nothing to the caller";
            case CALLER_ONLY -> "the caller but no row";
            case USER -> "the caller's own rows";
            case TENANT -> "the caller's tenant";
        };
        return strength + (reading.trusted() ? "" : " through " + list(reading.forgeable()));
    }
}
