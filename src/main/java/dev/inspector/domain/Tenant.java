package dev.inspector.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code tenants}. The channel is kept as stored, because a real database can hold a
 * value the rollout process does not know; {@link #channel()} says whether it is a known one.
 */
public record Tenant(UUID id, String name, String releaseChannel) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
    }

    public Optional<ReleaseChannel> channel() {
        return ReleaseChannel.fromDb(releaseChannel);
    }
}
