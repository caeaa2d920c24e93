package dev.inspector.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A user of the SaaS with its tenant membership (none for some platform admins). */
public record UserProfile(UUID id, UUID tenantId, String fullName, String email, boolean platformAdmin) {

    public UserProfile {
        Objects.requireNonNull(id, "id");
        fullName = fullName == null ? "" : fullName;
        email = email == null ? "" : email;
    }

    public Optional<UUID> tenant() {
        return Optional.ofNullable(tenantId);
    }

    public boolean isMemberOf(UUID tenant) {
        return tenant != null && tenant.equals(tenantId);
    }
}
