package dev.inspector.app;

import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import dev.inspector.domain.resolution.GateSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/** Finds the tenant or user an admin typed: an id, or a name / e-mail, with a clear word when it is ambiguous. */
final class Lookup {

    private Lookup() {
    }

    static Tenant tenant(GateSnapshot snapshot, String query, CommandSpec spec) {
        Optional<UUID> id = uuid(query);
        if (id.isPresent()) {
            return snapshot.findTenant(id.get()).orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "No tenant has the id " + query + "."));
        }
        String needle = query.strip().toLowerCase(Locale.ROOT);
        List<Tenant> exact = snapshot.tenants().stream()
                .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(needle)).toList();
        if (exact.size() == 1) {
            return exact.get(0);
        }
        List<Tenant> partial = exact.isEmpty() ? snapshot.tenants().stream()
                .filter(t -> t.name().toLowerCase(Locale.ROOT).contains(needle)).toList() : exact;
        if (partial.size() == 1) {
            return partial.get(0);
        }
        if (partial.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "No tenant is named like '" + query + "'.");
        }
        throw new ParameterException(spec.commandLine(), "'" + query + "' matches several tenants: "
                + partial.stream().map(t -> t.name() + " (" + t.id() + ")").collect(Collectors.joining(", "))
                + ". Give the id.");
    }

    static UserProfile user(GateSnapshot snapshot, String query, CommandSpec spec) {
        Optional<UUID> id = uuid(query);
        if (!snapshot.userDirectory()) {
            // Without a user directory a user is an id; the UI gate says that name and membership are unknown.
            return id.map(known -> new UserProfile(known, null, "", "", false)).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "This database has no user directory (public.profiles): give the user's id."));
        }
        Optional<UserProfile> found = id.isPresent()
                ? snapshot.findUser(id.get())
                : snapshot.users().stream().filter(u -> u.email().equalsIgnoreCase(query.strip())).findFirst();
        return found.orElseThrow(() -> new ParameterException(spec.commandLine(),
                "No user has the " + (id.isPresent() ? "id " : "e-mail ") + query + "."));
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
