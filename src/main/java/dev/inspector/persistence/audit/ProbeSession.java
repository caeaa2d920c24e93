package dev.inspector.persistence.audit;

import dev.inspector.domain.audit.TenancyModel;
import dev.inspector.domain.audit.probe.ProbePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * One probe transaction: becoming a user the way the API would (role, JWT claims, and whatever
 * the plan says the application sets for its own tenant), or forging those inputs for another
 * tenant; savepoints so each probe's effects and refusals stay its own; and the counts the probes
 * report. The caller rolls the whole transaction back.
 */
final class ProbeSession {

    static final int READ_LIMIT = 100_000;
    /** Outsiders should see no tenant row at all: the first thousand rows answer that. */
    static final int OUTSIDER_LIMIT = 1_000;
    private static final int SAMPLE = 5;

    private final DSLContext tx;
    private final ProbePlan plan;
    private final TenancyModel model;
    private int depth;

    ProbeSession(DSLContext tx, ProbePlan plan, TenancyModel model) {
        this.tx = tx;
        this.plan = plan;
        this.model = model;
    }

    DSLContext dsl() {
        return tx;
    }

    /**
     * Becomes the user: SET ROLE and the claims PostgREST would set, with the tenant in app_metadata
     * and as a claim of its own. {@code forged} names another tenant to put into everything the
     * caller controls (user metadata, headers, settings); empty sets them to the user's own tenant.
     */
    void impersonate(Impersonation user, String apiRole, Optional<String> forged) {
        String role = user.tenantRole() != null ? user.tenantRole() : apiRole;
        String own = user.tenantId();
        String chosen = forged.orElse(own);
        Field<JSONB> metadata = keys(forged.isPresent() ? plan.forgery().metadataKeys() : Set.of(), chosen);
        Field<JSONB> tenantClaims = keys(new java.util.TreeSet<>(List.of("tenant_id", model.tenantColumn())), own);
        Field<JSONB> claims = DSL.field("jsonb_build_object('sub', {0}::text, 'role', {1}::text, 'aud', 'authenticated', "
                        + "'app_metadata', {2}, 'user_metadata', {3}) || {2}", JSONB.class,
                DSL.val(user.userId()), DSL.val(role), tenantClaims, metadata);
        tx.select(DSL.function("set_config", String.class, DSL.inline("request.jwt.claims"), claims.cast(String.class),
                DSL.inline(true))).fetch();
        setting("request.jwt.claim.sub", user.userId());
        setting("request.jwt.claim.role", role);
        for (String setting : plan.forgery().settings()) {
            attempt(() -> setting(setting, chosen));
        }
        if (!plan.forgery().headerKeys().isEmpty()) {
            tx.select(DSL.function("set_config", String.class, DSL.inline("request.headers"),
                    keys(plan.forgery().headerKeys(), chosen).cast(String.class), DSL.inline(true))).fetch();
        }
        if (forged.isPresent() && plan.forgery().rawUserMetaData() && model.users().isPresent()) {
            // what a user does through the Auth API; the auditor writes it here, inside the transaction
            TenancyModel.RelationRef users = model.users().get();
            attempt(() -> tx.execute(DSL.query("UPDATE {0} SET raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || {1} "
                    + "WHERE {2}::text = {3}", DSL.table(DSL.name(users.schema(), users.name())), metadata,
                    DSL.name(users.idColumn()), DSL.val(user.userId()))));
        }
        tx.execute(DSL.query("SET LOCAL ROLE {0}", DSL.name(role)));
    }

    /** Signed in as nobody's member (authenticated), or signed out (anon). */
    void outsider(String role, String userId) {
        Field<JSONB> claims = role.equals("anon")
                ? DSL.field("jsonb_build_object('role', 'anon')", JSONB.class)
                : DSL.field("jsonb_build_object('sub', {0}::text, 'role', {1}::text, 'aud', 'authenticated')", JSONB.class,
                        DSL.val(userId), DSL.val(role));
        tx.select(DSL.function("set_config", String.class, DSL.inline("request.jwt.claims"), claims.cast(String.class),
                DSL.inline(true))).fetch();
        tx.execute(DSL.query("SET LOCAL ROLE {0}", DSL.name(role)));
    }

    void setRole(String role) {
        tx.execute(DSL.query("SET LOCAL ROLE {0}", DSL.name(role)));
    }

    void resetRole() {
        tx.execute("RESET ROLE");
    }

    private void setting(String name, String value) {
        tx.select(DSL.function("set_config", String.class, DSL.val(name), DSL.val(value), DSL.inline(true))).fetch();
    }

    /** {"key": value, …} built by PostgreSQL from bound arrays, so nothing needs escaping here. */
    private static Field<JSONB> keys(Set<String> keys, String value) {
        String[] names = keys.stream().sorted().toArray(String[]::new);
        String[] values = java.util.Collections.nCopies(names.length, value).toArray(String[]::new);
        return DSL.field("jsonb_object({0}::text[], {1}::text[])", JSONB.class, DSL.val(names), DSL.val(values));
    }

    // --- savepoints ---------------------------------------------------------------------------------

    /** Runs the probe and always undoes it; null when the database refused it. */
    <T> T probe(Supplier<T> probe) {
        String name = "probe_" + depth++;
        tx.execute("SAVEPOINT " + name);
        try {
            return probe.get();
        } catch (DataAccessException refused) {
            return null;
        } finally {
            tx.execute("ROLLBACK TO SAVEPOINT " + name);
            depth--;
        }
    }

