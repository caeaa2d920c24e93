package dev.inspector.ui.simulator;

import dev.inspector.domain.UserProfile;
import java.util.UUID;

/**
 * A user the simulator offers for a tenant: one of its members or a platform admin.
 *
 * @param member whether the user is a member of the tenant the option was made for
 */
public record UserOption(UUID id, String name, String email, boolean admin, boolean member) {

    static UserOption of(UserProfile profile, UUID tenantId) {
        return new UserOption(profile.id(), profile.fullName(), profile.email(), profile.platformAdmin(),
                profile.isMemberOf(tenantId));
    }

    /** A user known only by id: the database has no user directory to name them. */
    static UserOption unknown(UUID id) {
        return new UserOption(id, "", "", false, true);
    }

    /** "Amira Haddad &lt;amira.haddad@platform.example&gt; · admin". */
    public String label() {
        String who = (name.isBlank() ? id.toString() : name) + (email.isBlank() ? "" : " <" + email + ">");
        if (admin) {
            return who + (member ? " · admin" : " · admin, not a member");
        }
        return member ? who : who + " · not a member";
    }
}
