package dev.inspector.app;

import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.ExplanationText;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.persistence.DatabaseException;
import dev.inspector.service.Session;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code inspector explain}: the resolution trace of one tenant (and user) for one flag. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Explain, step by step, whether a feature is on for a tenant (and a user), and why.",
        footer = {"", "Exit status: 0 when the server gate lets the feature through, 1 when it is blocked, "
                + "2 on bad input, 4 when the database cannot be used."})
final class ExplainCommand implements Callable<Integer> {

    @Option(names = "--tenant", required = true, paramLabel = "ID|NAME", description = "Tenant id, or (part of) its name.")
    String tenant;

    @Option(names = "--user", paramLabel = "ID|EMAIL", description = "Also run the UI gate for this user.")
    String user;

    @Option(names = "--flag", required = true, paramLabel = "KEY", description = "Feature flag key.")
    String flag;

    @Option(names = {"-q", "--quiet"}, description = "No progress messages on stderr.")
    boolean quiet;

    @ParentCommand
    InspectorCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = HeadlessSession.open(parent.target(), spec.commandLine().getErr(), quiet)) {
            GateSnapshot snapshot = session.gates().snapshot();
            Tenant t = Lookup.tenant(snapshot, tenant, spec);
            Optional<UserProfile> u = user == null ? Optional.empty() : Optional.of(Lookup.user(snapshot, user, spec));
            FeatureGate gate = new FeatureGate(snapshot);
            spec.commandLine().getOut().print(ExplanationText.render(snapshot, gate, t, u, flag));
            spec.commandLine().getOut().flush();
            return gate.explainServer(t.id(), flag).enabled() ? 0 : 1;
        } catch (DatabaseException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 4;
        }
    }
}
