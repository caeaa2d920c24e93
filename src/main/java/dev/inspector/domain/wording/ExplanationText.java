package dev.inspector.domain.wording;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.ChannelDiff;
import dev.inspector.domain.resolution.ChannelOutcome;
import dev.inspector.domain.resolution.Decision;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.ReasonCode;
import dev.inspector.domain.resolution.TraceStep;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every gate decision in words, the same wherever it is read: the terminal ({@code explain}), the
 * clipboard (the simulator's Copy result), a ticket, and the verdict and reason words on screen.
 * Lines only, no colours, so it survives being pasted anywhere. Golden-text tests pin it.
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
                StringBuilder line = new StringBuilder(String.format("  %-9s server %-7s", channel.dbValue(),
                        verdict(outcome.serverEnabled())));
                if (user.isPresent()) {
                    line.append(String.format(" UI %-7s", verdict(outcome.uiEnabled())));
                }
                if (outcome.current()) {
                    line.append(" (current)");
                } else if (diff.serverChangesOn(channel) || user.isPresent() && diff.uiChangesOn(channel)) {
                    line.append(" (changes)");
                }
                // the columns are padded for the words that follow; a line ends with its last word
                out.append(line.toString().stripTrailing()).append('\n');
            }
            if (tenant.channel().isEmpty()) {
                out.append("  The tenant's release_channel ")
                        .append(tenant.releaseChannel() == null ? "is null" : "'" + tenant.releaseChannel() + "' is unknown")
                        .append(": it is on none of these channels today.\n");
            }
        }
        return out.toString();
    }

    /** Every flag for one tenant and user, a line each: both verdicts and their reasons. */
    public static String allFlags(Tenant tenant, UserProfile user, List<FlagDecisions> rows) {
        StringBuilder out = new StringBuilder();
        out.append("Tenant  ").append(tenant.name()).append(" (").append(tenant.id()).append("), channel ")
                .append(tenant.releaseChannel() == null ? "none" : tenant.releaseChannel()).append('\n');
        out.append("User    ").append(describe(user)).append("\n\n");
        out.append(String.format("%-28s %-8s %-20s %-8s %s%n", "flag", "server", "server reason", "UI", "UI reason"));
        for (FlagDecisions r : rows) {
            out.append(String.format("%-28s %-8s %-20s %-8s %s%n", r.key(), verdict(r.server().enabled()),
                    r.server().reason(), verdict(r.ui().enabled()), r.ui().reason()));
        }
        return out.toString();
    }

    /** One flag's two decisions, a row of {@link #allFlags}. */
    public record FlagDecisions(String key, Decision server, Decision ui) {
    }

    /** "On" or "Blocked", as the screen shows a verdict. */
    public static String word(boolean enabled) {
        return enabled ? "On" : "Blocked";
    }

    /** KILLSWITCH_TRIPPED → "Killswitch tripped". */
    public static String reasonWords(ReasonCode reason) {
        String words = reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "ON" or "BLOCKED", as text output shows a verdict. */
    public static String verdict(boolean enabled) {
        return word(enabled).toUpperCase(Locale.ROOT);
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
