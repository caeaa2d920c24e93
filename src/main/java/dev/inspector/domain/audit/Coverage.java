package dev.inspector.domain.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * What an audit run covered. A run that found no tenant relation, or could impersonate nobody
 * although cross-tenant checks were asked for, proves nothing: it is incomplete, fails any
 * {@code --fail-on} threshold and never satisfies a promotion gate.
 *
 * @param incompleteReason why the run proves less than it was asked to; empty for a complete run
 */
public record Coverage(int relationsAudited, int tenantsImpersonated, Optional<String> incompleteReason) {

    public Coverage {
        Objects.requireNonNull(incompleteReason, "incompleteReason");
    }

    /** A run saved before coverage was recorded: nothing can be said for it. */
    public static Coverage unknown() {
        return new Coverage(0, 0, Optional.of("it was saved before Inspector recorded what a run covered"));
    }

    public boolean complete() {
        return incompleteReason.isEmpty();
    }

    /** "7 tenant relations, 5 tenants impersonated". */
    public String words() {
        return relationsAudited + " tenant relation" + (relationsAudited == 1 ? "" : "s") + ", "
                + tenantsImpersonated + " tenant" + (tenantsImpersonated == 1 ? "" : "s") + " impersonated";
    }
}
