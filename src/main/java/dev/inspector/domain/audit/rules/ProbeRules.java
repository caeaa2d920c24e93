package dev.inspector.domain.audit.rules;

import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.DataProof;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.Severity;
import dev.inspector.domain.audit.probe.ProbeResult;
import dev.inspector.domain.audit.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what the probes showed into findings. A probe that reached another tenant's rows is proof:
 * critical, whatever the catalogs suggested. Reading the tenants relation is judged like its
 * static rule: by what it holds beyond names.
 */
public final class ProbeRules {

    private ProbeRules() {
    }

    public static List<Finding> evaluate(List<ProbeResult> results, DatabaseFacts facts) {
        List<Finding> findings = new ArrayList<>();
        for (ProbeResult p : results) {
            finding(p, facts).ifPresent(findings::add);
        }
        return findings;
    }

    private static Optional<Finding> finding(ProbeResult p, DatabaseFacts facts) {
        Optional<RelationFacts> relation = facts.relation(p.relation());
        boolean registry = relation.map(facts::isRegistry).orElse(false);
        String column = relation.flatMap(RelationFacts::tenantColumn).map(SqlText::ident).orElse("the tenant column");
        String who = p.actingAs();
        String rows = p.rows() + " row" + (p.rows() == 1 ? "" : "s")
                + (p.tenants() > 0 ? " of " + p.tenants() + " other tenant" + (p.tenants() == 1 ? "" : "s") : "");
        String sample = p.sample().isEmpty() ? "" : "; rows at " + p.sample();
        String bind = "Policies comparing " + column + " with the caller's tenant, for every command";
        return switch (p.kind()) {
            case READ_OTHER_TENANTS, READ_WITHOUT_TENANT, READ_AS_ANON -> {
                String how = switch (p.kind()) {
                    case READ_WITHOUT_TENANT -> "A signed-in user who belongs to no tenant reads ";
                    case READ_AS_ANON -> "A signed-out caller (anon) reads ";
                    default -> "A user of " + p.tenant() + " reads ";
                };
                String id = switch (p.kind()) {
                    case READ_WITHOUT_TENANT -> "XT-READ-WITHOUT-TENANT";
                    case READ_AS_ANON -> "XT-READ-ANON";
                    default -> "XT-READ-OTHER-TENANTS";
                };
                if (registry) {
                    Set<String> sensitive = Registry.sensitiveColumns(relation.get());
                    if (sensitive.isEmpty() && p.kind() != dev.inspector.domain.audit.probe.ProbeKind.READ_AS_ANON) {
                        yield Optional.empty(); // names only: the static review finding says it once
                    }
                    yield Optional.of(read(p, "XT-READ-TENANT-REGISTRY", sensitive.isEmpty() ? Severity.MEDIUM : Severity.HIGH,
                            how + "the rows of " + p.rows() + " other tenant(s) in " + p.relation()
                                    + (sensitive.isEmpty() ? "." : ", with " + String.join(", ", sensitive) + "."),
                            "as " + who + ", SELECT without a filter" + sample,
                            "Let users read only their own tenants' rows; serve public names through a view."));
                }
                yield Optional.of(read(p, id, Severity.CRITICAL, how + rows + " in " + p.relation()
                                + (p.detail().isEmpty() ? "" : " (" + p.detail() + ")") + ".",
                        "as " + who + ", SELECT without a filter" + sample, bind + "."));
            }
            case READ_NULL_TENANT -> facts.model().nullTenantAllowed().contains(p.relation()) ? Optional.empty()
                    : Optional.of(read(p, "XT-READ-NULL-TENANT", Severity.HIGH,
                            "A user of " + p.tenant() + " reads " + p.rows() + " row(s) of " + p.relation() + " that belong to no tenant.",
                            "as " + who + ": rows with " + column + " IS NULL visible" + sample,
                            "Assign those rows a tenant, and make the policy reject NULL tenant ids."));
            case READ_FORGED -> Optional.of(read(p, "XT-READ-FORGED", Severity.CRITICAL,
                    "After forging " + p.detail() + ", a user of " + p.tenant() + " reads " + rows + " in " + p.relation() + ".",
                    "as " + who + " with " + p.detail() + " set to another tenant's id" + sample,
                    "Take the tenant only from what the server sets: app_metadata in the JWT, or a membership the user cannot write."));
            case READ_AS_ROLE -> Optional.of(read(p, "XT-ROLE-ESCALATION", Severity.CRITICAL,
                    "A user of " + p.tenant() + " runs SET ROLE " + p.detail() + " and reads " + rows + " in " + p.relation() + ".",
                    "as " + who + ", then SET ROLE " + p.detail() + sample,
                    "REVOKE " + SqlText.ident(p.detail()) + " FROM " + ProbePlanner.API_ROLE + ";"));
            case UPDATE_OTHER -> write(p, "XT-WRITE-UPDATE-OTHER", "updates " + rows + " selected by another tenant's id", bind);
            case UPDATE_ALL -> write(p, "XT-WRITE-UPDATE-ALL", "updates " + rows + " with an UPDATE without WHERE", bind);
            case MOVE_OWN -> write(p, "XT-WRITE-MOVE-OWN", "moves " + p.rows() + " of its own row(s) into another tenant",
                    "WITH CHECK (" + column + " = <the caller's tenant>) on the UPDATE policy");
            case INSERT_OTHER -> write(p, "XT-WRITE-INSERT-OTHER", "inserts a row into another tenant",
                    "WITH CHECK (" + column + " = <the caller's tenant>) on the INSERT policy");
            case DELETE_OTHER -> write(p, "XT-WRITE-DELETE-OTHER", "deletes " + rows + " selected by another tenant's id", bind);
            case DELETE_ALL -> write(p, "XT-WRITE-DELETE-ALL", "deletes " + rows + " with a DELETE without WHERE", bind);
            case JOIN_OTHER -> Optional.of(new Finding("XT-JOIN-TENANT", Severity.CRITICAL, CheckGroup.CROSS_TENANT_WRITE,
                    p.relation(), p.tenant(), "A user of " + p.tenant() + " writes another tenant's id into " + p.relation()
                            + " (" + p.detail() + ") and then reads " + rows + " of that tenant (rolled back).",
                    "as " + who + " inside a rolled-back transaction" + sample,
                    "Pin the tenant columns of " + p.relation() + " in WITH CHECK to tenants the caller already belongs to, "
                            + "or REVOKE INSERT/UPDATE on them from the API roles."));
            case WRITE_SKIPPED -> Optional.of(new Finding("AUDIT-WRITE-PROBE-SKIPPED", Severity.INFO,
                    CheckGroup.CROSS_TENANT_WRITE, p.relation(), "",
                    "Write probes on " + p.relation() + " were skipped: " + p.detail() + ".",
                    "a rollback would not take such an effect back", "Run with --probe-triggers to write there all the same."));
        };
    }

