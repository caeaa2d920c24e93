package dev.inspector.app;

import dev.inspector.domain.ReleaseChannel;
import dev.inspector.domain.Tenant;
import dev.inspector.domain.impact.TenantMove;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.service.Session;
import dev.inspector.service.WriteOutcome;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inspector move-tenant}: puts a tenant on another release channel (the process names a pilot
 * tenant), printing first what that turns on and off for it, then recording the move with the reason.
 */
@Command(name = "move-tenant", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Move a tenant to another release channel: prints which flags turn on or off for it and for how "
                + "many of its users, then records the move with the reason (undo with restore --change N).",
        footer = {"", "Exit status: 0 done (or nothing to do: it says so), 2 bad input, 4 database unusable, "
                + "5 refused: the tenant's channel changed meanwhile (nothing written)."})
final class MoveTenantCommand extends HeadlessCommand {

    @Parameters(index = "0", paramLabel = "TENANT", description = "Tenant id or name.")
    String tenant;

    @Option(names = "--channel", required = true, paramLabel = "CHANNEL", description = "internal, pilot or general.")
    String channel;

    @Option(names = "--reason", required = true, description = "Why; recorded in the change history.")
    String reason;

    @Mixin
    DryRunOption dryRun;

    @Override
    int run(Session session, PrintWriter out) {
        if (reason.isBlank()) {
            throw badInput("Say why with --reason: moving a tenant is recorded with its reason.");
        }
        ReleaseChannel to = ReleaseChannel.fromDb(channel.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                badInput("'" + channel + "' is not a release channel: internal, pilot or general."));
        GateSnapshot snapshot = session.gates().snapshot();
        Tenant t = Lookup.tenant(snapshot, tenant, spec);
        TenantMove move = TenantMove.of(snapshot, t, to);
        if (move.changesChannel()) {
            move.lines().forEach(out::println);
        }
        Optional<WriteOutcome> recorded = dryRun.recorded(session, out, () -> session.tenantCommands()
                .moveTenant(t.id(), Optional.ofNullable(t.releaseChannel()), to, reason));
        if (recorded.isEmpty()) {
            return 0;
        }
        WriteOutcome outcome = recorded.get();
        out.printf("Moved %s to %s; change %d.%n", t.name(), to.dbValue(), outcome.changeId());
        return 0;
    }
}