    /** Runs the step and keeps its effect; false (and no effect) when the database refused it. */
    boolean attempt(Runnable step) {
        String name = "step_" + depth++;
        tx.execute("SAVEPOINT " + name);
        try {
            step.run();
            tx.execute("RELEASE SAVEPOINT " + name);
            return true;
        } catch (DataAccessException refused) {
            tx.execute("ROLLBACK TO SAVEPOINT " + name);
            return false;
        } finally {
            depth--;
        }
    }

    // --- counts ---------------------------------------------------------------------------------------

    /** Rows of tenants outside {@code legit} (and of how many tenants), and rows without a tenant, among the first READ_LIMIT. */
    record Counts(long others, long otherTenants, long nulls) {
    }

    Counts visible(ProbePlan.Target t, Set<String> legit) {
        return visible(t, legit, READ_LIMIT);
    }

    /** The same among the first {@code limit} rows: a yes-or-no question needs fewer. */
    Counts visible(ProbePlan.Target t, Set<String> legit, int limit) {
        Field<Object> tenant = Relations.column(t.tenantColumn());
        Condition other = tenant.isNotNull().andNot(among(t, legit));
        return tx.select(DSL.count().filterWhere(other), DSL.count().filterWhere(tenant.isNull()))
                .from(DSL.select(tenant).from(Relations.table(t.relation())).limit(limit).asTable("s"))
                .fetchOne(r -> new Counts(r.value1(), 0, r.value2()));
    }

    /** How many tenants outside {@code legit} the visible rows belong to: asked only where some showed. */
    long otherTenants(ProbePlan.Target t, Set<String> legit) {
        Field<Object> tenant = Relations.column(t.tenantColumn());
        Long tenants = probe(() -> tx.select(DSL.countDistinct(tenant))
                .from(DSL.select(tenant).from(Relations.table(t.relation())).limit(READ_LIMIT).asTable("s"))
                .where(tenant.isNotNull()).andNot(among(t, legit)).fetchOne(r -> (long) r.value1()));
        return tenants == null ? 0 : tenants;
    }

    /**
     * The tenant column among the ids, compared as the column's own type where it is a usual key
     * type (so its index and the policies' conditions stay usable), else as text.
     */
    static Condition among(ProbePlan.Target t, java.util.Collection<String> ids) {
        Name column = DSL.name(t.tenantColumn());
        try {
            String type = t.tenantType();
            if (type.equals("uuid")) {
                return DSL.field(column, SQLDataType.UUID).in(ids.stream().map(java.util.UUID::fromString).toList());
            } else if (type.equals("bigint")) {
                return DSL.field(column, SQLDataType.BIGINT).in(ids.stream().map(Long::valueOf).toList());
            } else if (type.equals("integer")) {
                return DSL.field(column, SQLDataType.INTEGER).in(ids.stream().map(Integer::valueOf).toList());
            } else if (type.equals("text") || type.startsWith("character varying")) {
                return DSL.field(column, SQLDataType.VARCHAR).in(ids);
            }
        } catch (IllegalArgumentException notOfThatType) {
            // an id that is not of the column's type: compare as text below
        }
        return DSL.field(column).cast(String.class).in(ids);
    }

    /** Up to five row addresses of visible rows outside {@code legit}. */
    List<String> sample(ProbePlan.Target t, Set<String> legit) {
        Field<Object> tenant = Relations.column(t.tenantColumn());
        Field<String> ctid = DSL.field(DSL.name("ctid")).cast(String.class);
        List<String> rows = probe(() -> tx.select(ctid).from(Relations.table(t.relation()))
                .where(tenant.isNotNull()).andNot(among(t, legit)).limit(SAMPLE).fetch(ctid));
        return rows == null ? List.of() : rows; // views have no ctid
    }

    /** Visible rows of one tenant. */
    long visibleOf(ProbePlan.Target t, String tenantId) {
        Field<Object> tenant = Relations.column(t.tenantColumn());
        return tx.fetchCount(DSL.select(tenant).from(Relations.table(t.relation()))
                .where(among(t, Set.of(tenantId))).limit(READ_LIMIT));
    }

    /** As the auditor: a few tenants outside {@code legit} with rows here, and addresses of their rows. */
    List<String> otherTenantsWithRows(ProbePlan.Target t, Set<String> legit) {
        Field<String> text = Relations.column(t.tenantColumn()).cast(String.class);
        List<String> found = probe(() -> tx.selectDistinct(text).from(Relations.table(t.relation()))
                .where(text.isNotNull()).andNot(among(t, legit)).limit(3).fetch(text));
        return found == null ? List.of() : new ArrayList<>(found);
    }

    List<String> rowAddresses(ProbePlan.Target t, List<String> tenants) {
        Field<String> ctid = DSL.field(DSL.name("ctid")).cast(String.class);
        List<String> rows = probe(() -> tx.select(ctid).from(Relations.table(t.relation()))
                .where(among(t, tenants)).limit(1000).fetch(ctid));
        return rows == null ? List.of() : rows;
    }

    /** How many of the given row addresses still hold their row version (an UPDATE or DELETE moves it away). */
    long stillThere(ProbePlan.Target t, List<String> addresses) {
        return tx.fetchCount(Relations.table(t.relation()), DSL.condition("ctid = ANY ({0}::tid[])",
                DSL.val(addresses.toArray(String[]::new))));
    }
}
