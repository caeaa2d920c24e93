package dev.inspector.persistence.audit;

import dev.inspector.domain.audit.AuditProgress;
import dev.inspector.domain.audit.TenancyModel;
import dev.inspector.domain.audit.probe.ProbeKind;
import dev.inspector.domain.audit.probe.ProbePlan;
import dev.inspector.domain.audit.probe.ProbeResult;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The rollout process's "log in as a tenant user and query without a filter", done the way an
 * attacker would: as each impersonated member read every tenant relation, then forge what the
 * policies trust, take the roles the API role may become, and (opt-in) write into other tenants
 * and into memberships. One transaction per member, always rolled back, with statement and lock
 * timeouts and a savepoint per probe. It reports counts and row addresses; the domain judges them.
 */
public final class CrossTenantProbes {

    private static final String OUTSIDER = UUID.nameUUIDFromBytes("inspector-outsider".getBytes(StandardCharsets.UTF_8)).toString();
    private static final String FIRST_ROWS = "among the first " + ProbeSession.OUTSIDER_LIMIT + " rows looked at";
    private final DSLContext dsl;
    private final TenancyModel model;

    public CrossTenantProbes(DSLContext dsl, TenancyModel model) {
        this.dsl = dsl;
        this.model = model;
    }

    /** Whether the connected role may SET ROLE to {@code role} (a superuser may; others need membership). */
    public boolean canActAs(String role) {
        return Boolean.TRUE.equals(dsl.fetchValue(DSL.field("pg_has_role(current_user, {0}::name, 'MEMBER')", Boolean.class,
                DSL.val(role))));
    }

    /**
     * @param apiRole   the role users act as (authenticated), unless each has a tenant role
     * @param tenantIds every tenant's id, to pick a victim where a relation holds no other tenant's rows
     */
    public List<ProbeResult> run(ProbePlan plan, List<Impersonation> users, String apiRole, List<String> tenantIds,
                                 AuditProgress progress) {
        List<ProbeResult> results = new ArrayList<>();
        plan.skipped().forEach(skip -> results.add(new ProbeResult(ProbeKind.WRITE_SKIPPED, skip.relation(), "", "", 0, 0,
                List.of(), skip.reason())));
        int perUser = plan.reads().size() + plan.writes().size() + plan.joins().size() + 1;
        int total = perUser * users.size() + 1;
        int done = 0;
        for (Impersonation user : users) {
            if (progress.cancelled()) {
                return results;
            }
            progress.step("As " + user.label(), done, total);
            Optional<String> victim = tenantIds.stream().filter(id -> !user.legitTenants().contains(id)).findFirst();
            inRolledBackTransaction(plan, s -> probeAs(s, user, apiRole, victim, plan, results));
            done += perUser;
        }
        boolean rolePerTenant = users.stream().anyMatch(u -> u.tenantRole() != null);
        if (!rolePerTenant && !progress.cancelled()) {
            progress.step("As a user of no tenant, and signed out", done, total);
            inRolledBackTransaction(plan, s -> outsiders(s, plan, apiRole, results));
        }
        return results;
    }

    private void probeAs(ProbeSession s, Impersonation user, String apiRole, Optional<String> victim, ProbePlan plan,
                         List<ProbeResult> out) {
        WriteProbes writes = new WriteProbes(s, user);
        Map<ProbePlan.Target, WriteProbes.Prepared> prepared = new HashMap<>();
        plan.writes().forEach(t -> prepared.put(t, writes.prepare(t, victim.orElse(null))));

        s.impersonate(user, apiRole, Optional.empty());
        Map<ProbePlan.Target, Long> baseline = new HashMap<>();
        for (ProbePlan.Target t : plan.reads()) {
            ProbeSession.Counts counts = s.probe(() -> s.visible(t, user.legitTenants()));
            if (counts == null) {
                continue; // refused: the role may not read it at all
            }
            baseline.put(t, counts.others());
            if (counts.others() > 0) {
                out.add(result(ProbeKind.READ_OTHER_TENANTS, t, user, counts.others(), s.otherTenants(t, user.legitTenants()),
                        s.sample(t, user.legitTenants()), ""));
            }
            if (counts.nulls() > 0) {
                out.add(result(ProbeKind.READ_NULL_TENANT, t, user, counts.nulls(), 0, List.of(), ""));
            }
        }
        List<ProbePlan.Target> sealed = plan.reads().stream().filter(t -> baseline.getOrDefault(t, 1L) == 0).toList();
        victim.filter(v -> plan.forgery().any()).ifPresent(v -> s.probe(() -> {
            s.resetRole();
            s.impersonate(user, apiRole, Optional.of(v));
            readAgain(s, sealed, user, ProbeKind.READ_FORGED, plan.forgery().words(), out);
            return null;
        }));
        for (String role : plan.escalation()) {
            s.probe(() -> {
                s.setRole(role);
                readAgain(s, sealed, user, ProbeKind.READ_AS_ROLE, role, out);
                return null;
            });
        }
        for (ProbePlan.Target t : plan.writes()) {
            writes.run(t, prepared.get(t), out);
        }
        if (victim.isPresent()) {
            for (ProbePlan.Join join : plan.joins()) {
                s.probe(() -> {
                    writes.join(join, victim.get()).ifPresent(how -> joined(s, join, how, victim.get(), sealed, user, out));
                    return null;
                });
            }
        }
    }

