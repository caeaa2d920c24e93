package dev.inspector.app;

import dev.inspector.service.Session;
import dev.inspector.service.WriteOutcome;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inspector archive} and {@code inspector unarchive}: a flag leaves the daily views (its rows
 * and history stay) or comes back. Nothing in the SaaS tables changes.
 */
@Command(name = "archive", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Archive a flag: hidden from the daily views, its rows and history kept. Recorded with the "
                + "reason; undo with 'inspector unarchive' or 'inspector restore'.",
        footer = {"", "Exit status: 0 done (or nothing to do: it says so), 2 bad input, 4 database unusable."})
class ArchiveCommand extends HeadlessCommand {

    @Parameters(index = "0", paramLabel = "FLAG", description = "Feature flag key.")
    String flagKey;

    @Option(names = "--reason", required = true, description = "Why; recorded in the change history.")
    String reason;

    @Mixin
    DryRunOption dryRun;

    boolean archive() {
        return true;
    }

    @Override
    int run(Session session, PrintWriter out) {
        String verb = archive() ? "archiving" : "unarchiving";
        if (reason.isBlank()) {
            throw badInput("Say why with --reason: " + verb + " is recorded with its reason.");
        }
        if (session.releaseControl().findFlag(flagKey).isEmpty()) {
            throw badInput("No flag has the key '" + flagKey + "'.");
        }
        Optional<WriteOutcome> recorded = dryRun.recorded(session, out, () -> archive()
                ? session.archives().archive(flagKey, reason) : session.archives().unarchive(flagKey, reason));
        recorded.ifPresent(outcome -> out.printf("%s %s; change %d.%n", archive() ? "Archived" : "Unarchived", flagKey,
                outcome.changeId()));
        return 0;
    }

    @Command(name = "unarchive", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Bring an archived flag back into the daily views. Recorded with the reason.",
            footer = {"", "Exit status: 0 done (or nothing to do: it says so), 2 bad input, 4 database unusable."})
    static final class Unarchive extends ArchiveCommand {
        @Override
        boolean archive() {
            return false;
        }
    }
}
