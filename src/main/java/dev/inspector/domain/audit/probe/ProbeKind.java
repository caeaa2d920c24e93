package dev.inspector.domain.audit.probe;

/** What a probe tried, as an impersonated user inside a transaction that was rolled back. */
public enum ProbeKind {
    /** Read the relation without a filter: rows of tenants the user does not belong to came back. */
    READ_OTHER_TENANTS,
    /** Read rows whose tenant column is NULL. */
    READ_NULL_TENANT,
    /** Signed in as a user who belongs to no tenant, and still read tenant rows. */
    READ_WITHOUT_TENANT,
    /** Read tenant rows as the anonymous role, signed out. */
    READ_AS_ANON,
    /** Forged what the policies trust (a setting, a header, user metadata) and read another tenant's rows. */
    READ_FORGED,
    /** SET ROLE to a role the API role may become, and read other tenants' rows. */
    READ_AS_ROLE,
    /** UPDATE … WHERE tenant = another tenant changed rows. */
    UPDATE_OTHER,
    /** UPDATE without WHERE changed rows of other tenants. */
    UPDATE_ALL,
    /** UPDATE of the user's own rows to another tenant succeeded. */
    MOVE_OWN,
    /** INSERT of a row naming another tenant succeeded. */
    INSERT_OTHER,
    /** DELETE … WHERE tenant = another tenant removed rows. */
    DELETE_OTHER,
    /** DELETE without WHERE removed rows of other tenants. */
    DELETE_ALL,
    /** Wrote a membership (or the relation the policies take the tenant from) naming another tenant, then read its rows. */
    JOIN_OTHER,
    /** Write probes left out on purpose, e.g. a trigger may act outside the transaction. */
    WRITE_SKIPPED;

    public boolean isWrite() {
        return switch (this) {
            case UPDATE_OTHER, UPDATE_ALL, MOVE_OWN, INSERT_OTHER, DELETE_OTHER, DELETE_ALL, JOIN_OTHER, WRITE_SKIPPED -> true;
            default -> false;
        };
    }
}
