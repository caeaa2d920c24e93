package dev.inspector.domain.audit;

/** The parts of an audit an admin can choose to run. */
public enum CheckGroup {
    /** Catalog checks: RLS, policies, grants, views, functions, the tenant column. */
    SCHEMA,
    /** NULL and orphaned tenant ids, children whose tenant differs from their parent's. */
    DATA,
    /** Reads as a real tenant user inside a transaction that is always rolled back. */
    CROSS_TENANT_READ,
    /** Opt-in: attempted writes into other tenants' data, each of which must be refused. */
    CROSS_TENANT_WRITE
}
