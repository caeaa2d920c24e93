package dev.inspector.ui.tenants;

import dev.inspector.domain.UserGrant;
import dev.inspector.domain.UserProfile;
import java.util.List;
import java.util.stream.Collectors;

/** One member of the selected tenant, with the grants it holds there. */
public record MemberRow(UserProfile user, List<UserGrant> grants) {

    public MemberRow {
        grants = List.copyOf(grants);
    }

    /** The name, or the id when the directory has none. */
    public String name() {
        return user.fullName().isBlank() ? user.id().toString() : user.fullName();
    }

    public String email() {
        return user.email();
    }

    /** "report_export, sso_login; revoked: beta_ai" or "none". */
    public String grantWords() {
        String granted = grants.stream().filter(UserGrant::enabled).map(UserGrant::featureKey)
                .collect(Collectors.joining(", "));
        String revoked = grants.stream().filter(g -> !g.enabled()).map(UserGrant::featureKey)
                .collect(Collectors.joining(", "));
        if (granted.isEmpty() && revoked.isEmpty()) {
            return "none";
        }
        return granted + (revoked.isEmpty() ? "" : (granted.isEmpty() ? "" : "; ") + "revoked: " + revoked);
    }
}
