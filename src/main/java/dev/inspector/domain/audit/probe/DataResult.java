package dev.inspector.domain.audit.probe;

import java.util.List;

/**
 * What one data check counted (as the auditor, in a read-only transaction).
 *
 * @param relation the relation whose rows are wrong (for PARENT_MISMATCH: the child)
 * @param column   the tenant column (for PARENT_MISMATCH: the child's referencing column)
 * @param parent   for PARENT_MISMATCH: the parent relation and its column; for ORPHAN_TENANT: the tenants relation
 */
public record DataResult(Kind kind, String relation, String column, String parent, long rows, List<String> sample) {

    /** The kinds of wrong row the data checks count. */
    public enum Kind {
        /** The tenant column is NULL. */
        NULL_TENANT,
        /** The tenant column names a tenant that does not exist. */
        ORPHAN_TENANT,
        /** A child row's tenant differs from the tenant of the parent row it references. */
        PARENT_MISMATCH
    }

    public DataResult {
        sample = List.copyOf(sample);
        parent = parent == null ? "" : parent;
    }
}
