package dev.inspector.domain;

import java.util.Objects;
import java.util.UUID;

/** A row of {@code release_channel_feature_flags}: a flag's default inside one channel. */
public record ChannelSetting(UUID flagId, ReleaseChannel channel, boolean enabled) {
    public ChannelSetting {
        Objects.requireNonNull(flagId, "flagId");
        Objects.requireNonNull(channel, "channel");
    }
}
