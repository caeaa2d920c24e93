package dev.inspector.app;

import dev.inspector.service.DryRunPlan;
import dev.inspector.service.Session;
import dev.inspector.service.WriteOutcome;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code --dry-run} for every command that writes: the process's "know the SQL before promoting".
 * The write runs in a transaction that is rolled back; what it would change is printed as SQL,
 * with the SQL that would undo it.
 */
final class DryRunOption {

    @Option(names = "--dry-run", description = "Print the SQL it would run and the SQL that would undo it; write and record nothing.")
    boolean enabled;

    /**
     * The outcome of the write; after a dry run that would change something, empty (its plan
     * printed); after one that would change nothing, that outcome, so the command says so as usual.
     */
    Optional<WriteOutcome> write(Session session, PrintWriter out, Supplier<WriteOutcome> write) {
        if (!enabled) {
            return Optional.of(write.get());
        }
        DryRunPlan plan = session.dryRun(write);
        if (!plan.changesSomething()) {
            return Optional.of(new WriteOutcome(Optional.empty(), 0, plan.message()));
        }
        out.print("Dry run: nothing was written. ");
        plan.lines().forEach(out::println);
        return Optional.empty();
    }

    /**
     * For commands that say "nothing changed" with status 0 like any success: the recorded change,
     * or empty when there is none to report on — a dry run (its plan printed) or a write that
     * changed nothing (its message printed).
     */
    Optional<WriteOutcome> recorded(Session session, PrintWriter out, Supplier<WriteOutcome> write) {
        Optional<WriteOutcome> written = write(session, out, write);
        if (written.isPresent() && !written.get().changed()) {
            out.println(written.get().message());
            return Optional.empty();
        }
        return written;
    }
}
