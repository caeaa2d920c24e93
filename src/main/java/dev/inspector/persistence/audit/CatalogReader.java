package dev.inspector.persistence.audit;

import dev.inspector.domain.audit.DatabaseFacts;
import dev.inspector.domain.audit.PolicyFacts;
import dev.inspector.domain.audit.RelationFacts;
import dev.inspector.domain.audit.RelationKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Reads what the schema checks judge from the system catalogs: six queries, whatever the number
 * of relations. Every value from outside (the tenant column name, role names, oids) is a bound
 * parameter; the statements themselves are constant.
 */
public final class CatalogReader {

    /** The roles end users act as in a Supabase-style project. */
    public static final List<String> API_ROLES = List.of("anon", "authenticated");

    private static final String RELATIONS = """
            SELECT c.oid::bigint AS oid, n.nspname, c.relname, c.relkind::text AS relkind, c.relispartition,
                   c.relrowsecurity, c.relforcerowsecurity, o.rolname AS owner, o.rolcanlogin,
                   (o.rolsuper OR o.rolbypassrls) AS owner_bypass, NOT a.attnotnull AS nullable,
                   EXISTS (SELECT 1 FROM pg_constraint k JOIN pg_class t ON t.oid = k.confrelid
                           WHERE k.conrelid = c.oid AND k.contype = 'f' AND k.conkey = ARRAY[a.attnum]
                             AND t.relname = 'tenants') AS references_tenants,
                   EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indkey[0] = a.attnum) AS indexed,
                   coalesce(c.reloptions && ARRAY['security_invoker=true', 'security_invoker=on',
                            'security_invoker=1', 'security_invoker=yes'], false) AS security_invoker
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped
            JOIN pg_roles o ON o.oid = c.relowner
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'inspector')
              AND n.nspname NOT LIKE 'pg\\_%'
            ORDER BY n.nspname, c.relname
            """;

    private static final String PRIVILEGES = """
            SELECT c.oid::bigint AS oid, r.rolname, p.privilege
            FROM pg_class c
            CROSS JOIN pg_roles r
            CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p(privilege)
            WHERE c.oid::bigint = ANY (?::bigint[]) AND r.rolname = ANY (?::text[])
              AND has_table_privilege(r.oid, c.oid, p.privilege)
            """;

    private static final String POLICIES = """
            SELECT pol.polrelid::bigint AS oid, pol.polname, pol.polcmd::text AS cmd, pol.polpermissive,
                   ARRAY(SELECT CASE WHEN x = 0 THEN 'public' ELSE pg_get_userbyid(x)::text END
                         FROM unnest(pol.polroles) AS x) AS roles,
                   pg_get_expr(pol.polqual, pol.polrelid) AS using_expr,
                   pg_get_expr(pol.polwithcheck, pol.polrelid) AS check_expr,
                   EXISTS (SELECT 1 FROM pg_depend d JOIN pg_attribute a
                             ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                           WHERE d.classid = 'pg_policy'::regclass AND d.objid = pol.oid
                             AND d.refclassid = 'pg_class'::regclass AND d.refobjid = pol.polrelid
                             AND a.attname = ?) AS uses_tenant_column,
                   EXISTS (SELECT 1 FROM pg_depend d
                           WHERE d.classid = 'pg_policy'::regclass AND d.objid = pol.oid
                             AND d.refclassid = 'pg_proc'::regclass) AS calls_functions
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

    private static final String BYPASS_ROLES = """
            SELECT DISTINCT b.rolname
            FROM pg_roles b CROSS JOIN pg_roles api
            WHERE api.rolname = ANY (?::text[]) AND (b.rolsuper OR b.rolbypassrls)
              AND pg_has_role(api.oid, b.oid, 'MEMBER')
            """;

    private static final String DEFINER_FUNCTIONS = """
            SELECT p.oid::regprocedure::text AS signature,
                   coalesce(array_to_string(p.proconfig, ',') LIKE '%search_path=%', false) AS pinned,
                   ARRAY(SELECT r.rolname::text FROM pg_roles r
                         WHERE r.rolname = ANY (?::text[]) AND has_function_privilege(r.oid, p.oid, 'EXECUTE')) AS executors
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg\\_%'
            ORDER BY 1
            """;

    private static final String TENANT_FOREIGN_KEYS = """
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

