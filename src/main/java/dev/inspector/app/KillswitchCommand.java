package dev.inspector.app;

import dev.inspector.domain.KillswitchAction;
import dev.inspector.service.Session;
import dev.inspector.service.WriteOutcome;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inspector killswitch}: the killswitch lifecycle as explicit, recorded actions. */
@Command(name = "killswitch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Arm, disarm, trip or un-trip a flag's killswitch, recorded with the reason.",
            "ARM: is_killswitch on (needs the global default on, else it would trip at once). "
                + "DISARM: is_killswitch off on an armed flag. TRIP: blocks everywhere (rollback option 1). "
                + "UNTRIP: is_killswitch off, the global default stays off, so the flag follows its overrides "
                + "and channel rows again; 'inspector restore' instead puts back exactly the state before a kill."},
        footer = {"", "Exit status: 0 done (or nothing to do: it says so), 2 bad input or not possible from this "
                + "state, 4 database unusable."})
final class KillswitchCommand extends HeadlessCommand {

    @Parameters(index = "0", paramLabel = "ACTION", description = "ARM, DISARM, TRIP or UNTRIP.")
    KillswitchAction action;

    @Parameters(index = "1", paramLabel = "FLAG", description = "Feature flag key.")
    String flagKey;

    @Option(names = "--reason", required = true, description = "Why; recorded in the change history.")
    String reason;

    @Mixin
    DryRunOption dryRun;

    @Override
    int run(Session session, PrintWriter out) {
        if (reason.isBlank()) {
            throw badInput("Say why with --reason: a killswitch change is recorded with its reason.");
        }
        if (session.releaseControl().findFlag(flagKey).isEmpty()) {
            throw badInput("No flag has the key '" + flagKey + "'.");
        }
        Optional<WriteOutcome> recorded = dryRun.recorded(session, out,
                () -> session.flagCommands().killswitch(flagKey, action, reason));
        if (recorded.isEmpty()) {
            return 0;
        }
        WriteOutcome outcome = recorded.get();
        out.printf("%s: %s done. Change %d.%n", flagKey, action.label(), outcome.changeId());
        return 0;
    }
}
