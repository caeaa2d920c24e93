package dev.inspector.ui.simulator;

import dev.inspector.domain.Tenant;
import dev.inspector.domain.resolution.ChannelDiff;
import dev.inspector.domain.resolution.Decision;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of simulating one flag for one tenant and user, with what each channel would give.
 *
 * @param explanation the plain text "Copy result" puts on the clipboard, worded as {@code explain} prints it
 */
public record Simulation(Tenant tenant, UUID userId, String userLabel, String flagKey,
                         Decision server, Decision ui, ChannelDiff diff, String explanation) {

    public Verdict serverVerdict() {
        return Verdict.of(server);
    }

    public Verdict uiVerdict() {
        return Verdict.of(ui);
    }

    public List<ChannelRow> channelRows() {
        return diff.outcomes().stream().map(o -> ChannelRow.of(diff, o)).toList();
    }
}
