package dev.inspector.app;

import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.wording.ExplanationText;
import dev.inspector.domain.resolution.FeatureGate;
import dev.inspector.domain.resolution.GateSnapshot;
import dev.inspector.service.Session;
import java.io.PrintWriter;
import java.util.Optional;
import dev.inspector.domain.ChangeRecord;
import dev.inspector.domain.change.ChangeWords;
import java.time.OffsetDateTime;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code inspector explain}: the resolution trace of one tenant (and user) for one flag. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Explain, step by step, whether a feature is on for a tenant (and a user), and why.",
        footer = {"", "Exit status: 0 when the server gate lets the feature through, 1 when it is blocked, "
                + "2 on bad input, 4 when the database cannot be used."})
final class ExplainCommand extends HeadlessCommand {

    @Option(names = "--tenant", required = true, paramLabel = "ID|NAME", description = "Tenant id, or (part of) its name.")
    String tenant;

    @Option(names = "--user", paramLabel = "ID|EMAIL", description = "Also run the UI gate for this user.")
    String user;

    @Option(names = "--flag", required = true, paramLabel = "KEY", description = "Feature flag key.")
    String flag;

    @Option(names = "--as-of", paramLabel = "WHEN", description = "Answer as it was then (2026-12-01, "
            + "'2026-12-01 14:30', or with an offset), from the change history; lists what changed since.")
    String asOf;

    @Override
    int run(Session session, PrintWriter out) {
        Optional<OffsetDateTime> moment = asOf == null ? Optional.empty() : Optional.of(pastMoment(asOf));
        // now: only the rows that decide this question; in the past: the whole snapshot as it was
        GateSnapshot snapshot = moment.map(session.gates()::snapshotAsOf)
                .orElseGet(() -> session.gates().snapshotFor(tenant, Optional.ofNullable(user), flag));
        Tenant t = Lookup.tenant(snapshot, tenant, spec);
        Optional<UserProfile> u = user == null ? Optional.empty() : Optional.of(Lookup.user(snapshot, user, spec));
        if (snapshot.flags().stream().noneMatch(f -> f.key().equals(flag))) {
            throw badInput("No flag has the key '" + flag + "'.");
        }
        FeatureGate gate = new FeatureGate(snapshot);
        moment.ifPresent(m -> out.println("As of " + m + ", from the change history (changes made outside Inspector "
                + "are not in it):"));
        out.print(ExplanationText.render(snapshot, gate, t, u, flag));
        if (moment.isPresent()) {
            List<ChangeRecord> since = session.history().between(moment.get(), OffsetDateTime.now().plusMinutes(1), 50);
            out.println(since.isEmpty() ? "No recorded change since." : "Recorded changes since (newest first):");
            since.forEach(c -> out.println("  " + ChangeWords.line(c)));
        }
        return gate.explainServer(t.id(), flag).enabled() ? 0 : 1;
    }
}