    /** Reads the relations that showed nothing foreign before; whatever shows now came from the change. */
    private static void readAgain(ProbeSession s, List<ProbePlan.Target> sealed, Impersonation user, ProbeKind kind,
                                  String detail, List<ProbeResult> out) {
        for (ProbePlan.Target t : sealed) {
            ProbeSession.Counts counts = s.probe(() -> s.visible(t, user.legitTenants()));
            if (counts != null && counts.others() > 0) {
                out.add(result(kind, t, user, counts.others(), s.otherTenants(t, user.legitTenants()),
                        s.sample(t, user.legitTenants()), detail));
            }
        }
    }

    private static void joined(ProbeSession s, ProbePlan.Join join, String how, String victim, List<ProbePlan.Target> sealed,
                               Impersonation user, List<ProbeResult> out) {
        long rows = 0;
        List<String> reached = new ArrayList<>();
        for (ProbePlan.Target t : sealed) {
            if (t.relation().equals(join.relation())) {
                continue;
            }
            Long seen = s.probe(() -> s.visibleOf(t, victim));
            if (seen != null && seen > 0) {
                rows += seen;
                reached.add(t.relation());
            }
        }
        if (rows > 0) {
            out.add(new ProbeResult(ProbeKind.JOIN_OTHER, join.relation(), user.tenantName(), user.label(), rows, 1, List.of(),
                    how + "; then read " + String.join(", ", reached)));
        }
    }

    private void outsiders(ProbeSession s, ProbePlan plan, String apiRole, List<ProbeResult> out) {
        Impersonation nobody = new Impersonation("", "", OUTSIDER, "a signed-in user of no tenant", java.util.Set.of(), null);
        s.probe(() -> {
            s.outsider(apiRole, OUTSIDER);
            for (ProbePlan.Target t : plan.reads()) {
                ProbeSession.Counts counts = s.probe(() -> s.visible(t, java.util.Set.of(), ProbeSession.OUTSIDER_LIMIT));
                if (counts != null && counts.others() > 0) {
                    out.add(result(ProbeKind.READ_WITHOUT_TENANT, t, nobody, counts.others(), counts.otherTenants(), List.of(),
                            FIRST_ROWS));
                }
            }
            return null;
        });
        Impersonation anon = new Impersonation("", "", "", "anon, signed out", java.util.Set.of(), null);
        s.probe(() -> {
            s.outsider("anon", "");
            for (ProbePlan.Target t : plan.reads()) {
                ProbeSession.Counts counts = s.probe(() -> s.visible(t, java.util.Set.of(), ProbeSession.OUTSIDER_LIMIT));
                if (counts != null && counts.others() > 0) {
                    out.add(result(ProbeKind.READ_AS_ANON, t, anon, counts.others(), counts.otherTenants(), List.of(), FIRST_ROWS));
                }
            }
            return null;
        });
    }

    private static ProbeResult result(ProbeKind kind, ProbePlan.Target t, Impersonation user, long rows, long tenants,
                                      List<String> sample, String detail) {
        return new ProbeResult(kind, t.relation(), user.tenantName(), user.tenantName().isEmpty() ? user.userLabel() : user.label(),
                rows, tenants, sample, detail);
    }

    /** Borrows a pooled connection, runs the probes and always rolls back. */
    private void inRolledBackTransaction(ProbePlan plan, Consumer<ProbeSession> probes) {
        dsl.connection(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                DSLContext tx = DSL.using(connection, SQLDialect.POSTGRES);
                tx.execute("SET LOCAL statement_timeout = '5s'");
                tx.execute("SET LOCAL lock_timeout = '2s'");
                probes.accept(new ProbeSession(tx, plan, model));
            } finally {
                rollback(connection);
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new DataAccessException("Rolling back the probe transaction failed", e);
        }
    }
}
