package dev.inspector.app;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.persistence.DatabaseException;
import dev.inspector.service.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code inspector restore}: undo the latest rollback of a flag, exactly, from the change history. */
@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Put a flag back exactly as it was before its latest kill/rollback, from the change history.")
final class RestoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FLAG", description = "Feature flag key.")
    String flagKey;

    @Option(names = "--reason", description = "Why; recorded in the change history.")
    String reason;

    @Option(names = {"-q", "--quiet"}, description = "No progress messages on stderr.")
    boolean quiet;

    @ParentCommand
    InspectorCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = HeadlessSession.open(parent.target(), spec.commandLine().getErr(), quiet)) {
            ChangeRecord rollback = session.history().latestRollback(flagKey).orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "'" + flagKey + "' has no rollback left to restore."));
            long change = session.flagCommands().restore(rollback.id(), reason);
            spec.commandLine().getOut().printf("%s: restored the state before change %d (%s by %s, \"%s\"). "
                            + "Recorded as change %d.%n", flagKey, rollback.id(), rollback.action(), rollback.osUser(),
                    rollback.reason(), change);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (DatabaseException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 4;
        }
    }
}
