package dev.inspector.domain.change;

import dev.inspector.domain.ChangeKind;
import java.util.Objects;
import java.util.Optional;

/** A change set without its rows: enough to know what can still be restored. */
public record ChangeHeader(long id, String action, Optional<Long> restoredBy) {

    public ChangeHeader {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(restoredBy, "restoredBy");
    }

    public ChangeKind kind() {
        return ChangeKind.of(action);
    }

    public boolean standing() {
        return restoredBy.isEmpty();
    }
}