    private static Finding read(ProbeResult p, String id, Severity severity, String finding, String evidence, String fix) {
        return new Finding(id, severity, CheckGroup.CROSS_TENANT_READ, p.relation(), p.tenant(), finding, evidence, fix);
    }

    private static Optional<Finding> write(ProbeResult p, String id, String what, String fix) {
        return Optional.of(new Finding(id, Severity.CRITICAL, CheckGroup.CROSS_TENANT_WRITE, p.relation(), p.tenant(),
                "A user of " + p.tenant() + " " + what + " in " + p.relation() + " (rolled back).",
                "as " + p.actingAs() + " inside a rolled-back transaction" + (p.sample().isEmpty() ? "" : "; rows at " + p.sample()),
                fix + "."));
    }

    /**
     * The audited data before and after the probes: equal proves the audit left no trace; a
     * difference can only come from other sessions, since every probe was rolled back.
     */
    public static Finding fingerprint(Map<String, String> before, Map<String, String> after) {
        if (before.equals(after)) {
            return new Finding(DataProof.UNCHANGED, Severity.INFO, CheckGroup.CROSS_TENANT_READ, "", "",
                    "The audited data is unchanged: every probe ran in a transaction that was rolled back.",
                    "row count and hash of " + before.size() + " tables equal before and after", "");
        }
        List<String> moved = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).sorted().toList();
        return new Finding(DataProof.MOVED, Severity.LOW, CheckGroup.CROSS_TENANT_READ, "", "",
                "The data changed while the audit ran; its probes were all rolled back, so other sessions wrote.",
                "changed: " + moved, "Run the audit at a quiet moment to get the proof.");
    }
}
