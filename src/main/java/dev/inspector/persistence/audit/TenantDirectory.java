package dev.inspector.persistence.audit;

import dev.inspector.domain.audit.TenancyModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The tenants of the model and the members to impersonate: for each chosen tenant the member who
 * belongs to the fewest tenants (so the rows they may legitimately read are fewest), with every
 * tenant they belong to. Without a membership relation a made-up user carries the tenant in its
 * claims: the tenant policies are what is tested, and auth.uid() then names nobody.
 */
public final class TenantDirectory {

    /** A tenant by its id (as text) and the name it is shown by. */
    public record Tenant(String id, String name) {
    }

    private static final int MAX_TENANTS = 10_000;
    private final DSLContext dsl;
    private final TenancyModel model;

    public TenantDirectory(DSLContext dsl, TenancyModel model) {
        this.dsl = dsl;
        this.model = model;
    }

    public boolean available() {
        return model.tenants().isPresent();
    }

    /** Every tenant, by name. */
    public List<Tenant> tenants() {
        if (model.tenants().isEmpty()) {
            return List.of();
        }
        TenancyModel.RelationRef ref = model.tenants().get();
        Field<String> id = DSL.field(DSL.name("t", ref.idColumn())).cast(String.class);
        Field<String> name = model.tenantNameColumn().map(c -> DSL.field(DSL.name("t", c)).cast(String.class)).orElse(id);
        return dsl.select(id, DSL.coalesce(name, id)).from(DSL.table(DSL.name(ref.schema(), ref.name())).as("t"))
                .orderBy(DSL.coalesce(name, id), id).limit(MAX_TENANTS)
                .fetch(r -> new Tenant(r.value1(), r.value2()));
    }

    /** The requested tenants (ids or names), or the first {@code max} tenants that have a member. */
    public List<Impersonation> pick(List<String> requested, int max) {
        List<Tenant> tenants = tenants();
        List<Impersonation> picked = new ArrayList<>();
        if (requested.isEmpty()) {
            for (Tenant t : tenants) {
                if (picked.size() == max) {
                    break;
                }
                member(t).ifPresent(picked::add);
            }
            return picked;
        }
        for (String wanted : requested) {
            String w = wanted.strip();
            Tenant tenant = tenants.stream().filter(t -> t.id().equalsIgnoreCase(w)
                            || t.name().toLowerCase(Locale.ROOT).equals(w.toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No tenant has the id or name '" + w + "'."));
            picked.add(member(tenant).orElseGet(() -> madeUp(tenant)));
        }
        return picked;
    }

    private Optional<Impersonation> member(Tenant tenant) {
        if (model.membership().isEmpty()) {
            return Optional.of(madeUp(tenant));
        }
        TenancyModel.Membership m = model.membership().get();
        Table<?> members = DSL.table(DSL.name(m.schema(), m.name()));
        Field<String> user = DSL.field(DSL.name("m", m.userColumn())).cast(String.class);
        Field<String> tenantOf = DSL.field(DSL.name("m", m.tenantColumn())).cast(String.class);
        Field<String> otherUser = DSL.field(DSL.name("o", m.userColumn())).cast(String.class);
        Field<Integer> memberships = DSL.field(DSL.selectCount().from(members.as("o")).where(otherUser.eq(user)));
        Optional<String> userId = dsl.select(user).from(members.as("m")).where(tenantOf.eq(tenant.id())).and(user.isNotNull())
                .orderBy(memberships, user).limit(1).fetchOptional(user);
        return userId.map(id -> {
            Set<String> legit = new TreeSet<>(dsl.selectDistinct(tenantOf).from(members.as("m")).where(user.eq(id))
                    .and(tenantOf.isNotNull()).fetch(tenantOf));
            legit.add(tenant.id());
            return new Impersonation(tenant.id(), tenant.name(), id, label(id), legit, null);
        });
    }

    private String label(String userId) {
        if (model.users().isEmpty() || model.userLabelColumn().isEmpty()) {
            return "user " + userId;
        }
        TenancyModel.RelationRef users = model.users().get();
        Field<String> id = DSL.field(DSL.name("u", users.idColumn())).cast(String.class);
        Field<String> label = DSL.field(DSL.name("u", model.userLabelColumn().get())).cast(String.class);
        try {
            return dsl.select(label).from(DSL.table(DSL.name(users.schema(), users.name())).as("u")).where(id.eq(userId))
                    .fetchOptional(label).filter(l -> !l.isBlank()).orElse("user " + userId);
        } catch (org.jooq.exception.DataAccessException notReadable) {
            return "user " + userId; // the auditing role may not read the user directory: ids label the evidence
        }
    }

    private static Impersonation madeUp(Tenant tenant) {
        String user = UUID.nameUUIDFromBytes(("inspector-probe-" + tenant.id()).getBytes(StandardCharsets.UTF_8)).toString();
        return new Impersonation(tenant.id(), tenant.name(), user, "probe user " + user, Set.of(tenant.id()), null);
    }
}
