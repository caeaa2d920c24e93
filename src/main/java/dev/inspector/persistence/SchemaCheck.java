package dev.inspector.persistence;

import dev.inspector.domain.SchemaReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * Compares the SaaS tables the console reads and writes with what the connected database has, so a
 * missing table or a column of the wrong type is named, not discovered as a stack trace later.
 */
public final class SchemaCheck {

    private static final Set<String> TEXT = Set.of("text", "character varying", "character");
    private static final Set<String> UUID = Set.of("uuid");
    private static final Set<String> BOOL = Set.of("boolean");

    /**
     * Tables beyond the reference document: used where present, never required. Absent, they are
     * noted; present but incomplete, they are a problem like any other.
     */
    static final Map<String, Map<String, Set<String>>> OPTIONAL = new LinkedHashMap<>();

    static final Map<String, String> ABSENT_MEANS = Map.of("profiles",
            "No public.profiles: users are known by id only (names, tenant membership and platform admins unknown)");

    /** The reference document's tables: table → column → acceptable information_schema data types. */
    static final Map<String, Map<String, Set<String>>> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("tenants", columns("id", UUID, "name", TEXT, "release_channel", TEXT));
        REQUIRED.put("feature_flags", columns("id", UUID, "key", TEXT, "name", TEXT, "description", TEXT,
                "default_enabled", BOOL, "is_killswitch", BOOL));
        REQUIRED.put("release_channel_feature_flags", columns("feature_flag_id", UUID, "release_channel", TEXT,
                "enabled", BOOL));
        REQUIRED.put("tenant_feature_flags", columns("tenant_id", UUID, "feature_flag_id", UUID, "enabled", BOOL));
        REQUIRED.put("tenant_feature_access", columns("tenant_id", UUID, "user_id", UUID, "feature_key", TEXT,
                "is_enabled", BOOL));
        OPTIONAL.put("profiles", columns("id", UUID, "tenant_id", UUID, "full_name", TEXT, "email", TEXT,
                "is_platform_admin", BOOL));
    }


    private SchemaCheck() {
    }

    public static SchemaReport check(DSLContext dsl) {
        Field<String> table = DSL.field(DSL.name("table_name"), String.class);
        Field<String> column = DSL.field(DSL.name("column_name"), String.class);
        Field<String> type = DSL.field(DSL.name("data_type"), String.class);
        Map<String, Map<String, String>> actual = new HashMap<>();
        for (Record3<String, String, String> r : dsl.select(table, column, type)
                .from(DSL.table(DSL.name("information_schema", "columns")))
                .where(DSL.field(DSL.name("table_schema")).eq("public"))
                .and(table.in(java.util.stream.Stream.concat(REQUIRED.keySet().stream(), OPTIONAL.keySet().stream()).toList()))
                .fetch()) {
            actual.computeIfAbsent(r.value1(), k -> new HashMap<>()).put(r.value2(), r.value3());
        }
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        OPTIONAL.forEach((tableName, cols) -> {
            if (!actual.containsKey(tableName)) {
                String means = ABSENT_MEANS.get(tableName);
                notes.add(exists(dsl, tableName) ? means.replace("No public." + tableName, "public." + tableName
                        + " is not readable by role '" + currentUser(dsl) + "'") : means);
                unusable.add(tableName);
            }
        });
        Map<String, Map<String, Set<String>>> expected = new LinkedHashMap<>(REQUIRED);
        OPTIONAL.forEach((tableName, cols) -> {
            if (actual.containsKey(tableName)) {
                expected.put(tableName, cols);
            }
        });
        expected.forEach((tableName, cols) -> {
            Map<String, String> present = actual.get(tableName);
            if (present == null) {
                // information_schema hides the columns of a table the role has no privilege on
                problems.add(exists(dsl, tableName) ? "Role '" + currentUser(dsl) + "' may not read public." + tableName + " (it lacks SELECT)"
                        : "Missing table public." + tableName);
                unusable.add(tableName);
                return;
            }
            cols.forEach((col, types) -> {
                String found = present.get(col);
                if (found == null) {
                    problems.add("Missing column " + tableName + "." + col);
                    unusable.add(tableName);
                } else if (!types.contains(found)) {
                    problems.add("Column " + tableName + "." + col + " is " + found + ", expected " + String.join(" or ", types));
                    unusable.add(tableName);
                }
            });
        });
        return new SchemaReport(problems, notes, Set.copyOf(unusable)).withReadOnly(lacking(dsl, actual.keySet()), currentUser(dsl));
    }

    /** What the console writes, table by table, and the privileges that takes. */
    static final Map<String, List<String>> WRITES = Map.of(
            "feature_flags", List.of("INSERT", "UPDATE"),
            "release_channel_feature_flags", List.of("INSERT", "UPDATE"),
            "tenant_feature_flags", List.of("INSERT", "UPDATE", "DELETE"),
            "tenant_feature_access", List.of("INSERT", "UPDATE", "DELETE"));

    /**
     * The tables (of those present) the connected role may not change, with what it lacks; the
     * console's own schema counts as one, written through change_set and change_entry.
     */
    private static Map<String, String> lacking(DSLContext dsl, Set<String> present) {
        // every privilege of every table in one round trip: a start pays for each query it waits on
        Map<String, List<String>> asked = new LinkedHashMap<>();
        WRITES.forEach((table, privileges) -> {
            if (present.contains(table)) {
                asked.put(table, privileges);
            }
        });
        Map<String, String> lacking = new LinkedHashMap<>(missing(dsl, "public", asked));
        if (exists(dsl, "inspector", "change_set")) {
            boolean usage = Boolean.TRUE.equals(dsl.fetchValue(DSL.field("has_schema_privilege('inspector', 'USAGE')", Boolean.class)));
            Map<String, List<String>> history = new LinkedHashMap<>();
            history.put("change_set", List.of("INSERT"));
            history.put("change_entry", List.of("INSERT"));
            (usage ? missing(dsl, "inspector", history).values().stream().findFirst() : java.util.Optional.of("USAGE"))
                    .ifPresent(m -> lacking.put(SchemaReport.CONSOLE_SCHEMA, m));
        }
        return lacking;
    }

    /** Per table (in the order given), the privileges the role lacks of those asked, comma-separated. */
    private static Map<String, String> missing(DSLContext dsl, String schema, Map<String, List<String>> asked) {
        List<Field<Boolean>> checks = new ArrayList<>();
        asked.forEach((table, privileges) -> privileges.forEach(privilege -> checks.add(
                DSL.field("has_table_privilege({0}, {1})", Boolean.class, DSL.val(DSL.name(schema, table).toString()),
                        DSL.val(privilege)))));
        Map<String, String> lacking = new LinkedHashMap<>();
        if (checks.isEmpty()) {
            return lacking;
        }
        org.jooq.Record answers = dsl.select(checks).fetchSingle();
        int i = 0;
        for (var entry : asked.entrySet()) {
            List<String> lacks = new ArrayList<>();
            for (String privilege : entry.getValue()) {
                if (!Boolean.TRUE.equals(answers.get(i++, Boolean.class))) {
                    lacks.add(privilege);
                }
            }
            if (!lacks.isEmpty()) {
                lacking.put(entry.getKey(), String.join(", ", lacks));
            }
        }
        return lacking;
    }

    private static boolean exists(DSLContext dsl, String table) {
        return exists(dsl, "public", table);
    }

    /** From the catalog, which every role may read (to_regclass needs USAGE on the schema). */
    private static boolean exists(DSLContext dsl, String schema, String table) {
        return dsl.fetchExists(DSL.selectOne().from(DSL.table(DSL.name("pg_catalog", "pg_class")).as("c"))
                .join(DSL.table(DSL.name("pg_catalog", "pg_namespace")).as("n"))
                .on(DSL.field(DSL.name("n", "oid")).eq(DSL.field(DSL.name("c", "relnamespace"))))
                .where(DSL.field(DSL.name("n", "nspname")).cast(String.class).eq(schema))
                .and(DSL.field(DSL.name("c", "relname")).cast(String.class).eq(table)));
    }

    private static String currentUser(DSLContext dsl) {
        return dsl.fetchValue(DSL.field("current_user::text", String.class));
    }

    private static Map<String, Set<String>> columns(Object... pairs) {
        Map<String, Set<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<String> types = (Set<String>) pairs[i + 1];
            map.put((String) pairs[i], types);
        }
        return map;
    }
}
