package dev.inspector.domain.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How this database separates tenants: the column that names a row's tenant (one name, or one per
 * relation), the relation the tenants themselves live in, how users belong to tenants (a membership
 * relation, many-to-many; or a role per tenant), where users are listed, and where rows without a
 * tenant are legitimate. Detected from the catalogs where they allow it, else given by the admin.
 *
 * @param tenantNameColumn  the tenants relation's column to show a tenant by (name, slug…), if any
 * @param users             the user directory (auth.users (id) in Supabase), if any
 * @param userLabelColumn   its column to show a user by (email), if any
 * @param tenantRolePattern e.g. "tenant_{id}" or "{slug}_tenant": each tenant's own database role
 * @param notes             how each part was found ("tenants: basejump.accounts, the target of 9 foreign keys")
 */
public record TenancyModel(String tenantColumn, Map<String, String> columnPerRelation,
                           Optional<RelationRef> tenants, Optional<String> tenantNameColumn,
                           Optional<Membership> membership, Optional<RelationRef> users, Optional<String> userLabelColumn,
                           Optional<String> tenantRolePattern, Set<String> nullTenantAllowed, List<String> notes) {

    /** A relation and its key column, e.g. public.tenants (id). */
    public record RelationRef(String schema, String name, String idColumn) {
        public String qualifiedName() {
            return schema + "." + name;
        }
    }

    /** Users belong to tenants through this relation: one row per user and tenant. */
    public record Membership(String schema, String name, String userColumn, String tenantColumn) {
        public String qualifiedName() {
            return schema + "." + name;
        }
    }

    public TenancyModel {
        columnPerRelation = Map.copyOf(columnPerRelation);
        nullTenantAllowed = Set.copyOf(nullTenantAllowed);
        notes = List.copyOf(notes);
    }

    /** The tenant column of a relation (schema.name): its own, else the common one. */
    public String columnFor(String qualifiedName) {
        return columnPerRelation.getOrDefault(qualifiedName, tenantColumn);
    }

    /** "tenant column tenant_id, tenants public.tenants (id), membership public.memberships (user_id, tenant_id)". */
    public String describe() {
        StringBuilder text = new StringBuilder("tenant column ").append(tenantColumn);
        tenants.ifPresentOrElse(t -> text.append(", tenants ").append(t.qualifiedName()).append(" (").append(t.idColumn()).append(')'),
                () -> text.append(", no tenants relation"));
        membership.ifPresent(m -> text.append(", membership ").append(m.qualifiedName()).append(" (")
                .append(m.userColumn()).append(", ").append(m.tenantColumn()).append(')'));
        tenantRolePattern.ifPresent(p -> text.append(", a role per tenant (").append(p).append(')'));
        return text.toString();
    }
}
