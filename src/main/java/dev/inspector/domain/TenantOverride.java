package dev.inspector.domain;

import java.util.Objects;
import java.util.UUID;

/** A row of {@code tenant_feature_flags}: the highest-priority per-tenant decision. */
public record TenantOverride(UUID tenantId, UUID flagId, boolean enabled) {
    public TenantOverride {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(flagId, "flagId");
    }
}
