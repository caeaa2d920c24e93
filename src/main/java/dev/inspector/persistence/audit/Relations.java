package dev.inspector.persistence.audit;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Quoted jOOQ names for relations and columns found in the catalogs. */
final class Relations {

    private Relations() {
    }

    static Table<?> table(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return DSL.table(DSL.name(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1)));
    }

    static Field<Object> column(String name) {
        return DSL.field(DSL.name(name));
    }

    static Field<Object> column(Table<?> table, String name) {
        return DSL.field(table.getQualifiedName().append(name));
    }
}
