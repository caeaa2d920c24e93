package dev.inspector.persistence.audit;

import dev.inspector.domain.audit.ColumnFacts;
import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.FunctionFacts;
import dev.inspector.domain.audit.PolicyFacts;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.RelationKind;
import dev.inspector.domain.audit.RoleFacts;
import dev.inspector.domain.audit.TenancyModel;
import dev.inspector.domain.audit.TriggerFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Reads what the schema checks judge from the system catalogs, in a fixed number of queries
 * whatever the number of relations: relations, privileges, policies, view sources, triggers,
 * functions, roles and foreign keys. Every value from outside is a bound parameter; the statements
 * themselves are constant. The facts are returned as read; judging them is the domain's.
 */
public final class CatalogReader {

    /** The roles end users act as in a Supabase-style project. */
    public static final List<String> API_ROLES = List.of("anon", "authenticated");

    private static final String RELATIONS = """
            SELECT c.oid::bigint AS oid, n.nspname, c.relname, c.relkind::text AS relkind, c.relispartition,
                   c.relrowsecurity, c.relforcerowsecurity, o.rolname AS owner, o.rolcanlogin,
                   (o.rolsuper OR o.rolbypassrls) AS owner_bypass,
                   coalesce(c.reloptions && ARRAY['security_invoker=true', 'security_invoker=on',
                            'security_invoker=1', 'security_invoker=yes'], false) AS security_invoker,
                   CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS definition,
                   has_table_privilege(c.oid, 'SELECT') AS auditor_reads
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_roles o ON o.oid = c.relowner
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND n.nspname <> ALL (?::text[]) AND n.nspname NOT LIKE 'pg\\_%'
            ORDER BY n.nspname, c.relname
            """;

    private static final String INDEXED_FIRST = """
            SELECT i.indrelid::bigint AS oid, a.attname
            FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
            WHERE i.indrelid::bigint = ANY (?::bigint[])
            """;

    private static final String PRIVILEGES = """
            SELECT c.oid::bigint AS oid, r.rolname, p.privilege
            FROM pg_class c
            CROSS JOIN pg_roles r
            CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p(privilege)
            WHERE c.oid::bigint = ANY (?::bigint[]) AND r.rolname = ANY (?::text[])
              AND CASE WHEN p.privilege IN ('SELECT', 'INSERT', 'UPDATE')
                       THEN has_any_column_privilege(r.oid, c.oid, p.privilege)
                       ELSE has_table_privilege(r.oid, c.oid, p.privilege) END
            """;

    private static final String UPDATABLE_COLUMNS = """
            SELECT a.attrelid::bigint AS oid, r.rolname, a.attname
            FROM pg_attribute a CROSS JOIN pg_roles r
            WHERE a.attrelid::bigint = ANY (?::bigint[]) AND a.attnum > 0 AND NOT a.attisdropped
              AND r.rolname = ANY (?::text[]) AND has_column_privilege(r.oid, a.attrelid, a.attnum, 'UPDATE')
            """;

    private static final String OWNER_INHERITED = """
            SELECT c.oid::bigint AS oid, r.rolname
            FROM pg_class c CROSS JOIN pg_roles r
            WHERE c.oid::bigint = ANY (?::bigint[]) AND r.rolname = ANY (?::text[])
              AND r.oid <> c.relowner AND pg_has_role(r.oid, c.relowner, 'USAGE')
            """;

    private static final String POLICIES = """
            SELECT pol.polrelid::bigint AS oid, pol.polname, pol.polcmd::text AS cmd, pol.polpermissive,
                   ARRAY(SELECT CASE WHEN x = 0 THEN 'public' ELSE pg_get_userbyid(x)::text END
                         FROM unnest(pol.polroles) AS x) AS roles,
                   pg_get_expr(pol.polqual, pol.polrelid) AS using_expr,
                   pg_get_expr(pol.polwithcheck, pol.polrelid) AS check_expr
            FROM pg_policy pol
            WHERE pol.polrelid::bigint = ANY (?::bigint[])
            ORDER BY pol.polname
            """;

