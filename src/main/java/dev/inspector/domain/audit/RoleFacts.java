package dev.inspector.domain.audit;

import java.util.List;
import java.util.Set;

/**
 * A role an API role can become (SET ROLE) or whose privileges it inherits.
 *
 * @param becomeableBy the API roles that may SET ROLE to it
 * @param inheritedBy  the API roles that have its privileges without SET ROLE
 * @param owns         the relations it owns (schema.name)
 */
public record RoleFacts(String name, boolean superuser, boolean bypassRls, Set<String> becomeableBy,
                        Set<String> inheritedBy, List<String> owns) {

    public RoleFacts {
        becomeableBy = Set.copyOf(becomeableBy);
        inheritedBy = Set.copyOf(inheritedBy);
        owns = List.copyOf(owns);
    }

    public boolean bypassesRls() {
        return superuser || bypassRls;
    }
}
