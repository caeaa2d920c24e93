package dev.inspector.persistence.audit;

import java.util.UUID;

/** A real user of a tenant whose rights the cross-tenant probes borrow. */
public record Impersonation(UUID tenantId, String tenantName, UUID userId, String userEmail) {

    /** The JWT claims PostgREST would set for this user (ids only, so no escaping is needed). */
    String claims() {
        return "{\"sub\":\"" + userId + "\",\"role\":\"authenticated\",\"app_metadata\":{\"tenant_id\":\""
                + tenantId + "\"}}";
    }

    String label() {
        return userEmail + " of " + tenantName;
    }
}