    private static final String READS_FROM = """
            SELECT DISTINCT r.ev_class::bigint AS oid, dn.nspname || '.' || dc.relname AS source
            FROM pg_rewrite r
            JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                            AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class
            JOIN pg_class dc ON dc.oid = d.refobjid
            JOIN pg_namespace dn ON dn.oid = dc.relnamespace
            WHERE r.ev_class::bigint = ANY (?::bigint[])
            ORDER BY 2
            """;

    private static final String TRIGGERS = """
            SELECT t.tgrelid::bigint AS oid, t.tgname, t.tgfoid::regprocedure::text AS function, t.tgenabled <> 'D' AS enabled
            FROM pg_trigger t
            WHERE NOT t.tgisinternal AND t.tgrelid::bigint = ANY (?::bigint[])
            ORDER BY t.tgname
            """;

    private static final String FUNCTIONS = """
            SELECT n.nspname, p.proname, p.oid::regprocedure::text AS signature, l.lanname, p.prosecdef,
                   o.rolname AS owner, (o.rolsuper OR o.rolbypassrls) AS owner_bypass,
                   (SELECT substr(s, length('search_path=') + 1) FROM unnest(p.proconfig) AS s
                    WHERE s LIKE 'search\\_path=%') AS search_path,
                   p.prosrc, p.prorettype = 'trigger'::regtype AS returns_trigger, n.nspname = ANY (?::text[]) AS platform,
                   ARRAY(SELECT r.rolname::text FROM pg_roles r
                         WHERE r.rolname = ANY (?::text[]) AND has_function_privilege(r.oid, p.oid, 'EXECUTE')) AS executors
            FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_language l ON l.oid = p.prolang
            JOIN pg_roles o ON o.oid = p.proowner
            WHERE p.prokind IN ('f', 'p')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'inspector') AND n.nspname NOT LIKE 'pg\\_%'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                              AND d.deptype = 'e')
            ORDER BY 3
            """;

    /** Roles an API role is a member of, directly or not; SET: whether it may SET ROLE to it (PostgreSQL 16 can refuse). */
    private static final String ROLES = """
            SELECT g.rolname, g.rolsuper, g.rolbypassrls,
                   ARRAY(SELECT a.rolname::text FROM pg_roles a WHERE a.rolname = ANY (?::text[])
                         AND pg_has_role(a.oid, g.oid, CASE WHEN current_setting('server_version_num')::int >= 160000
                                                             THEN 'SET' ELSE 'MEMBER' END)) AS becomeable,
                   ARRAY(SELECT a.rolname::text FROM pg_roles a WHERE a.rolname = ANY (?::text[])
                         AND pg_has_role(a.oid, g.oid, 'USAGE')) AS inherited,
                   ARRAY(SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE c.relowner = g.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                           AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT IN ('pg_catalog', 'information_schema')) AS owns
            FROM pg_roles g
            WHERE g.rolname <> ALL (?::text[])
              AND EXISTS (SELECT 1 FROM pg_roles a WHERE a.rolname = ANY (?::text[]) AND pg_has_role(a.oid, g.oid, 'MEMBER'))
            ORDER BY 1
            """;

    private static final String FOREIGN_KEYS = """
            SELECT cn.nspname || '.' || cc.relname AS child, ca.attname AS child_column,
                   pn.nspname || '.' || pc.relname AS parent, pa.attname AS parent_column
            FROM pg_constraint k
            JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace
            JOIN pg_class pc ON pc.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
            JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = k.conkey[1]
            JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = k.confkey[1]
            WHERE k.contype = 'f' AND array_length(k.conkey, 1) = 1
              AND k.conrelid::bigint = ANY (?::bigint[]) AND k.confrelid::bigint = ANY (?::bigint[])
              AND k.conparentid = 0
            ORDER BY 1, 2
            """;

    private final DSLContext dsl;

