package dev.inspector.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A row of {@code tenant_feature_access}. It names the flag by key, not id, as the SaaS does;
 * {@code enabled = false} is a revoked grant, which blocks the user.
 */
public record UserGrant(UUID tenantId, UUID userId, String featureKey, boolean enabled) {
    public UserGrant {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(featureKey, "featureKey");
    }
}
