package dev.inspector.app;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.service.RollbackOption;
import dev.inspector.service.Session;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inspector kill}: the emergency rollback for an admin with only a terminal. */
@Command(name = "kill", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Stop a feature now: trip its killswitch (default), or turn every channel off, or "
                + "override every tenant off. Recorded with the reason; undo with 'inspector restore'.")
final class KillCommand extends HeadlessCommand {

    @Parameters(index = "0", paramLabel = "FLAG", description = "Feature flag key.")
    String flagKey;

    @Option(names = "--reason", required = true, description = "Why; recorded in the change history.")
    String reason;

    @Option(names = "--option", paramLabel = "HOW", defaultValue = "KILLSWITCH",
            description = "KILLSWITCH (default), CHANNELS_OFF or OVERRIDE_ALL_OFF.")
    RollbackOption option;

    @Override
    int run(Session session, PrintWriter out) {
        if (reason.isBlank()) {
            throw badInput("Say why with --reason: a rollback is recorded with its reason.");
        }
        GateSnapshot before = session.gates().snapshot();
        FeatureFlag flag = before.findFlag(flagKey).orElseThrow(() -> badInput("No flag has the key '" + flagKey + "'."));
        long onBefore = enabledTenants(before, flagKey);
        long change = session.flagCommands().rollback(flag, option, reason);
        long onAfter = enabledTenants(session.gates().snapshot(), flagKey);
        out.printf("%s: %s. The feature was on for %d tenant(s), now for %d. Change %d; undo with: inspector restore %s%n",
                flagKey, option.label(), onBefore, onAfter, change, flagKey);
        return 0;
    }

    static long enabledTenants(GateSnapshot snapshot, String key) {
        int flag = snapshot.flagIndex(key);
        return flag < 0 ? 0 : new FeatureGate(snapshot).computeMatrix().enabledTenantCount(flag);
    }
}
