package dev.inspector.domain;

import java.util.Objects;
import java.util.UUID;

/** A row of {@code feature_flags}: the global definition of a feature. */
public record FeatureFlag(UUID id, String key, String name, String description,
                          boolean defaultEnabled, boolean killswitch) {

    public FeatureFlag {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        name = name == null ? "" : name;
        description = description == null ? "" : description;
    }

    /** How the killswitch of this flag stands; see {@link KillswitchState}. */
    public KillswitchState killswitchState() {
        if (!killswitch) {
            return KillswitchState.NONE;
        }
        return defaultEnabled ? KillswitchState.ARMED : KillswitchState.TRIPPED;
    }
}
