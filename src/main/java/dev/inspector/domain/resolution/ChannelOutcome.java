package dev.inspector.domain.resolution;

import dev.inspector.domain.ReleaseChannel;

import java.util.Objects;

/**
 * What the gates would say if the tenant were on {@code channel}.
 *
 * @param current whether the tenant is on that channel now
 */
public record ChannelOutcome(ReleaseChannel channel, boolean current, Decision server, Decision ui) {

    public ChannelOutcome {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(ui, "ui");
    }

    public boolean serverEnabled() {
        return server.enabled();
    }

    public boolean uiEnabled() {
        return ui.enabled();
    }
}
