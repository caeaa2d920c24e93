package dev.inspector.domain.resolution;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import java.util.Optional;

/**
 * An explanation as plain text, the same wherever it is read: the terminal, the clipboard, a
 * ticket. Lines only, no colours, so it survives being pasted anywhere.
 */
public final class ExplanationText {

    private static final java.util.UUID NO_USER = new java.util.UUID(0, 0);

    private ExplanationText() {
    }

    public static String render(GateSnapshot snapshot, FeatureGate gate, Tenant tenant, Optional<UserProfile> user,
                                String flagKey) {
        StringBuilder out = new StringBuilder();
        out.append("Tenant  ").append(tenant.name()).append(" (").append(tenant.id()).append("), channel ")
                .append(tenant.releaseChannel() == null ? "none" : tenant.releaseChannel()).append('\n');
        user.ifPresent(u -> out.append("User    ").append(describe(u)).append('\n'));
        Optional<FeatureFlag> flag = snapshot.findFlag(flagKey);
        out.append("Flag    ").append(flagKey)
                .append(flag.map(f -> " (" + f.name() + ")").orElse(" (no such flag)")).append("\n\n");

        Decision server = gate.explainServer(tenant.id(), flagKey);
        section(out, "Server gate", server);
        user.ifPresent(u -> {
            out.append('\n');
            section(out, "UI gate", gate.explainUi(tenant.id(), u.id(), flagKey));
        });
        if (flag.isPresent()) {
            // Without a user only the server column is printed, so any id serves for the UI half.
            ChannelDiff diff = gate.channelDiff(tenant.id(), user.map(UserProfile::id).orElse(NO_USER), flagKey);
            out.append("\nIf the tenant were on another channel:\n");
            for (ReleaseChannel channel : ReleaseChannel.values()) {
                ChannelOutcome outcome = diff.on(channel);
                out.append(String.format("  %-9s server %-7s", channel.dbValue(), verdict(outcome.serverEnabled())));
                if (user.isPresent()) {
                    out.append(String.format(" UI %-7s", verdict(outcome.uiEnabled())));
                }
                if (outcome.current()) {
                    out.append(" (current)");
                } else if (diff.serverChangesOn(channel) || user.isPresent() && diff.uiChangesOn(channel)) {
                    out.append(" (changes)");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    public static String verdict(boolean enabled) {
        return enabled ? "ON" : "BLOCKED";
    }

    public static String describe(UserProfile user) {
        if (user.fullName().isBlank() && user.email().isBlank()) {
            return user.id() + " (name unknown)";
        }
        return user.fullName() + " <" + user.email() + ">" + (user.platformAdmin() ? " [platform admin]" : "")
                + " (" + user.id() + ")";
    }

    private static void section(StringBuilder out, String title, Decision decision) {
        out.append(title).append(": ").append(verdict(decision.enabled()))
                .append("  reason ").append(decision.reason())
                .append(", OpenFeature ").append(decision.openFeatureReason()).append('\n');
        for (TraceStep step : decision.trace()) {
            out.append(String.format("  %d. %-16s %s%s%n", step.number(), step.name(), step.observed(),
                    step.decided() ? "  <- decided" : ""));
        }
    }
}
