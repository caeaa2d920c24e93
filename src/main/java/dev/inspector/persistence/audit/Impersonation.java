package dev.inspector.persistence.audit;

import java.util.Set;

/**
 * A real member of a tenant whose rights the cross-tenant probes borrow: Supabase style (the
 * {@code authenticated} role with the user's JWT claims), or, where each tenant has a database role
 * of its own, that role ({@code tenantRole} not null). Ids are kept as text: a tenant key may be a
 * uuid, a number or a slug.
 *
 * @param legitTenants every tenant the user belongs to: rows of these are theirs to read
 */
public record Impersonation(String tenantId, String tenantName, String userId, String userLabel,
                            Set<String> legitTenants, String tenantRole) {

    public Impersonation {
        legitTenants = Set.copyOf(legitTenants);
    }

    /** The same member, acting as the tenant's own role named by the pattern ({id}, {name}, {slug}). */
    public Impersonation asTenantRole(String pattern) {
        String slug = tenantName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return new Impersonation(tenantId, tenantName, userId, userLabel, legitTenants,
                pattern.replace("{id}", tenantId).replace("{name}", tenantName).replace("{slug}", slug));
    }

    /** "alice@acme.test of Acme", or "role acme_tenant of Acme". */
    public String label() {
        return tenantRole != null ? "role " + tenantRole + " of " + tenantName : userLabel + " of " + tenantName;
    }
}
