package dev.inspector.domain.resolution;

import dev.inspector.domain.ReleaseChannel;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * "What changes if I move this tenant": the actual decisions next to the ones each channel would
 * give. The actual ones are kept separately because a tenant with no known channel is on none of
 * the three.
 */
public record ChannelDiff(UUID tenantId, UUID userId, String flagKey,
                          Decision currentServer, Decision currentUi, List<ChannelOutcome> outcomes) {

    public ChannelDiff {
        Objects.requireNonNull(currentServer, "currentServer");
        Objects.requireNonNull(currentUi, "currentUi");
        outcomes = List.copyOf(outcomes);
    }

    public ChannelOutcome on(ReleaseChannel channel) {
        return outcomes.stream().filter(o -> o.channel() == channel).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no outcome for " + channel));
    }

    /** Whether moving the tenant to the channel would flip the server verdict. */
    public boolean serverChangesOn(ReleaseChannel channel) {
        return on(channel).serverEnabled() != currentServer.enabled();
    }

    /** Whether moving the tenant to the channel would flip the UI verdict for the user. */
    public boolean uiChangesOn(ReleaseChannel channel) {
        return on(channel).uiEnabled() != currentUi.enabled();
    }
}
