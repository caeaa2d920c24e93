package dev.inspector.domain.resolution;

import dev.inspector.domain.Tenant;
import dev.inspector.domain.UserProfile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds the tenant or user an admin typed, the same way on the command line and in the simulator:
 * an id, or a tenant's name (exact, else the one name containing it) or a user's e-mail, with one
 * sentence when nothing or several match.
 */
public final class SnapshotLookup {

    private SnapshotLookup() {
    }

    /** A tenant, or the sentence saying why none was chosen. */
    public record TenantMatch(Optional<Tenant> tenant, String problem) {
    }

    /**
     * A user id, with the profile when the directory has one; or the sentence saying why none.
     * An id the directory does not know is still an id: the caller decides whether that is enough.
     */
    public record UserMatch(Optional<UUID> id, Optional<UserProfile> profile, String problem) {

        static UserMatch problem(String sentence) {
            return new UserMatch(Optional.empty(), Optional.empty(), sentence);
        }
    }

    public static TenantMatch tenant(GateSnapshot snapshot, String query) {
        Optional<UUID> id = uuid(query);
        if (id.isPresent()) {
            Optional<Tenant> found = snapshot.findTenant(id.get());
            return new TenantMatch(found, found.isPresent() ? "" : "No tenant has the id " + query.strip() + ".");
        }
        String needle = query.strip().toLowerCase(Locale.ROOT);
        List<Tenant> exact = snapshot.tenants().stream()
                .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(needle)).toList();
        List<Tenant> candidates = exact.isEmpty() ? snapshot.tenants().stream()
                .filter(t -> t.name().toLowerCase(Locale.ROOT).contains(needle)).toList() : exact;
        if (candidates.size() == 1) {
            return new TenantMatch(Optional.of(candidates.get(0)), "");
        }
        if (candidates.isEmpty()) {
            return new TenantMatch(Optional.empty(), "No tenant is named like '" + query.strip() + "'.");
        }
        return new TenantMatch(Optional.empty(), "'" + query.strip() + "' matches several tenants: "
                + candidates.stream().map(t -> t.name() + " (" + t.id() + ")").collect(Collectors.joining(", "))
                + ". Give the id.");
    }

    public static UserMatch user(GateSnapshot snapshot, String query) {
        Optional<UUID> id = uuid(query);
        if (id.isPresent()) {
            return new UserMatch(id, snapshot.findUser(id.get()), "");
        }
        if (!snapshot.userDirectory()) {
            return UserMatch.problem("This database has no user directory (public.profiles): give the user's id.");
        }
        String email = query.strip();
        return snapshot.users().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst()
                .map(p -> new UserMatch(Optional.of(p.id()), Optional.of(p), ""))
                .orElseGet(() -> UserMatch.problem("No user has the e-mail " + email + "."));
    }

    /** Only the canonical 36-character form is an id: {@code UUID.fromString} also takes "1-2-3-4-5". */
    public static Optional<UUID> uuid(String text) {
        String s = text.strip();
        try {
            return s.length() == 36 ? Optional.of(UUID.fromString(s)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
