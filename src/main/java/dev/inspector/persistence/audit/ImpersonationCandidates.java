package dev.inspector.persistence.audit;

import dev.inspector.domain.failure.DatabaseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Finds the users to impersonate: for each chosen tenant an ordinary member from profiles, or, in a
 * database without profiles, a made-up user id carrying the tenant in its claims (the tenant
 * policies are what is tested; auth.uid() then names nobody).
 */
public final class ImpersonationCandidates {

    private final DSLContext dsl;
    private final boolean tenantsTable;
    private final boolean profilesTable;

    public ImpersonationCandidates(DSLContext dsl) {
        this.dsl = dsl;
        this.tenantsTable = exists("tenants");
        this.profilesTable = exists("profiles");
    }

    public boolean available() {
        return tenantsTable;
    }

    public List<UUID> allTenantIds() {
        return dsl.fetch("SELECT id FROM public.tenants ORDER BY name, id").getValues(0, UUID.class);
    }

    /** Every tenant's id and name, by name: what the admin can choose to impersonate. */
    public Map<UUID, String> tenantNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (Record t : dsl.fetch("SELECT id, name::text AS name FROM public.tenants ORDER BY name, id")) {
            names.put(t.get("id", UUID.class), t.get("name", String.class));
        }
        return names;
    }

    /** The requested tenants (ids or names), or by default the first {@code max} tenants with a member. */
    public List<Impersonation> pick(List<String> requested, int max) {
        List<Record> tenants = dsl.fetch("SELECT id, name::text AS name FROM public.tenants ORDER BY name, id");
        List<Impersonation> picked = new ArrayList<>();
        if (requested.isEmpty()) {
            for (Record t : tenants) {
                if (picked.size() == max) {
                    break;
                }
                member(t).ifPresent(picked::add);
            }
            return picked;
        }
        for (String wanted : requested) {
            Record tenant = tenants.stream().filter(t -> matches(t, wanted)).findFirst().orElseThrow(() ->
                    new DatabaseException("No tenant has the id or name '" + wanted + "'."));
            picked.add(member(tenant).orElseGet(() -> synthetic(tenant)));
        }
        return picked;
    }

    private Optional<Impersonation> member(Record tenant) {
        UUID id = tenant.get("id", UUID.class);
        String name = tenant.get("name", String.class);
        if (!profilesTable) {
            return Optional.of(synthetic(tenant));
        }
        return dsl.fetchOptional("SELECT id, email::text AS email FROM public.profiles "
                        + "WHERE tenant_id = ? AND NOT is_platform_admin ORDER BY email LIMIT 1", id)
                .map(u -> new Impersonation(id, name, u.get("id", UUID.class), u.get("email", String.class)));
    }

    private static Impersonation synthetic(Record tenant) {
        UUID id = tenant.get("id", UUID.class);
        UUID user = UUID.nameUUIDFromBytes(("inspector-probe-" + id).getBytes(StandardCharsets.UTF_8));
        return new Impersonation(id, tenant.get("name", String.class), user, "probe user " + user);
    }

    private static boolean matches(Record tenant, String wanted) {
        String w = wanted.strip();
        return tenant.get("id", UUID.class).toString().equalsIgnoreCase(w)
                || tenant.get("name", String.class).toLowerCase(Locale.ROOT).equals(w.toLowerCase(Locale.ROOT));
    }

    private boolean exists(String table) {
        return dsl.fetchExists(dsl.selectOne().from("information_schema.tables")
                .where("table_schema = 'public' AND table_name = ?", table));
    }
}
