package dev.inspector.app;

import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.wording.ExplanationText;
import dev.inspector.service.Session;
import dev.inspector.service.WriteOutcome;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code inspector grant} and {@code inspector revoke}: a user's access to a premium feature in a
 * tenant ({@code tenant_feature_access}), for one or more users or every member at once. Everything
 * named is checked before anything is written.
 */
@Command(name = "grant", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Grant users of a tenant access to a premium feature (tenant_feature_access), recorded with the reason.",
        footer = {"", "Exit status: 0 done (or nothing to do: it says so), 2 bad input, 4 database unusable."})
class GrantCommand extends HeadlessCommand {

    @Option(names = "--tenant", required = true, paramLabel = "ID|NAME", description = "The tenant.")
    String tenant;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;

    @Option(names = "--flag", required = true, paramLabel = "KEY", description = "The feature flag's key.")
    String flagKey;

    @Option(names = "--reason", required = true, description = "Why; recorded in the change history.")
    String reason;

    @Mixin
    DryRunOption dryRun;

    static final class Who {
        @Option(names = "--user", paramLabel = "ID|EMAIL", description = "A user; repeat for several.")
        List<String> users;

        @Option(names = "--all-members", description = "Every member of the tenant.")
        boolean allMembers;
    }

    /** True for grant, false for revoke. */
    boolean enabled() {
        return true;
    }

    @Override
    int run(Session session, PrintWriter out) {
        String verb = enabled() ? "grant" : "revoke";
        if (reason.isBlank()) {
            throw badInput("Say why with --reason: a " + verb + " is recorded with its reason.");
        }
        GateSnapshot snapshot = session.gates().snapshot();
        if (!snapshot.grantsKnown()) {
            throw badInput("This database has no tenant_feature_access table: there are no user grants to " + verb + ".");
        }
        Tenant t = Lookup.tenant(snapshot, tenant, spec);
        if (snapshot.findFlag(flagKey).isEmpty()) {
            throw badInput("No flag has the key '" + flagKey + "'.");
        }
        List<UUID> users = users(snapshot, t);
        Optional<WriteOutcome> recorded = dryRun.recorded(session, out,
                () -> session.tenantCommands().setGrants(flagKey, t.id(), users, enabled(), reason));
        if (recorded.isEmpty()) {
            return 0;
        }
        WriteOutcome outcome = recorded.get();
        out.printf("%s %s %s %d user%s of %s; change %d.%n", enabled() ? "Granted" : "Revoked", flagKey,
                enabled() ? "to" : "from", outcome.rows(), outcome.rows() == 1 ? "" : "s", t.name(), outcome.changeId());
        return 0;
    }

    private List<UUID> users(GateSnapshot snapshot, Tenant t) {
        if (who.allMembers) {
            if (!snapshot.userDirectory()) {
                throw badInput("This database has no user directory (public.profiles) to say who the members are: "
                        + "name the users with --user ID.");
            }
            List<UUID> members = snapshot.users().stream().filter(u -> u.isMemberOf(t.id())).map(UserProfile::id).toList();
            if (snapshot.users().isEmpty()) {
                throw badInput("The connected role sees nobody in public.profiles (row level security may hide the "
                        + "directory from it): connect as a role that may read it, e.g. inspector_admin.");
            }
            if (members.isEmpty()) {
                throw badInput(t.name() + " has no members.");
            }
            return members;
        }
        List<UUID> ids = new ArrayList<>();
        for (String query : who.users) {
            UserProfile user = Lookup.user(snapshot, query, spec);
            if (snapshot.userDirectory() && !user.isMemberOf(t.id())) {
                throw badInput(ExplanationText.describe(user) + " is not a member of " + t.name()
                        + ": the UI gate asks membership first, so a grant there would change nothing.");
            }
            ids.add(user.id());
        }
        return ids;
    }
}
