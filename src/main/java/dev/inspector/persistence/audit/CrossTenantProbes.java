package dev.inspector.persistence.audit;

import dev.inspector.domain.audit.CheckGroup;
import dev.inspector.domain.audit.Finding;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.RelationKind;
import dev.inspector.domain.audit.Severity;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The rollout process's "log in as a tenant user and query without a filter", done properly:
 * Supabase style (SET LOCAL ROLE authenticated plus the user's JWT claims) or as the tenant's own
 * role where each tenant has one, inside a transaction that
 * is always rolled back, with statement and lock timeouts and a savepoint per probe. Evidence is
 * counts and row ids, never another tenant's data.
 */
public final class CrossTenantProbes {

    static final int READ_LIMIT = 100_000;
    private static final int SAMPLE = 5;
    private final DSLContext dsl;

    public CrossTenantProbes(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Probes every relation the API role may read (and, if asked, write) as each impersonated user. */
    public List<Finding> run(List<RelationFacts> relations, List<Impersonation> users, List<UUID> allTenants,
                             boolean writes, AuditProgress progress) {
        List<Finding> findings = new ArrayList<>();
        boolean rolePerTenant = users.stream().anyMatch(u -> u.tenantRole() != null);
        // With a role per tenant the API-role privileges say nothing: probe every relation and let
        // the database refuse what the tenant's role may not touch.
        List<RelationFacts> probed = relations.stream()
                .filter(r -> r.kind() != RelationKind.PARTITION)
                .filter(r -> rolePerTenant || r.apiPrivileges().containsKey("authenticated")).toList();
        int total = probed.size() * users.size() + 1;
        int done = 0;
        for (Impersonation user : users) {
            for (RelationFacts r : probed) {
                if (progress.cancelled()) {
                    return findings;
                }
                progress.step("As " + user.label() + ": " + r.qualifiedName(), done++, total);
                List<UUID> others = victims(r, user.tenantId(), allTenants);
                inRolledBackTransaction(user, tx -> {
                    read(tx, r, user, others, findings);
                    if (writes) {
                        write(tx, r, user, others, findings);
                    }
                });
            }
        }
        if (!rolePerTenant) {
            progress.step("Without claims", done, total);
            for (RelationFacts r : probed) {
                inRolledBackTransaction(null, tx -> noClaims(tx, r, findings));
            }
        }
        return findings;
    }

    /**
     * Other tenants whose rows the relation holds (read as the auditor, ids only), so write probes
     * aim at rows that exist; tenants without rows there would make every write trivially "refused".
     */
    private List<UUID> victims(RelationFacts r, UUID own, List<UUID> allTenants) {
        Field<UUID> tenant = DSL.field(DSL.name(r.tenantColumn()), UUID.class);
        List<UUID> present = List.of();
        try {
            present = dsl.selectDistinct(tenant).from(Relations.table(r.qualifiedName()))
                    .where(tenant.isNotNull()).and(tenant.ne(own)).limit(3).fetch(tenant);
        } catch (DataAccessException notComparable) {
            // a tenant column that is not a uuid: fall back to the tenant list
        }
        return present.isEmpty()
                ? allTenants.stream().filter(t -> !t.equals(own)).limit(3).toList()
                : present;
    }

    private interface Probe {
        void run(DSLContext tx);
    }

    /** Borrows a pooled connection, impersonates, probes, and always rolls back. */
    private void inRolledBackTransaction(Impersonation user, Probe probe) {
        dsl.connection(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                DSLContext tx = DSL.using(connection, SQLDialect.POSTGRES);
                tx.execute("SET LOCAL statement_timeout = '5s'");
                tx.execute("SET LOCAL lock_timeout = '2s'");
                if (user != null && user.tenantRole() != null) {
                    tx.execute(DSL.query("SET LOCAL ROLE {0}", DSL.name(user.tenantRole())));
                } else {
                    tx.select(DSL.function("set_config", String.class, DSL.val("request.jwt.claims"),
                            DSL.val(user == null ? "" : user.claims()), DSL.val(true))).fetch();
                    tx.execute("SET LOCAL ROLE authenticated");
                }
                probe.run(tx);
            } finally {
                rollback(connection);
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    private void read(DSLContext tx, RelationFacts r, Impersonation user, List<UUID> others, List<Finding> out) {
        Table<?> table = Relations.table(r.qualifiedName());
        Field<Object> tenant = Relations.column(r.tenantColumn());
        Field<UUID> tenantId = tenant.cast(UUID.class);
        Record3<Integer, Integer, Integer> counts = savepoint(tx, () -> tx.select(
                        DSL.count().filterWhere(tenantId.isDistinctFrom(user.tenantId()).and(tenant.isNotNull())),
                        DSL.countDistinct(tenant).filterWhere(tenantId.isDistinctFrom(user.tenantId())),
                        DSL.count().filterWhere(tenant.isNull()))
                .from(DSL.select(tenant).from(table).limit(READ_LIMIT).asTable("s"))
                .fetchOne());
        if (counts == null) {
            return; // the role may not read it at all: nothing leaks
        }
        if (counts.value1() > 0) {
            List<String> ids = savepoint(tx, () -> sample(tx, r, table, tenantId.in(others)));
            out.add(new Finding("XT-READ-OTHER-TENANTS", Severity.CRITICAL, CheckGroup.CROSS_TENANT_READ,
                    r.qualifiedName(), user.tenantName(),
                    "A user of " + user.tenantName() + " reads " + counts.value1() + " row(s) of "
                            + counts.value2() + " other tenant(s) in " + r.qualifiedName() + ".",
                    "as " + user.label() + ", SELECT without a filter (first " + READ_LIMIT + " rows); "
                            + "probe for other tenants' ids found rows at (ctid): " + (ids == null ? List.of() : ids),
                    "Enable Row Level Security with a policy comparing " + r.tenantColumn() + " with the caller's tenant."));
        }
        if (counts.value3() > 0) {
            out.add(new Finding("XT-READ-NULL-TENANT", Severity.HIGH, CheckGroup.CROSS_TENANT_READ,
                    r.qualifiedName(), user.tenantName(),
                    "A user of " + user.tenantName() + " reads " + counts.value3() + " row(s) that belong to no tenant.",
                    "as " + user.label() + ": " + counts.value3() + " rows with " + r.tenantColumn() + " IS NULL visible",
                    "Assign those rows a tenant, and make the policy reject NULL tenant ids."));
        }
    }

    private void noClaims(DSLContext tx, RelationFacts r, List<Finding> out) {
        Table<?> table = Relations.table(r.qualifiedName());
        Integer visible = savepoint(tx, () -> tx.fetchCount(DSL.selectOne().from(table).limit(READ_LIMIT)));
        if (visible != null && visible > 0) {
            out.add(new Finding("XT-READ-NO-CLAIMS", Severity.HIGH, CheckGroup.CROSS_TENANT_READ, r.qualifiedName(), "",
                    "Without any JWT claims, the authenticated role still reads " + visible + " row(s).",
                    "SET ROLE authenticated, request.jwt.claims empty: " + visible + " rows visible",
                    "Policies must deny when the caller has no tenant (compare with auth.tenant_id(), which is NULL then)."));
        }
    }

    private void write(DSLContext tx, RelationFacts r, Impersonation user, List<UUID> others, List<Finding> out) {
        if (others.isEmpty()) {
            return;
        }
        Set<String> privileges = user.tenantRole() != null ? Set.of("INSERT", "UPDATE", "DELETE")
                : r.apiPrivileges().getOrDefault("authenticated", Set.of());
        Table<?> table = Relations.table(r.qualifiedName());
        Field<UUID> tenant = DSL.field(DSL.name(r.tenantColumn()), UUID.class);
        UUID victim = others.get(0);
        if (privileges.contains("UPDATE")) {
            Integer updated = savepoint(tx, () -> tx.update(table).set(tenant, tenant)
                    .where(tenant.in(others)).execute());
            flagWrite(out, r, user, updated, "XT-WRITE-UPDATE-OTHER", "updated " + updated + " row(s) of other tenants");
            Integer moved = savepoint(tx, () -> tx.update(table).set(tenant, victim)
                    .where(tenant.eq(user.tenantId())).execute());
            flagWrite(out, r, user, moved, "XT-WRITE-MOVE-OWN", "moved " + moved + " of its own row(s) to tenant " + victim);
        }
        if (privileges.contains("DELETE")) {
            Integer deleted = savepoint(tx, () -> tx.deleteFrom(table).where(tenant.in(others)).execute());
            flagWrite(out, r, user, deleted, "XT-WRITE-DELETE-OTHER", "deleted " + deleted + " row(s) of other tenants");
        }
        if (privileges.contains("INSERT")) {
            // Copy one of the user's own rows into the victim tenant. A unique violation means Row Level
            // Security let the row through and only a key stopped it, which still counts as a leak.
            Integer inserted = savepoint(tx, () -> insertAs(tx, table, r.tenantColumn(), user.tenantId(), victim));
            flagWrite(out, r, user, inserted, "XT-WRITE-INSERT-OTHER", "inserted a row for tenant " + victim);
        }
    }

    private static int insertAs(DSLContext tx, Table<?> table, String tenantColumn, UUID own, UUID victim) {
        try {
            return tx.execute(DSL.query("INSERT INTO {0} SELECT (jsonb_populate_record(NULL::{0}, "
                            + "to_jsonb(r) || jsonb_build_object({1}, {2}))).* FROM {0} r WHERE r.{3} = {4} LIMIT 1",
                    table, DSL.val(tenantColumn), DSL.val(victim.toString()), DSL.name(tenantColumn), DSL.val(own)));
        } catch (DataAccessException e) {
            if ("23505".equals(e.sqlState())) {
                return 1;
            }
            throw e;
        }
    }

    private static void flagWrite(List<Finding> out, RelationFacts r, Impersonation user, Integer rows, String id,
                                  String what) {
        if (rows != null && rows > 0) {
            out.add(new Finding(id, Severity.CRITICAL, CheckGroup.CROSS_TENANT_WRITE, r.qualifiedName(), user.tenantName(),
                    "A user of " + user.tenantName() + " " + what + " in " + r.qualifiedName() + " (rolled back).",
                    "as " + user.label() + " inside a rolled-back transaction: " + what,
                    "Row Level Security with USING and WITH CHECK comparing " + r.tenantColumn() + " with the caller's tenant."));
        }
    }

    /** The probe's value, or null when the database refused it; the transaction stays usable either way. */
    private static <T> T savepoint(DSLContext tx, java.util.function.Supplier<T> probe) {
        tx.execute("SAVEPOINT probe");
        try {
            T value = probe.get();
            tx.execute("ROLLBACK TO SAVEPOINT probe");
            return value;
        } catch (DataAccessException refused) {
            tx.execute("ROLLBACK TO SAVEPOINT probe");
            return null;
        }
    }

    private static List<String> sample(DSLContext tx, RelationFacts r, Table<?> table, org.jooq.Condition where) {
        Field<String> id = DSL.field(DSL.name("ctid")).cast(String.class);
        return tx.select(id).from(table).where(where).limit(SAMPLE).fetch(id);
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new DataAccessException("Rolling back the probe transaction failed", e);
        }
    }
}
