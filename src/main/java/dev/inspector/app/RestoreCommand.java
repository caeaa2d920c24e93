package dev.inspector.app;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.service.Session;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inspector restore}: undo the latest rollback of a flag, exactly, from the change history. */
@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Put a flag back exactly as it was before its latest kill/rollback, from the change history.")
final class RestoreCommand extends HeadlessCommand {

    @Parameters(index = "0", paramLabel = "FLAG", description = "Feature flag key.")
    String flagKey;

    @Option(names = "--reason", description = "Why; recorded in the change history.")
    String reason;

    @Override
    int run(Session session, PrintWriter out) {
        ChangeRecord rollback = session.history().latestRollback(flagKey)
                .orElseThrow(() -> badInput("'" + flagKey + "' has no rollback left to restore."));
        long change = session.flagCommands().restore(rollback.id(), reason);
        out.printf("%s: restored the state before change %d (%s by %s, \"%s\"). Recorded as change %d.%n",
                flagKey, rollback.id(), rollback.action(), rollback.osUser(), rollback.reason(), change);
        return 0;
    }
}
