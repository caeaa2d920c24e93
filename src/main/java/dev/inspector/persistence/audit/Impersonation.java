package dev.inspector.persistence.audit;

import java.util.UUID;

/**
 * A real user of a tenant whose rights the cross-tenant probes borrow: Supabase style (the
 * {@code authenticated} role with the user's JWT claims), or, where each tenant has a database role
 * of its own, that role ({@code tenantRole} not null).
 */
public record Impersonation(UUID tenantId, String tenantName, UUID userId, String userEmail, String tenantRole) {

    public Impersonation(UUID tenantId, String tenantName, UUID userId, String userEmail) {
        this(tenantId, tenantName, userId, userEmail, null);
    }

    /** The same tenant, acted for by its own role named after {@code pattern} ({id} = the tenant id). */
    public Impersonation asTenantRole(String pattern) {
        return new Impersonation(tenantId, tenantName, userId, userEmail, pattern.replace("{id}", tenantId.toString()));
    }

    /** The JWT claims PostgREST would set for this user (ids only, so no escaping is needed). */
    String claims() {
        return "{\"sub\":\"" + userId + "\",\"role\":\"authenticated\",\"app_metadata\":{\"tenant_id\":\""
                + tenantId + "\"}}";
    }

    String label() {
        return tenantRole != null ? "role " + tenantRole + " of " + tenantName : userEmail + " of " + tenantName;
    }
}
