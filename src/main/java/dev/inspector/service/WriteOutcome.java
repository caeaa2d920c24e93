package dev.inspector.service;

import java.util.Objects;
import java.util.Optional;

/**
 * What a write did: the change set it recorded and how many rows it changed, or, when it found
 * everything as wanted already, no change set and the sentence that says so.
 */
public record WriteOutcome(Optional<Long> changeSetId, int rows, String message) {

    public WriteOutcome {
        Objects.requireNonNull(changeSetId, "changeSetId");
        message = message == null ? "" : message;
    }

    public boolean changed() {
        return changeSetId.isPresent();
    }

    /** The recorded change set; only call when {@link #changed()}. */
    public long changeId() {
        return changeSetId.orElseThrow(() -> new IllegalStateException("nothing was recorded: " + message));
    }
}