    public DatabaseFacts read(String tenantColumn) {
        String[] apiRoles = dsl.fetch("SELECT rolname::text FROM pg_roles WHERE rolname = ANY (?::text[])",
                (Object) API_ROLES.toArray(String[]::new)).getValues(0, String.class).toArray(String[]::new);
        List<Record> relations = dsl.fetch(RELATIONS, tenantColumn);
        Long[] oids = relations.stream().map(r -> r.get("oid", Long.class)).toArray(Long[]::new);

        Map<Long, Map<String, Set<String>>> privileges = new HashMap<>();
        for (Record r : dsl.fetch(PRIVILEGES, oids, apiRoles)) {
            privileges.computeIfAbsent(r.get("oid", Long.class), k -> new HashMap<>())
                    .computeIfAbsent(r.get("rolname", String.class), k -> new HashSet<>())
                    .add(r.get("privilege", String.class));
        }
        Map<Long, List<PolicyFacts>> policies = new HashMap<>();
        for (Record r : dsl.fetch(POLICIES, tenantColumn, oids)) {
            String using = r.get("using_expr", String.class);
            String check = r.get("check_expr", String.class);
            boolean caller = r.get("calls_functions", Boolean.class) || mentionsBuiltInCaller(using + " " + check);
            policies.computeIfAbsent(r.get("oid", Long.class), k -> new ArrayList<>()).add(new PolicyFacts(
                    r.get("polname", String.class), command(r.get("cmd", String.class)),
                    r.get("polpermissive", Boolean.class), Set.of(r.get("roles", String[].class)),
                    using, check, r.get("uses_tenant_column", Boolean.class), caller));
        }
        Map<Long, List<String>> readsFrom = new HashMap<>();
        for (Record r : dsl.fetch(READS_FROM, (Object) oids)) {
            readsFrom.computeIfAbsent(r.get("oid", Long.class), k -> new ArrayList<>()).add(r.get("source", String.class));
        }

        List<RelationFacts> facts = new ArrayList<>();
        for (Record r : relations) {
            long oid = r.get("oid", Long.class);
            facts.add(new RelationFacts(r.get("nspname", String.class), r.get("relname", String.class),
                    kind(r.get("relkind", String.class), r.get("relispartition", Boolean.class)), tenantColumn,
                    r.get("relrowsecurity", Boolean.class), r.get("relforcerowsecurity", Boolean.class),
                    r.get("owner", String.class), r.get("rolcanlogin", Boolean.class), r.get("owner_bypass", Boolean.class),
                    r.get("nullable", Boolean.class), r.get("references_tenants", Boolean.class),
                    r.get("indexed", Boolean.class), r.get("security_invoker", Boolean.class),
                    privileges.getOrDefault(oid, Map.of()), policies.getOrDefault(oid, List.of()),
                    readsFrom.getOrDefault(oid, List.of())));
        }
        Set<String> bypass = new HashSet<>(dsl.fetch(BYPASS_ROLES, (Object) apiRoles).getValues(0, String.class));
        List<DatabaseFacts.FunctionFacts> functions = new ArrayList<>();
        for (Record r : dsl.fetch(DEFINER_FUNCTIONS, (Object) apiRoles)) {
            String[] executors = r.get("executors", String[].class);
            if (executors.length > 0) {
                functions.add(new DatabaseFacts.FunctionFacts(r.get("signature", String.class),
                        r.get("pinned", Boolean.class), Set.copyOf(Arrays.asList(executors))));
            }
        }
        List<DatabaseFacts.ForeignKey> foreignKeys = dsl.fetch(TENANT_FOREIGN_KEYS, oids, oids).map(r ->
                new DatabaseFacts.ForeignKey(r.get("child", String.class), r.get("child_column", String.class),
                        r.get("parent", String.class), r.get("parent_column", String.class)));
        return new DatabaseFacts(facts, Set.of(apiRoles), bypass, functions, foreignKeys);
    }

    /** Built-in functions are pinned and never appear in pg_depend, so these are recognised by name. */
    private static boolean mentionsBuiltInCaller(String expressions) {
        String lower = expressions.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("current_setting(") || lower.contains("current_user") || lower.contains("session_user");
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

    private static RelationKind kind(String relkind, boolean partition) {
        return switch (relkind) {
            case "p" -> partition ? RelationKind.PARTITION : RelationKind.PARTITIONED_TABLE;
            case "v" -> RelationKind.VIEW;
            case "m" -> RelationKind.MATERIALIZED_VIEW;
            case "f" -> RelationKind.FOREIGN_TABLE;
            default -> partition ? RelationKind.PARTITION : RelationKind.TABLE;
        };
    }
}
