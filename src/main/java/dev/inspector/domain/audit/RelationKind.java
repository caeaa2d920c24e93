package dev.inspector.domain.audit;

/** The kinds of relation that can hold or expose tenant data (pg_class.relkind). */
public enum RelationKind {
    TABLE, PARTITIONED_TABLE, PARTITION, VIEW, MATERIALIZED_VIEW, FOREIGN_TABLE;

    /** Whether Row Level Security applies to the relation itself. */
    public boolean hasOwnRowSecurity() {
        return this == TABLE || this == PARTITIONED_TABLE || this == PARTITION || this == FOREIGN_TABLE;
    }
}
