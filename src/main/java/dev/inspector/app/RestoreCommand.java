package dev.inspector.app;

import dev.inspector.domain.ChangeRecord;
import dev.inspector.service.Session;
import dev.inspector.service.WriteOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inspector restore}: undo rollbacks of a flag, exactly, from the change history. */
@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Put a flag back exactly as it was before its latest rollback, from the change history. "
                + "Repeat to go further back, one rollback at a time; --all goes back to before the incident "
                + "(every rollback since the last other change) in one step; --change N undoes one recorded change."},
        footer = {"", "Exit status: 0 restored, 1 nothing left to restore, 2 bad input, 4 database unusable, "
                + "5 refused: a row it would put back changed since (nothing was written)."})
final class RestoreCommand extends HeadlessCommand {

    @Parameters(index = "0", paramLabel = "FLAG", arity = "0..1", description = "Feature flag key.")
    String flagKey;

    @ArgGroup(exclusive = true)
    Scope scope = new Scope();

    static final class Scope {
        @Option(names = "--all", description = "Undo every rollback of the current incident, in one recorded step.")
        boolean all;

        @Option(names = "--change", paramLabel = "N", description = "Undo this one recorded change instead.")
        Long change;
    }

    @Option(names = "--reason", description = "Why; recorded in the change history.")
    String reason;

    @Mixin
    DryRunOption dryRun;

    @Override
    int run(Session session, PrintWriter out) {
        if (scope.change != null) {
            Optional<WriteOutcome> written = dryRun.write(session, out, () -> session.restores().undo(scope.change, reason));
            if (written.isEmpty()) {
                return 0;
            }
            WriteOutcome outcome = written.get();
            out.printf("Undid change %d. Recorded as change %d.%n", scope.change, outcome.changeId());
            return 0;
        }
        if (flagKey == null) {
            throw badInput("Name the flag to restore (or give --change N).");
        }
        if (scope.all) {
            List<ChangeRecord> incident = session.restores().incident(flagKey);
            Optional<WriteOutcome> written = dryRun.write(session, out, () -> session.restores().restoreIncident(flagKey, reason));
            if (written.isEmpty()) {
                return 0;
            }
            WriteOutcome outcome = written.get();
            if (!outcome.changed()) {
                out.println(outcome.message());
                return NO;
            }
            out.printf("%s: restored the state before the incident, undoing %s. Recorded as change %d.%n", flagKey,
                    incident.stream().map(c -> "change " + c.id() + " (" + c.action() + ")")
                            .collect(Collectors.joining(", ")), outcome.changeId());
            return 0;
        }
        Optional<ChangeRecord> next = session.restores().next(flagKey);
        Optional<WriteOutcome> written = dryRun.write(session, out,
                () -> session.restores().restoreLatest(flagKey, next.map(ChangeRecord::id), reason));
        if (written.isEmpty()) {
            return 0;
        }
        WriteOutcome outcome = written.get();
        if (!outcome.changed()) {
            out.println(outcome.message());
            return NO;
        }
        ChangeRecord rollback = next.orElseThrow();
        out.printf("%s: restored the state before change %d (%s by %s, \"%s\"). Recorded as change %d.%n",
                flagKey, rollback.id(), rollback.action(), rollback.osUser(), rollback.reason(), outcome.changeId());
        Optional<ChangeRecord> further = session.restores().next(flagKey);
        further.ifPresent(c -> out.printf("An older rollback still stands: change %d (%s by %s); restore again to undo it.%n",
                c.id(), c.action(), c.osUser()));
        return 0;
    }
}
