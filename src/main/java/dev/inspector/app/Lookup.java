package dev.inspector.app;

import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.domain.resolution.SnapshotLookup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The tenant or user an admin typed on the command line; what does not match is bad input (exit 2). */
final class Lookup {

    private Lookup() {
    }

    static Tenant tenant(GateSnapshot snapshot, String query, CommandSpec spec) {
        SnapshotLookup.TenantMatch match = SnapshotLookup.tenant(snapshot, query);
        return match.tenant().orElseThrow(() -> new ParameterException(spec.commandLine(), match.problem()));
    }

    static UserProfile user(GateSnapshot snapshot, String query, CommandSpec spec) {
        SnapshotLookup.UserMatch match = SnapshotLookup.user(snapshot, query);
        if (match.profile().isPresent()) {
            return match.profile().get();
        }
        if (match.id().isPresent() && !snapshot.userDirectory()) {
            // Without a user directory a user is an id; the UI gate says that name and membership are unknown.
            return new UserProfile(match.id().get(), null, "", "", false);
        }
        throw new ParameterException(spec.commandLine(), match.id().isPresent()
                ? "No user has the id " + match.id().get() + "." : match.problem());
    }
}
