package dev.inspector.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A flag with its per-channel rows, as the flag list shows it. A channel without a row is absent. */
public record FlagOverview(FeatureFlag flag, Map<ReleaseChannel, Boolean> channels) {

    public FlagOverview {
        Objects.requireNonNull(flag, "flag");
        EnumMap<ReleaseChannel, Boolean> copy = new EnumMap<>(ReleaseChannel.class);
        copy.putAll(channels);
        channels = java.util.Collections.unmodifiableMap(copy);
    }

    public Optional<Boolean> channel(ReleaseChannel channel) {
        return Optional.ofNullable(channels.get(channel));
    }
}
