package dev.inspector.ui.simulator;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.resolution.ChannelDiff;
import dev.inspector.domain.resolution.ChannelOutcome;

/**
 * What the gates would say if the tenant were on {@code channel}, and whether that differs from
 * what they say now.
 */
public record ChannelRow(ReleaseChannel channel, boolean current,
                         Verdict server, boolean serverChanges, Verdict ui, boolean uiChanges) {

    static ChannelRow of(ChannelDiff diff, ChannelOutcome outcome) {
        return new ChannelRow(outcome.channel(), outcome.current(),
                Verdict.of(outcome.server()), diff.serverChangesOn(outcome.channel()),
                Verdict.of(outcome.ui()), diff.uiChangesOn(outcome.channel()));
    }

    /** "pilot", or "general (current)". */
    public String channelLabel() {
        return channel.dbValue() + (current ? " (current)" : "");
    }
}
