package dev.inspector.domain.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the admin told the audit about the tenancy model; everything left empty is detected from
 * the catalogs. Parsed from options ({@code --tenants public.accounts(id)}) or a small properties
 * file, and refused with one plain sentence when it cannot mean anything.
 *
 * @param columnPerRelation relation (schema.name) → its tenant column, where it differs
 */
public record TenancyHints(Optional<String> tenantColumn, Optional<TenancyModel.RelationRef> tenants,
                           Optional<TenancyModel.Membership> membership, Optional<String> tenantRolePattern,
                           Map<String, String> columnPerRelation, Set<String> nullTenantAllowed) {

    /** Where a NULL tenant is legitimate unless told otherwise: platform admins' profiles belong to no tenant. */
    public static final Set<String> DEFAULT_NULL_TENANT_ALLOWED = Set.of("public.profiles");

    private static final String IDENT = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern RELATION = Pattern.compile("\\s*" + IDENT + "\\s*\\.\\s*" + IDENT + "\\s*(?:\\((.*)\\))?\\s*");

    /** PostgreSQL cuts identifiers at 63 bytes: a longer name cannot be one, and is refused before any query. */
    static final int MAX_IDENTIFIER = 63;

    public TenancyHints {
        tenantColumn = tenantColumn.map(String::strip).filter(c -> !c.isEmpty());
        tenantColumn.ifPresent(c -> identifier(c, "column"));
        columnPerRelation.values().forEach(c -> identifier(c, "column"));
        tenantRolePattern = tenantRolePattern.map(String::strip).filter(p -> !p.isEmpty());
        columnPerRelation = Map.copyOf(columnPerRelation);
        nullTenantAllowed = Set.copyOf(nullTenantAllowed);
        tenantRolePattern.ifPresent(p -> {
            if (!p.contains("{id}") && !p.contains("{name}") && !p.contains("{slug}")) {
                throw new IllegalArgumentException("The tenant role pattern '" + p + "' names no tenant: use {id}, {name} or {slug}.");
            }
        });
    }

    /** Nothing given: detect everything. */
    public static TenancyHints detect() {
        return new TenancyHints(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                DEFAULT_NULL_TENANT_ALLOWED);
    }

    public TenancyHints withTenantColumn(String column) {
        return new TenancyHints(Optional.ofNullable(column), tenants, membership, tenantRolePattern, columnPerRelation,
                nullTenantAllowed);
    }

    public TenancyHints withTenants(String spec) {
        return new TenancyHints(tenantColumn, Optional.ofNullable(spec).map(TenancyHints::tenants), membership,
                tenantRolePattern, columnPerRelation, nullTenantAllowed);
    }

    public TenancyHints withMembership(String spec) {
        return new TenancyHints(tenantColumn, tenants, Optional.ofNullable(spec).map(TenancyHints::membership),
                tenantRolePattern, columnPerRelation, nullTenantAllowed);
    }

    public TenancyHints withTenantRoles(String pattern) {
        return new TenancyHints(tenantColumn, tenants, membership, Optional.ofNullable(pattern), columnPerRelation,
                nullTenantAllowed);
    }

    public TenancyHints withColumn(String relation, String column) {
        Map<String, String> columns = new LinkedHashMap<>(columnPerRelation);
        columns.put(qualifiedName(relation), column.strip());
        return new TenancyHints(tenantColumn, tenants, membership, tenantRolePattern, columns, nullTenantAllowed);
    }

    public TenancyHints withNullTenantAllowed(Set<String> relations) {
        Set<String> names = new TreeSet<>();
        relations.forEach(r -> names.add(qualifiedName(r)));
        return new TenancyHints(tenantColumn, tenants, membership, tenantRolePattern, columnPerRelation, names);
    }

    /** "public.tenants(id)" or "public.tenants" (id assumed). */
    public static TenancyModel.RelationRef tenants(String spec) {
        Matcher m = match(spec, "--tenants", "schema.table(id)");
        String id = m.group(3) == null || m.group(3).isBlank() ? "id" : unquote(m.group(3).strip());
        if (id.contains(",")) {
            throw new IllegalArgumentException("The tenants relation '" + spec + "' names more than one id column.");
        }
        return new TenancyModel.RelationRef(unquote(m.group(1)), unquote(m.group(2)), id);
    }

    /** "public.memberships(user_id, tenant_id)". */
    public static TenancyModel.Membership membership(String spec) {
        Matcher m = match(spec, "--membership", "schema.table(user_column, tenant_column)");
        String[] columns = m.group(3) == null ? new String[0] : m.group(3).split(",");
        if (columns.length != 2 || columns[0].isBlank() || columns[1].isBlank()) {
            throw new IllegalArgumentException("The membership relation '" + spec
                    + "' must name its user column and its tenant column: schema.table(user_column, tenant_column).");
        }
        return new TenancyModel.Membership(unquote(m.group(1)), unquote(m.group(2)), unquote(columns[0].strip()),
                unquote(columns[1].strip()));
    }

    /** "public.events" → "public.events"; a name without a schema is refused. */
    public static String qualifiedName(String spec) {
        Matcher m = match(spec, "a relation", "schema.table");
        if (m.group(3) != null) {
            throw new IllegalArgumentException("'" + spec + "' should name a relation only: schema.table.");
        }
        return unquote(m.group(1)) + "." + unquote(m.group(2));
    }

    private static Matcher match(String spec, String what, String shape) {
        Matcher m = RELATION.matcher(spec == null ? "" : spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + spec + "' is not a relation for " + what + ": write " + shape + ".");
        }
        return m;
    }

    private static String identifier(String name, String what) {
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_IDENTIFIER) {
            throw new IllegalArgumentException("A " + what + " name has at most " + MAX_IDENTIFIER + " bytes in PostgreSQL; '"
                    + name.substring(0, Math.min(20, name.length())) + "…' has " + name.length() + " characters.");
        }
        return name;
    }

    private static String unquote(String ident) {
        if (ident.startsWith("\"")) {
            return identifier(ident.substring(1, ident.length() - 1).replace("\"\"", "\""), "relation or column");
        }
        return identifier(ident.toLowerCase(java.util.Locale.ROOT), "relation or column");
    }
}
