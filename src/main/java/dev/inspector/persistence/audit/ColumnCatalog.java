package dev.inspector.persistence.audit;

import dev.inspector.domain.audit.ColumnFacts;
import dev.inspector.domain.audit.RelationKind;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Every column of every relation the audit looks at, with its single-column foreign key and its
 * part in the primary key: one query, the facts the tenancy model is detected from.
 */
public final class ColumnCatalog {

    /**
     * Schemas that hold no tenant data of the product: PostgreSQL's own, Inspector's, and those a
     * Supabase project keeps for its platform services (their functions are still read: auth.uid()).
     */
    static final String[] OTHER_SCHEMAS = {"pg_catalog", "information_schema", "inspector", "auth", "storage", "realtime",
            "_realtime", "supabase_functions", "supabase_migrations", "extensions", "graphql", "graphql_public", "vault",
            "pgsodium", "pgsodium_masks", "net", "cron", "pgbouncer", "pgtle", "_analytics", "topology", "tiger"};

    private static final String COLUMNS = """
            SELECT n.nspname AS schema_name, c.relname, c.relkind::text AS relkind, c.relispartition, a.attname, a.attnotnull,
                   rn.nspname AS ref_schema, rc.relname AS ref_relation, ra.attname AS ref_column,
                   coalesce(a.attnum = ANY (pk.conkey), false) AS in_pk, coalesce(array_length(pk.conkey, 1), 0) AS pk_size,
                   format_type(a.atttypid, a.atttypmod) AS type
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_constraint pk ON pk.conrelid = c.oid AND pk.contype = 'p'
            LEFT JOIN pg_constraint k ON k.conrelid = c.oid AND k.contype = 'f' AND k.conkey = ARRAY[a.attnum]
            LEFT JOIN pg_class rc ON rc.oid = k.confrelid
            LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            LEFT JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND (n.nspname <> ALL (?::text[]) OR (n.nspname = 'auth' AND c.relname = 'users'))
              AND n.nspname NOT LIKE 'pg\\_%'
            ORDER BY n.nspname, c.relname, a.attnum
            """;

    private final DSLContext dsl;

    public ColumnCatalog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The columns, auth.users included (the user directory), in the order of their relations. */
    public List<ColumnFacts> read() {
        return dsl.fetch(COLUMNS, (Object) OTHER_SCHEMAS).map(r -> new ColumnFacts(r.get("schema_name", String.class),
                r.get("relname", String.class), CatalogReader.kind(r.get("relkind", String.class), r.get("relispartition", Boolean.class)),
                r.get("attname", String.class), r.get("attnotnull", Boolean.class),
                Optional.ofNullable(r.get("ref_relation", String.class)).map(rel -> new ColumnFacts.Target(
                        r.get("ref_schema", String.class), rel, r.get("ref_column", String.class))),
                r.get("in_pk", Boolean.class), r.get("pk_size", Integer.class), r.get("type", String.class)));
    }
}