    public CatalogReader(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Reads the catalogs for the model detected (or given) from {@code columns}. */
    public DatabaseFacts read(TenancyModel model, List<ColumnFacts> columns) {
        String[] apiRoles = dsl.fetch("SELECT rolname::text FROM pg_roles WHERE rolname = ANY (?::text[])",
                (Object) API_ROLES.toArray(String[]::new)).getValues(0, String.class).toArray(String[]::new);
        List<Record> relations = dsl.fetch(RELATIONS, (Object) ColumnCatalog.OTHER_SCHEMAS);
        Long[] oids = relations.stream().map(r -> r.get("oid", Long.class)).toArray(Long[]::new);
        Map<String, List<ColumnFacts>> columnsOf = new HashMap<>();
        columns.forEach(c -> columnsOf.computeIfAbsent(c.qualifiedRelation(), k -> new ArrayList<>()).add(c));

        Map<Long, Set<String>> indexedFirst = group(dsl.fetch(INDEXED_FIRST, (Object) oids), "attname");
        Map<Long, Map<String, Set<String>>> privileges = byRole(dsl.fetch(PRIVILEGES, oids, apiRoles), "privilege");
        Map<Long, Map<String, Set<String>>> updatable = byRole(dsl.fetch(UPDATABLE_COLUMNS, oids, apiRoles), "attname");
        Map<Long, Set<String>> inheritsOwner = group(dsl.fetch(OWNER_INHERITED, oids, apiRoles), "rolname");
        Map<Long, List<PolicyFacts>> policies = new HashMap<>();
        for (Record r : dsl.fetch(POLICIES, (Object) oids)) {
            policies.computeIfAbsent(r.get("oid", Long.class), k -> new ArrayList<>()).add(new PolicyFacts(
                    r.get("polname", String.class), command(r.get("cmd", String.class)), r.get("polpermissive", Boolean.class),
                    Set.of(r.get("roles", String[].class)), r.get("using_expr", String.class), r.get("check_expr", String.class)));
        }
        Map<Long, List<String>> readsFrom = new HashMap<>();
        for (Record r : dsl.fetch(READS_FROM, (Object) oids)) {
            readsFrom.computeIfAbsent(r.get("oid", Long.class), k -> new ArrayList<>()).add(r.get("source", String.class));
        }
        Map<Long, List<TriggerFacts>> triggers = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        relations.forEach(r -> names.put(r.get("oid", Long.class), r.get("nspname", String.class) + "." + r.get("relname", String.class)));
        for (Record r : dsl.fetch(TRIGGERS, (Object) oids)) {
            long oid = r.get("oid", Long.class);
            triggers.computeIfAbsent(oid, k -> new ArrayList<>()).add(new TriggerFacts(names.get(oid),
                    r.get("tgname", String.class), r.get("function", String.class), r.get("enabled", Boolean.class)));
        }

        List<RelationFacts> facts = new ArrayList<>();
        for (Record r : relations) {
            long oid = r.get("oid", Long.class);
            String qualified = names.get(oid);
            List<ColumnFacts> cols = columnsOf.getOrDefault(qualified, List.of());
            Set<String> columnNames = new TreeSet<>();
            cols.forEach(c -> columnNames.add(c.name()));
            String tenantName = model.columnFor(qualified);
            Optional<ColumnFacts> tenant = cols.stream().filter(c -> c.name().equals(tenantName)).findFirst();
            Set<String> tenantish = new TreeSet<>();
            tenant.ifPresent(c -> tenantish.add(c.name()));
            model.tenants().ifPresent(t -> cols.stream().filter(c -> c.references(t)).forEach(c -> tenantish.add(c.name())));
            Set<String> users = new TreeSet<>();
            cols.stream().filter(c -> model.users().map(c::references).orElse(false) || c.name().equals("user_id"))
                    .forEach(c -> users.add(c.name()));
            boolean referencesTenants = tenant.map(c -> model.tenants().map(c::references).orElse(false)).orElse(false);
            facts.add(new RelationFacts(r.get("nspname", String.class), r.get("relname", String.class),
                    kind(r.get("relkind", String.class), r.get("relispartition", Boolean.class)),
                    tenant.map(ColumnFacts::name), columnNames, tenantish, users,
                    r.get("relrowsecurity", Boolean.class), r.get("relforcerowsecurity", Boolean.class),
                    r.get("owner", String.class), r.get("rolcanlogin", Boolean.class), r.get("owner_bypass", Boolean.class),
                    tenant.map(c -> !c.notNull()).orElse(false), referencesTenants,
                    tenant.map(c -> indexedFirst.getOrDefault(oid, Set.of()).contains(c.name())).orElse(false),
                    r.get("security_invoker", Boolean.class),
                    privileges.getOrDefault(oid, Map.of()), updatable.getOrDefault(oid, Map.of()),
                    inheritsOwner.getOrDefault(oid, Set.of()), policies.getOrDefault(oid, List.of()),
                    readsFrom.getOrDefault(oid, List.of()), r.get("definition", String.class),
                    triggers.getOrDefault(oid, List.of()), tenant.map(ColumnFacts::type).orElse(""),
                    r.get("auditor_reads", Boolean.class)));
        }
        List<FunctionFacts> functions = dsl.fetch(FUNCTIONS, ColumnCatalog.OTHER_SCHEMAS, apiRoles).map(r -> new FunctionFacts(
                r.get("nspname", String.class), r.get("proname", String.class), r.get("signature", String.class),
                r.get("lanname", String.class), r.get("prosecdef", Boolean.class), r.get("owner", String.class),
                r.get("owner_bypass", Boolean.class), Optional.ofNullable(r.get("search_path", String.class)),
                r.get("prosrc", String.class), Set.of(r.get("executors", String[].class)),
                r.get("returns_trigger", Boolean.class), r.get("platform", Boolean.class)));
        List<RoleFacts> roles = dsl.fetch(ROLES, apiRoles, apiRoles, apiRoles, apiRoles).map(r -> new RoleFacts(
                r.get("rolname", String.class), r.get("rolsuper", Boolean.class), r.get("rolbypassrls", Boolean.class),
                Set.of(r.get("becomeable", String[].class)), Set.of(r.get("inherited", String[].class)),
                List.of(r.get("owns", String[].class))));
        Long[] tenantOids = relations.stream().filter(r -> facts.stream().anyMatch(f -> f.holdsTenantData()
                        && f.qualifiedName().equals(names.get(r.get("oid", Long.class)))))
                .map(r -> r.get("oid", Long.class)).toArray(Long[]::new);
        List<DatabaseFacts.ForeignKey> foreignKeys = dsl.fetch(FOREIGN_KEYS, tenantOids, tenantOids).map(r ->
                new DatabaseFacts.ForeignKey(r.get("child", String.class), r.get("child_column", String.class),
                        r.get("parent", String.class), r.get("parent_column", String.class)));
        return new DatabaseFacts(model, facts, Set.of(apiRoles), roles, functions, foreignKeys);
    }

    private static Map<Long, Set<String>> group(List<Record> rows, String value) {
        Map<Long, Set<String>> grouped = new HashMap<>();
        rows.forEach(r -> grouped.computeIfAbsent(r.get("oid", Long.class), k -> new TreeSet<>()).add(r.get(value, String.class)));
        return grouped;
    }

    private static Map<Long, Map<String, Set<String>>> byRole(List<Record> rows, String value) {
        Map<Long, Map<String, Set<String>>> grouped = new HashMap<>();
        rows.forEach(r -> grouped.computeIfAbsent(r.get("oid", Long.class), k -> new LinkedHashMap<>())
                .computeIfAbsent(r.get("rolname", String.class), k -> new TreeSet<>()).add(r.get(value, String.class)));
        return grouped;
    }

    private static String command(String polcmd) {
        return switch (polcmd) {
            case "r" -> "SELECT";
            case "a" -> "INSERT";
            case "w" -> "UPDATE";
            case "d" -> "DELETE";
            default -> "ALL";
        };
    }

    static RelationKind kind(String relkind, boolean partition) {
        return switch (relkind) {
            case "p" -> partition ? RelationKind.PARTITION : RelationKind.PARTITIONED_TABLE;
            case "v" -> RelationKind.VIEW;
            case "m" -> RelationKind.MATERIALIZED_VIEW;
            case "f" -> RelationKind.FOREIGN_TABLE;
            default -> partition ? RelationKind.PARTITION : RelationKind.TABLE;
        };
    }
}
