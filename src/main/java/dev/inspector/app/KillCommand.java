package dev.inspector.app;

import dev.inspector.domain.ConsoleFeature;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.RollbackOption;
import dev.inspector.service.Session;
import dev.inspector.service.WriteOutcome;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inspector kill}: the emergency rollback for an admin with only a terminal. */
@Command(name = "kill", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Stop a feature now: trip its killswitch (default), or turn every channel off, or "
                + "override every tenant off. Recorded with the reason; undo with 'inspector restore'.",
        footer = {"", "Exit status: 0 done (or nothing to do: it says so), 2 bad input, 4 database unusable."})
final class KillCommand extends HeadlessCommand {

    @Parameters(index = "0", paramLabel = "FLAG", description = "Feature flag key.")
    String flagKey;

    @Option(names = "--reason", required = true, description = "Why; recorded in the change history.")
    String reason;

    @Option(names = "--option", paramLabel = "HOW", defaultValue = "KILLSWITCH",
            description = "KILLSWITCH (default), CHANNELS_OFF or OVERRIDE_ALL_OFF.")
    RollbackOption option;

    @Mixin
    DryRunOption dryRun;

    @Override
    int run(Session session, PrintWriter out) {
        if (reason.isBlank()) {
            throw badInput("Say why with --reason: a rollback is recorded with its reason.");
        }
        if (session.releaseControl().findFlag(flagKey).isEmpty()) {
            throw badInput("No flag has the key '" + flagKey + "'.");
        }
        OptionalLong before = enabledTenants(session, flagKey);
        Optional<WriteOutcome> recorded = dryRun.recorded(session, out,
                () -> session.flagCommands().rollback(flagKey, option, reason));
        if (recorded.isEmpty()) {
            return 0;
        }
        WriteOutcome outcome = recorded.get();
        OptionalLong after = enabledTenants(session, flagKey);
        String numbers = before.isPresent() && after.isPresent()
                ? " The feature was on for " + before.getAsLong() + " tenant(s), now for " + after.getAsLong() + "."
                : " (Tenant numbers unavailable: " + session.schema().unavailable(ConsoleFeature.SERVER_GATE) + ")";
        out.printf("%s: %s.%s Change %d; undo with: inspector restore %s%n", flagKey, option.label(), numbers,
                outcome.changeId(), flagKey);
        return 0;
    }

    /** How many tenants have the flag on; empty where the server-gate tables are not all there. */
    static OptionalLong enabledTenants(Session session, String key) {
        if (!session.schema().supports(ConsoleFeature.SERVER_GATE)) {
            return OptionalLong.empty();
        }
        GateSnapshot snapshot = session.gates().snapshot();
        int flag = snapshot.flagIndex(key);
        return OptionalLong.of(flag < 0 ? 0 : new FeatureGate(snapshot).computeMatrix().enabledTenantCount(flag));
    }
}
