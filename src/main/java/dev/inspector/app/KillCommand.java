package dev.inspector.app;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.persistence.DatabaseException;
import dev.inspector.service.RollbackOption;
import dev.inspector.service.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code inspector kill}: the emergency rollback for an admin with only a terminal. */
@Command(name = "kill", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Stop a feature now: trip its killswitch (default), or turn every channel off, or "
                + "override every tenant off. Recorded with the reason; undo with 'inspector restore'.")
final class KillCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FLAG", description = "Feature flag key.")
    String flagKey;

    @Option(names = "--reason", required = true, description = "Why; recorded in the change history.")
    String reason;

    @Option(names = "--option", paramLabel = "HOW", defaultValue = "KILLSWITCH",
            description = "KILLSWITCH (default), CHANNELS_OFF or OVERRIDE_ALL_OFF.")
    RollbackOption option;

    @Option(names = {"-q", "--quiet"}, description = "No progress messages on stderr.")
    boolean quiet;

    @ParentCommand
    InspectorCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (reason.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Say why with --reason: a rollback is recorded with its reason.");
        }
        try (Session session = HeadlessSession.open(parent.target(), spec.commandLine().getErr(), quiet)) {
            GateSnapshot before = session.gates().snapshot();
            FeatureFlag flag = before.findFlag(flagKey).orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "No flag has the key '" + flagKey + "'."));
            long onBefore = enabledTenants(before, flagKey);
            long change = session.flagCommands().rollback(flag, option, reason);
            long onAfter = enabledTenants(session.gates().snapshot(), flagKey);
            spec.commandLine().getOut().printf("%s: %s. The feature was on for %d tenant(s), now for %d. "
                    + "Change %d; undo with: inspector restore %s%n", flagKey, option.label(), onBefore, onAfter, change, flagKey);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (DatabaseException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 4;
        }
    }

    static long enabledTenants(GateSnapshot snapshot, String key) {
        int flag = snapshot.flagIndex(key);
        return flag < 0 ? 0 : new FeatureGate(snapshot).computeMatrix().enabledTenantCount(flag);
    }
}
