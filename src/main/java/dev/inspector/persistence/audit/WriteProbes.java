package dev.inspector.persistence.audit;

import dev.inspector.domain.audit.probe.ProbeKind;
import dev.inspector.domain.audit.probe.ProbePlan;
import dev.inspector.domain.audit.probe.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The writes an attacker tries, each in its own savepoint: update and delete rows of another
 * tenant, with and without a WHERE (an unfiltered statement is not narrowed by the SELECT
 * policies), move own rows into another tenant, insert into another tenant, and write another
 * tenant into a membership to read its rows afterwards. Values are written as untyped literals,
 * which PostgreSQL converts to each column's type.
 */
final class WriteProbes {

    private final ProbeSession s;
    private final Impersonation user;

    WriteProbes(ProbeSession session, Impersonation user) {
        this.s = session;
        this.user = user;
    }

    /** What the auditor learns before becoming the user: whose rows are there, and where they are. */
    record Prepared(List<String> victims, List<String> addresses) {
    }

    Prepared prepare(ProbePlan.Target t, String fallbackVictim) {
        List<String> victims = s.otherTenantsWithRows(t, user.legitTenants());
        List<String> addresses = victims.isEmpty() ? List.of() : s.rowAddresses(t, victims);
        if (victims.isEmpty() && fallbackVictim != null) {
            victims = List.of(fallbackVictim);
        }
        return new Prepared(victims, addresses);
    }

    void run(ProbePlan.Target t, Prepared prepared, List<ProbeResult> out) {
        if (prepared.victims().isEmpty()) {
            return;
        }
        DSLContext tx = s.dsl();
        Table<?> table = Relations.table(t.relation());
        Field<Object> tenant = Relations.column(t.tenantColumn());
        Field<String> text = tenant.cast(String.class);
        Field<String> same = DSL.field(DSL.name(t.updateColumn()), String.class); // typed for jOOQ only: no cast is written
        Field<String> tenantColumn = DSL.field(DSL.name(t.tenantColumn()), String.class);
        String victim = prepared.victims().get(0);
        if (t.allows("UPDATE")) {
            Integer updated = s.probe(() -> tx.update(table).set(same, same).where(ProbeSession.among(t, prepared.victims())).execute());
            if (!report(out, ProbeKind.UPDATE_OTHER, t, updated)) {
                report(out, ProbeKind.UPDATE_ALL, t, unfiltered(t, prepared, () -> tx.update(table).set(same, same).execute()));
            }
            if (!t.registry()) {
                report(out, ProbeKind.MOVE_OWN, t, s.probe(() -> tx.update(table).set(tenantColumn, untyped(victim))
                        .where(ProbeSession.among(t, List.of(user.tenantId()))).execute()));
            }
        }
        if (t.allows("DELETE")) {
            Integer deleted = s.probe(() -> tx.deleteFrom(table).where(ProbeSession.among(t, prepared.victims())).execute());
            if (!report(out, ProbeKind.DELETE_OTHER, t, deleted)) {
                report(out, ProbeKind.DELETE_ALL, t, unfiltered(t, prepared, () -> tx.deleteFrom(table).execute()));
            }
        }
        if (t.allows("INSERT") && !t.registry()) {
            report(out, ProbeKind.INSERT_OTHER, t, s.probe(() -> copyOwnRow(table, Map.of(t.tenantColumn(), victim),
                    t.tenantColumn(), user.tenantId())));
        }
    }

    /** Runs a statement without WHERE and counts, as the auditor, the other tenants' row versions it touched. */
    private Integer unfiltered(ProbePlan.Target t, Prepared prepared, java.util.function.IntSupplier statement) {
        if (prepared.addresses().isEmpty()) {
            return null;
        }
        return s.probe(() -> {
            statement.getAsInt();
            s.resetRole();
            return (int) (prepared.addresses().size() - s.stillThere(t, prepared.addresses()));
        });
    }

    /**
     * Writes another tenant into a relation a user may write tenants into (a membership, a profile,
     * a settings row) and keeps the write: the caller reads afterwards and rolls back. Returns how it
     * was written, or empty when the database refused.
     */
    Optional<String> join(ProbePlan.Join join, String victim) {
        DSLContext tx = s.dsl();
        Table<?> table = Relations.table(join.relation());
        Field<String> userText = Relations.column(join.userColumn()).cast(String.class);
        if (join.update()) {
            Map<Field<?>, Object> values = new java.util.LinkedHashMap<>();
            join.tenantColumns().forEach(c -> values.put(Relations.column(c), DSL.inline(victim)));
            int[] rows = {0};
            boolean ok = s.attempt(() -> rows[0] = tx.update(table).set(values).where(userText.eq(user.userId())).execute());
            if (ok && rows[0] > 0) {
                return Optional.of("UPDATE of " + String.join(", ", join.tenantColumns()) + " on the user's own row");
            }
        }
        if (join.insert()) {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            join.tenantColumns().forEach(c -> values.put(c, victim));
            values.put(join.userColumn(), user.userId());
            int[] rows = {0};
            boolean ok = s.attempt(() -> rows[0] = copyOwnRow(table, values, join.userColumn(), user.userId()));
            if (!ok || rows[0] == 0) {
                ok = s.attempt(() -> rows[0] = insertValues(table, values));
            }
            if (ok && rows[0] > 0) {
                return Optional.of("INSERT of a row naming the user and another tenant");
            }
        }
        return Optional.empty();
    }

    /**
     * Copies one of the user's own rows with some columns replaced. A unique violation means Row
     * Level Security let the row through (its checks run before the unique index): it counts as written.
     */
    private int copyOwnRow(Table<?> table, Map<String, String> replaced, String ownColumn, String ownValue) {
        List<Object> pairs = new ArrayList<>();
        replaced.forEach((column, value) -> {
            pairs.add(DSL.val(column));
            pairs.add(DSL.val(value));
        });
        try {
            return s.dsl().execute(DSL.query("INSERT INTO {0} OVERRIDING SYSTEM VALUE SELECT (jsonb_populate_record(NULL::{0}, "
                            + "to_jsonb(r) || jsonb_build_object({1}))).* FROM {0} r WHERE r.{2}::text = {3} LIMIT 1",
                    table, DSL.list(pairs.stream().map(p -> (org.jooq.QueryPart) p).toList()), DSL.name(ownColumn), DSL.val(ownValue)));
        } catch (DataAccessException e) {
            if ("23505".equals(e.sqlState())) {
                return 1;
            }
            throw e;
        }
    }

    private int insertValues(Table<?> table, Map<String, String> values) {
        List<Field<Object>> columns = values.keySet().stream().map(Relations::column).toList();
        return s.dsl().insertInto(table).columns(columns)
                .values(values.values().stream().map(v -> (Object) DSL.inline(v)).toList()).execute();
    }

    /** A literal PostgreSQL converts to the column's type (a bound varchar would not convert). */
    private static Field<String> untyped(String value) {
        return DSL.field("{0}", String.class, DSL.inline(value));
    }

    private boolean report(List<ProbeResult> out, ProbeKind kind, ProbePlan.Target t, Integer rows) {
        if (rows == null || rows <= 0) {
            return false;
        }
        out.add(new ProbeResult(kind, t.relation(), user.tenantName(), user.label(), rows, 0, List.of(), ""));
        return true;
    }
}
