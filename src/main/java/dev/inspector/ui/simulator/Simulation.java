package dev.inspector.ui.simulator;

import dev.inspector.domain.Tenant;
import dev.inspector.domain.resolution.ChannelDiff;
import dev.inspector.domain.resolution.Decision;
import dev.inspector.domain.resolution.TraceStep;
import java.util.List;
import java.util.UUID;

/** The outcome of simulating one flag for one tenant and user, with what each channel would give. */
public record Simulation(Tenant tenant, UUID userId, String userLabel, String flagKey,
                         Decision server, Decision ui, ChannelDiff diff) {

    public Verdict serverVerdict() {
        return Verdict.of(server);
    }

    public Verdict uiVerdict() {
        return Verdict.of(ui);
    }

    public List<ChannelRow> channelRows() {
        return diff.outcomes().stream().map(o -> ChannelRow.of(diff, o)).toList();
    }

    /** The plain-text explanation "Copy result" puts on the clipboard. */
    public String explanation() {
        StringBuilder out = new StringBuilder();
        out.append("Gate simulation\n");
        out.append("Tenant: ").append(tenantLine(tenant)).append('\n');
        out.append("User:   ").append(userLabel).append(" (").append(userId).append(")\n");
        out.append("Flag:   ").append(flagKey).append("\n\n");
        out.append("Server gate: ").append(verdictLine(serverVerdict())).append('\n');
        out.append("UI gate:     ").append(verdictLine(uiVerdict())).append("\n\n");
        out.append("UI gate, step by step:\n");
        for (TraceStep step : ui.trace()) {
            out.append("  ").append(step).append('\n');
        }
        out.append("\nIf the tenant were on each channel (server / UI):\n");
        for (ChannelRow row : channelRows()) {
            out.append("  ").append(String.format("%-18s", row.channelLabel()))
                    .append(row.server().word()).append(row.serverChanges() ? " (changes)" : "")
                    .append(" / ").append(row.ui().word()).append(row.uiChanges() ? " (changes)" : "")
                    .append('\n');
        }
        if (tenant.channel().isEmpty()) {
            out.append("  The tenant's release_channel ")
                    .append(tenant.releaseChannel() == null ? "is null" : "'" + tenant.releaseChannel() + "' is unknown")
                    .append(": it is on none of these channels today.\n");
        }
        return out.toString();
    }

    static String tenantLine(Tenant tenant) {
        return tenant.name() + " (" + tenant.id() + "), channel "
                + (tenant.releaseChannel() == null ? "none" : tenant.releaseChannel());
    }

    private static String verdictLine(Verdict verdict) {
        return verdict.word() + " — " + verdict.reasonLine() + ", OpenFeature " + verdict.openFeatureReason();
    }
}
