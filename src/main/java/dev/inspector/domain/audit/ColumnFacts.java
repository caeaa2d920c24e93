package dev.inspector.domain.audit;

import java.util.Optional;

/**
 * One column of a relation outside the system schemas, with the single-column foreign key it is
 * part of, if any: what the tenancy model is detected from.
 *
 * @param references     the column it references
 * @param inPrimaryKey   whether it is part of the relation's primary key
 * @param primaryKeySize how many columns that primary key has (0: none)
 * @param type           its type as PostgreSQL names it (format_type), e.g. uuid, bigint, text
 */
public record ColumnFacts(String schema, String relation, RelationKind kind, String name, boolean notNull,
                          Optional<Target> references, boolean inPrimaryKey, int primaryKeySize,
                          String type) {

    /** A referenced column. */
    public record Target(String schema, String relation, String column) {
        public String qualifiedRelation() {
            return schema + "." + relation;
        }
    }

    public String qualifiedRelation() {
        return schema + "." + relation;
    }

    /** Whether it references the relation's key column. */
    public boolean references(TenancyModel.RelationRef target) {
        return references.map(r -> r.qualifiedRelation().equals(target.qualifiedName()) && r.column().equals(target.idColumn()))
                .orElse(false);
    }
}
