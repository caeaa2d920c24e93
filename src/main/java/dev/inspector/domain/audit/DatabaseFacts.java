package dev.inspector.domain.audit;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the schema checks need, read from the catalogs in one go.
 *
 * @param relations  every relation the audit looks at (see {@link RelationFacts})
 * @param apiRoles   the roles end users act as (anon, authenticated, or each tenant's role) that exist here
 * @param roles      roles the API roles can become or inherit
 * @param functions  functions policies and views may call, RPCs the API roles may execute, trigger functions
 */
public record DatabaseFacts(TenancyModel model, List<RelationFacts> relations, Set<String> apiRoles,
                            List<RoleFacts> roles, List<FunctionFacts> functions, List<ForeignKey> tenantForeignKeys) {

    public DatabaseFacts {
        relations = List.copyOf(relations);
        apiRoles = Set.copyOf(apiRoles);
        roles = List.copyOf(roles);
        functions = List.copyOf(functions);
        tenantForeignKeys = List.copyOf(tenantForeignKeys);
    }

    /** A single-column foreign key from one tenant relation to another (not the one to tenants). */
    public record ForeignKey(String child, String childColumn, String parent, String parentColumn) {
    }

    /** The relations that hold rows of several tenants (they have the tenant column). */
    public List<RelationFacts> tenantRelations() {
        return relations.stream().filter(RelationFacts::holdsTenantData).toList();
    }

    public Optional<RelationFacts> relation(String qualifiedName) {
        return relations.stream().filter(r -> r.qualifiedName().equals(qualifiedName)).findFirst();
    }

    /** Whether it is the tenants relation itself, whose rows are the tenants. */
    public boolean isRegistry(RelationFacts relation) {
        return model.tenants().map(t -> t.qualifiedName().equals(relation.qualifiedName())).orElse(false);
    }

    public Optional<FunctionFacts> function(String signature) {
        return functions.stream().filter(f -> f.signature().equals(signature)).findFirst();
    }
}
